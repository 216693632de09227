import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { addItem } from '../../src/agenda/items/review.js';
import { configFromValue } from '../../src/config/load.js';
import { run } from '../../src/main.js';
import { occurrenceByKey } from '../../src/meetings/occurrences.js';
import { openDb } from '../../src/store/db.js';
import { configValue, OCC, T } from '../daemon/harness.js';
import { tempDir } from '../helpers/tmp.js';

function sink(): Writable & { text: () => string } {
  const chunks: Buffer[] = [];
  const w = new Writable({
    write(c, _e, cb) {
      chunks.push(Buffer.from(c));
      cb();
    },
  }) as Writable & { text: () => string };
  w.text = () => Buffer.concat(chunks).toString('utf8');
  return w;
}

let dir: string;
let configPath: string;
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await run(['--config', configPath, ...argv], { stdout, stderr, env: {} });
  return { code, out: stdout.text(), err: stderr.text() };
}
const AT = new Date(T.digest).toISOString();

function addTitle(title: string): void {
  const value = configValue(dir, null);
  const config = configFromValue(value, configPath);
  const db = openDb(config.db);
  const m = config.meetings[0]!;
  addItem(
    db,
    m,
    occurrenceByKey(db, m, OCC)!,
    { title, proposer: 'Ann <ann@example.org>', durationMinutes: 10 },
    { actor: 'chair', now: T.callForItems, meetings: config.meetings },
  );
  db.close();
}

beforeAll(() => {
  dir = tempDir('convene-cli-');
  writeFileSync(join(dir, 'list.mbox'), '');
  configPath = join(dir, 'convene.yaml');
  writeFileSync(configPath, JSON.stringify(configValue(dir, null)));
  addTitle('Release planning');
  addTitle('Security <script>alert(1)</script> review');
});

describe('convene digest / notes / status', () => {
  it('preview prints the text that would be sent', async () => {
    const r = await cli('digest', 'preview', '--meeting', 'wg', '--occurrence', '2026-06-10', '--now', AT);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Test WG call: Wednesday 10 June 2026, 16:00–17:00 Europe/London (UTC+01:00), 1 hour');
    // Added with `agenda add`: the chair's item, whatever the proposer field says.
    expect(r.out).toMatch(/1\. Release planning \(10 min\)\n {3}added by the chair\n/);
  });

  it('preview --format html escapes and inlines; --format eml is the whole message', async () => {
    const html = await cli('digest', 'preview', '--meeting', 'wg', '--occurrence', '2026-06-10', '--format', 'html', '--now', AT);
    expect(html.out).toContain('Security &lt;script&gt;alert(1)&lt;/script&gt; review');
    expect(html.out).not.toContain('<script>');
    const eml = await cli('digest', 'preview', '--meeting', 'wg', '--occurrence', '2026-06-10', '--format', 'eml', '--now', AT);
    const p = await simpleParser(Buffer.from(eml.out));
    expect(p.messageId).toMatch(/^<convene\.digest\.r0\.wg\.2026-06-10\.[a-z2-7]{26}@example\.org>$/);
    expect(p.subject).toBe('Test WG call: agenda for Wednesday 10 June 2026');
  });

  it('send writes once to the directory outbox; a second send is a no-op; --update sends [UPDATED] r1', async () => {
    const dry = await cli('digest', 'send', '--meeting', 'wg', '--occurrence', '2026-06-10', '--dry-run', '--now', AT);
    expect(dry.out).toContain('would send digest r0 for wg/2026-06-10');
    expect(existsSync(join(dir, 'outbox'))).toBe(false);

    const first = await cli('digest', 'send', '--meeting', 'wg', '--occurrence', '2026-06-10', '--now', AT);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('digest r0 for wg/2026-06-10: sent');
    const files = readdirSync(join(dir, 'outbox')).sort();
    const mid = /Message-ID: <(convene\.digest\.r0\.wg\.2026-06-10\.[a-z2-7]{26}@example\.org)>/.exec(first.out)![1]!;
    expect(files).toEqual([`${mid}.eml`, `${mid}.html`]);

    const second = await cli('digest', 'send', '--meeting', 'wg', '--occurrence', '2026-06-10', '--now', AT);
    expect(second.out).toContain('already in the outbox: digest r0');

    const nothing = await cli('digest', 'send', '--meeting', 'wg', '--occurrence', '2026-06-10', '--update', '--now', AT);
    expect(nothing.code).toBe(1);
    expect(nothing.err).toContain('nothing changed since revision 0');

    addTitle('Late topic');
    const upd = await cli('digest', 'send', '--meeting', 'wg', '--occurrence', '2026-06-10', '--update', '--now', AT);
    expect(upd.code, upd.err).toBe(0);
    expect(upd.out).toContain('digest r1 for wg/2026-06-10: sent');
    const r1 = readdirSync(join(dir, 'outbox')).find((f) => f.startsWith('convene.digest.r1.wg.2026-06-10.') && f.endsWith('.eml'))!;
    const updated = await simpleParser(readFileSync(join(dir, 'outbox', r1)));
    expect(updated.subject).toBe('[UPDATED] Test WG call: agenda for Wednesday 10 June 2026');
    expect(updated.text).toContain('* Added: Late topic');
    // In the first digest's thread (there was no call for items to reply to here).
    expect(updated.inReplyTo).toBe(`<${mid}>`);
    expect(updated.references).toBe(`<${mid}>`);
  });

  it('notes prints the skeleton in the notes format', async () => {
    const r = await cli('notes', '--meeting', 'wg', '--occurrence', '2026-06-10');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("subject: 'Weekly Meeting: 2026-06-10'");
    expect(r.out).toContain('permalink: weekly-2026-06-10');
    expect(r.out).toMatch(/### Agenda ###\n\n- Quality and Test\n- Release planning\n/);
    expect(r.out).toContain('Attendees: Chair Person (chair)');
    expect(r.out).toContain('The next call is scheduled for **Wednesday, 24th June**');
  });

  it('status --json shows the last sync, next jobs and the outbox after a daemon pass', async () => {
    const d = await cli('daemon', '--once', '--now', new Date(T.callForItems - 3_600_000).toISOString());
    expect(d.code, d.err).toBe(0);
    const lines = d.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string });
    expect(lines.at(-1)!.msg).toBe('pass done');
    const s = await cli('status', '--json', '--now', new Date(T.callForItems - 3_600_000).toISOString());
    const status = JSON.parse(s.out) as {
      lastSync: string;
      nextJobs: { kind: string; due: string }[];
      outbox: { counts: Record<string, number> };
    };
    expect(status.lastSync).toBe(new Date(T.callForItems - 3_600_000).toISOString());
    expect(status.outbox.counts.sent).toBe(2);
    expect(status.nextJobs[0]).toEqual({
      meeting: 'wg',
      occurrence: OCC,
      kind: 'call-for-items',
      // ISO 8601 with the meeting's offset (Europe/London, BST).
      due: '2026-06-03T16:00:00.000+01:00',
      planned: true,
    });
  });
});
