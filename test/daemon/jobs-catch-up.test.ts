import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jobsOf } from '../../src/mailings/job-reader.js';
import { OutboxStore } from '../../src/send/outbox-store.js';
import { harness, OCC, T, type Harness } from './harness.js';

const MIN = 60_000;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const job = (h: Harness, kind: string) => jobsOf(h.db, 'wg', OCC).find((j) => j.kind === kind)!;

describe('daemon jobs and catch-up', () => {
  it('runs each job at its instant and sends exactly one digest that replies to the call for items', async () => {
    h = await harness();
    await h.at(T.callForItems + 30_000);
    expect(h.capture.ofKind('call-for-items')).toHaveLength(1);
    await h.at(T.reminder + 30_000);
    const reminders = h.capture.ofKind('chair-reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.to).toEqual(['chair@example.org']);
    await h.at(T.digest - MIN);
    expect(h.capture.ofKind('digest')).toHaveLength(0);
    await h.at(T.digest + 30_000);
    await h.at(T.digest + 90_000);
    await h.at(T.digest + 3 * 3_600_000);
    const digests = h.capture.ofKind('digest');
    expect(digests).toHaveLength(1);
    const p = await h.capture.parsed(h.capture.messages.indexOf(digests[0]!));
    expect(p.subject).toBe('Test WG call: agenda for Wednesday 10 June 2026');
    const callId = new OutboxStore(h.db).byKey('wg', OCC, 'call-for-items', 0)!.messageId;
    expect(callId).toMatch(/^convene\.call-for-items\.r0\.wg\.2026-06-10\.[a-z2-7]{26}@example\.org$/);
    expect(p.inReplyTo).toBe(`<${callId}>`);
    expect(p.text).toMatch(/1\. Release planning[\s\S]*2\. CI <b>flakes<\/b>/);
    expect(p.html).toContain('CI &lt;b&gt;flakes&lt;/b&gt;');
    expect(job(h, 'digest').state).toBe('done');
    // The call-for-items echo reached the archive through the list mbox.
    const echoed = h.db.prepare('SELECT COUNT(*) AS n FROM messages WHERE header_mid = ?').get(callId) as { n: number };
    expect(echoed.n).toBe(1);
  });

  it('daemon down across the digest instant, started before the call: one digest, marked late', async () => {
    h = await harness();
    await h.at(T.callForItems + 30_000);
    await h.at(T.start - 3 * 3_600_000);
    await h.at(T.start - 3 * 3_600_000 + MIN);
    expect(h.capture.ofKind('digest')).toHaveLength(1);
    expect(job(h, 'digest').state).toBe('late');
    expect(job(h, 'chair-reminder').state).toBe('late');
    expect(h.log.entries.some((e) => e.msg === 'job ran late' && e.kind === 'digest' && e.late === true)).toBe(true);
  });

  it('daemon down across the digest instant, started after the call began: no digest, recorded skipped', async () => {
    h = await harness();
    await h.at(T.start + 30 * MIN);
    expect(h.capture.ofKind('digest')).toHaveLength(0);
    expect(h.capture.messages).toHaveLength(0);
    expect(job(h, 'digest').state).toBe('skipped');
    expect(job(h, 'call-for-items').state).toBe('skipped');
    expect(h.log.entries.some((e) => e.msg === 'job skipped: missed while down' && e.kind === 'digest')).toBe(true);
  });

  it('SMTP down at the due time and up an hour later: one digest, logged late', async () => {
    h = await harness();
    await h.at(T.callForItems + 30_000);
    await h.at(T.reminder + 30_000);
    await h.capture.stop();
    await h.at(T.digest + 30_000);
    expect(h.log.entries.some((e) => e.msg === 'send failed, will retry' && e.kind === 'digest')).toBe(true);
    const row = new OutboxStore(h.db).byKey('wg', OCC, 'digest', 0)!;
    expect(row.state).toBe('queued');
    await h.capture.listen();
    for (let m = 10; m <= 60; m += 10) await h.at(T.digest + m * MIN);
    expect(h.capture.ofKind('digest')).toHaveLength(1);
    const sent = h.log.entries.filter((e) => e.msg === 'mail sent' && e.kind === 'digest');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.late).toBe(true);
    expect(job(h, 'digest').state).toBe('done');
  });

  it('a permanent rejection is retried until the call starts (issue 11), then fails and tells the chair', async () => {
    h = await harness();
    await h.at(T.callForItems + 30_000);
    await h.at(T.reminder + 30_000);
    h.capture.mode = { kind: 'reject', code: 550, only: (rcpt) => rcpt === 'devel@lists.example.org' };
    await h.at(T.digest + 30_000);
    const queued = new OutboxStore(h.db).byKey('wg', OCC, 'digest', 0)!;
    expect(queued).toMatchObject({ state: 'queued', attempts: 1 });
    expect(h.log.entries.some((e) => e.level === 'error' && e.msg === 'send failed, will retry' && e.failure === 'permanent')).toBe(true);
    expect(h.capture.ofKind('failure-report')).toHaveLength(0);
    await h.at(T.start + MIN);
    const row = new OutboxStore(h.db).byKey('wg', OCC, 'digest', 0)!;
    expect(row.state).toBe('failed');
    expect(row.lastError).toMatch(/550/);
    const reports = h.capture.ofKind('failure-report');
    expect(reports).toHaveLength(1);
    expect(reports[0]!.to).toEqual(['chair@example.org']);
    expect((await h.capture.parsed(h.capture.messages.indexOf(reports[0]!))).subject).toBe(
      'convene could not send: Test WG call: agenda for Wednesday 10 June 2026',
    );
    expect(h.log.entries.some((e) => e.level === 'error' && e.msg === 'mail failed' && e.kind === 'digest')).toBe(true);
  });

  it('transient failures retry until the call starts, then give up', async () => {
    h = await harness();
    h.capture.mode = { kind: 'reject', code: 451 };
    await h.at(T.digest + 30_000);
    await h.at(T.digest + 10 * MIN);
    expect(new OutboxStore(h.db).byKey('wg', OCC, 'digest', 0)!.attempts).toBe(2);
    await h.at(T.start + MIN);
    const row = new OutboxStore(h.db).byKey('wg', OCC, 'digest', 0)!;
    expect(row.state).toBe('failed');
    expect(h.capture.ofKind('digest')).toHaveLength(0);
  });

  it('an empty agenda sends no digest; the chair gets a proposal to cancel', async () => {
    h = await harness({ items: [] });
    await h.at(T.digest + 30_000);
    expect(h.capture.ofKind('digest')).toHaveLength(0);
    const proposals = h.capture.ofKind('cancel-proposal');
    expect(proposals).toHaveLength(1);
    expect(proposals[0]!.to).toEqual(['chair@example.org']);
    expect((await h.capture.parsed(h.capture.messages.indexOf(proposals[0]!))).text).toMatch(/^ {2}cancel +cancel the call;/m);
  });

  it('items awaiting review are held back with a note to the chair (the default), or listed when the operator opts in', async () => {
    h = await harness({ proposed: ['Unreviewed idea'], digest: { holdUnreviewed: false } });
    await h.at(T.digest + 30_000);
    const listed = await h.capture.parsed(h.capture.messages.indexOf(h.capture.ofKind('digest')[0]!));
    expect(listed.text).toMatch(/Also proposed, not yet decided\n- Unreviewed idea\n/);
    expect(h.capture.ofKind('held-note')).toHaveLength(0);
    await h.close();

    h = await harness({ proposed: ['Unreviewed idea'] });
    await h.at(T.digest + 30_000);
    const held = await h.capture.parsed(h.capture.messages.indexOf(h.capture.ofKind('digest')[0]!));
    expect(held.text).not.toContain('Unreviewed idea');
    const notes = h.capture.ofKind('held-note');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.to).toEqual(['chair@example.org']);
    const note = await h.capture.parsed(h.capture.messages.indexOf(notes[0]!));
    expect(note.subject).toBe('1 proposal(s) held back from the Test WG call agenda, Wednesday 10 June 2026');
    expect(note.text).toContain('  [1] Unreviewed idea\n      proposed by Bob <bob@example.org>\n');
  });

  it('writes the notes skeleton after the call', async () => {
    h = await harness();
    await h.at(T.start + 30 * MIN);
    expect(job(h, 'notes').state).toBe('pending');
    await h.at(T.start + 2 * 3_600_000);
    expect(job(h, 'notes').state).toBe('late');
    const md = readFileSync(join(h.dir, 'outbox', 'notes', 'wg.2026-06-10.md'), 'utf8');
    expect(md).toMatch(/^---\nupdated: 2026-06-10\n/);
    expect(md).toMatch(/### Notes ###\n\n#### Quality and Test ####\n\n#### Release planning ####\n\n#### CI <b>flakes<\/b> ####/);
  });
});
