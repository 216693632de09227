/**
 * End to end (issue 5, "Tests", first bullet): a private Dovecot holds the list's mail, the real
 * daemon pass (runOnce: IMAP sync → extraction → jobs → outbox → SMTP) runs with an injected
 * clock, the chair works through the in-process CLI, and the SMTP capture server receives the
 * mail. The test plays the list: what the daemon mails to the list is APPENDed into Dovecot, as
 * the list's delivery would put it there, together with the subscribers' replies.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { messageIdFor, type MailKind } from '../../src/digest/headers.js';
import { jobsOf } from '../../src/mailings/job-reader.js';
import { runOnce } from '../../src/daemon/run.js';
import { openDb, type Db } from '../../src/store/db.js';
import { messageIdSecret } from '../../src/store/secrets.js';
import { memoryLogger } from '../daemon/harness.js';
import { cli } from '../helpers/cli.js';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.js';
import { distinctCount, loadMbox } from '../helpers/ext4-slice.js';
import { IMAP_ENV, imapSection } from '../helpers/imap-config.js';
import { generateReply } from '../helpers/message-generator.js';
import { SmtpCapture, type Captured } from '../helpers/smtp-capture.js';
import { FOLDER, LIST, LIST_ID, OCC, T, WG_MEETING } from './scenario.js';

/** Our Message-IDs carry an HMAC under the archive's secret: known once the database exists. */
let CALL_ID: string;
let DIGEST_ID: string;

let dovecot: DovecotServer;
let capture: SmtpCapture;
let dir: string;
let configPath: string;
let config: Config;
let db: Db;
/** Real mail of another list (linux-ext4) in the same folder: background traffic. */
let background: Buffer[];
const log = memoryLogger();

/** One daemon pass at an instant, as `convene daemon --once --now TIME` runs it. */
const pass = (instant: number) => runOnce({ db, config, now: () => instant, logger: log, env: IMAP_ENV });

/** The in-process CLI on the same config file, its clock at `instant`. */
async function convene(instant: number, ...argv: string[]): Promise<unknown> {
  const r = await cli(['--config', configPath, ...argv], { CONVENE_NOW: new Date(instant).toISOString(), USER: 'chair' });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

/** The header block of a raw message, folded lines joined (RFC 5322 §2.2.3). */
function headersOf(raw: Buffer): string {
  const s = raw.toString('utf8');
  const end = s.search(/\r?\n\r?\n/);
  return (end === -1 ? s : s.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
}

/** The value of every top-level header with this name. */
function header(raw: Buffer, name: string): string[] {
  const re = new RegExp(`^${name}:[ \\t]*(.*?)\\r?$`, 'gim');
  return [...headersOf(raw).matchAll(re)].map((m) => m[1]!);
}

/** Content-Types of the MIME tree in document order (pre-order), parameters included. */
function mimeTypes(raw: Buffer): string[] {
  const unfolded = raw.toString('utf8').replace(/\r?\n[ \t]+/g, ' ');
  return [...unfolded.matchAll(/^Content-Type:[ \t]*(.*?)\r?$/gim)].map((m) => m[1]!.trim());
}

interface ItemJson {
  id: number;
  occurrence: string | null;
  state: string;
  position: number | null;
  title: string;
  proposer: string;
  messageIds: string[];
  supporters: string[];
  rule: string;
}

beforeAll(async () => {
  let ext4: Buffer[];
  [dovecot, capture, ext4] = await Promise.all([startDovecot(), SmtpCapture.start(), loadMbox()]);
  background = ext4.slice(0, 40);
  dir = mkdtempSync(join(tmpdir(), 'convene-e2e-'));
  // The meeting listens to devel.lists.example.org only: none of the background may become an item.
  dovecot.addMessages(FOLDER, background);
  configPath = join(dir, 'convene.yaml');
  writeFileSync(
    configPath,
    stringify({
      db: join(dir, 'convene.sqlite'),
      imap: imapSection(dovecot, { mailboxes: [FOLDER], batchSize: 25 }),
      transport: 'smtp',
      smtp: { host: '127.0.0.1', port: capture.port, tls: { allowPlaintext: true } },
      outbox: { dir: join(dir, 'outbox') },
      meetings: [WG_MEETING],
      digest: {
        from: 'convene <convene@example.org>',
        to: [LIST],
        listId: LIST_ID,
        unsubscribe: ['mailto:devel-leave@lists.example.org', 'https://lists.example.org/leave/devel'],
        unsubscribeOneClick: true,
        archiveUrl: 'https://lore.example.org/devel/{messageId}/',
        zones: ['Europe/Berlin', 'Asia/Tokyo'],
        join: 'https://meet.example.org/infra-wg',
      },
    }),
  );
  config = await loadConfig(configPath);
  db = openDb(config.db);
  const id = (kind: MailKind) =>
    messageIdFor({ meeting: 'wg', occurrence: OCC, kind, revision: 0 }, 'convene@example.org', messageIdSecret(db));
  [CALL_ID, DIGEST_ID] = [id('call-for-items'), id('digest')];
});

afterAll(async () => {
  db?.close();
  await capture?.stop();
  await dovecot?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('daemon against Dovecot and an SMTP server, end to end', () => {
  it('call for items → replies extracted over IMAP → chair accepts and orders → exactly one digest, parsed back', async () => {
    // 1. The call-for-items instant: the first pass syncs the background mail and sends the call.
    await pass(T.callForItems);
    const stored = db.prepare('SELECT COUNT(*) FROM messages').pluck().get() as number;
    expect(stored).toBe(distinctCount(background));
    // The call to the list, and the chair's copy of it.
    expect(capture.messages).toHaveLength(2);
    expect(capture.ofKind('chair-copy').map((m) => m.to)).toEqual([['chair@example.org']]);
    const [call] = capture.ofKind('call-for-items') as [Captured];
    expect(call.to).toEqual([LIST]);
    expect(header(call.raw, 'Message-ID')).toEqual([`<${CALL_ID}>`]);
    expect(header(call.raw, 'Subject')[0]).toContain('Infra WG call');
    expect(header(call.raw, 'List-Id')).toEqual([`<${LIST_ID}>`]);
    const callText = (await capture.parsed(capture.messages.indexOf(call))).text ?? '';
    expect(callText).toContain('Thursday 11 June 2026');
    expect(callText).toContain('Open pull requests');
    expect(await convene(T.callForItems, 'agenda', 'list', '--json')).toEqual([]);

    // 2. The list delivers the call, then the replies: two propose topics in their own text
    // (a phrase, a bulleted list), one is a "+1" to the first proposal.
    const reply = (id: string, chain: string[], from: string, date: string, body: string) =>
      generateReply(id, chain, {
        from,
        date,
        subject: `Re: ${header(call.raw, 'Subject')[0]}`,
        headers: { 'List-Id': `<${LIST_ID}>` },
        body,
      });
    await dovecot.appendMessages(FOLDER, [
      call.raw,
      reply(
        'ann-1@example.net',
        [CALL_ID],
        'Ann Author <ann@example.net>',
        'Fri, 05 Jun 2026 09:12:00 -0400',
        "Hi all,\n\nI'd like to discuss the release schedule for version 3.0.\n\nThanks,\nAnn\n\n> The next Infra WG call is on Thursday 11 June 2026\n",
      ),
      reply(
        'bob-1@example.com',
        [CALL_ID],
        'Bob Builder <bob@example.com>',
        'Fri, 05 Jun 2026 10:40:00 +0200',
        'Topics from me:\n\n- Moving CI to self-hosted runners\n- Dropping the Python 2 bindings\n\nBob\n',
      ),
      reply(
        'carol-1@example.org',
        [CALL_ID, 'ann-1@example.net'],
        'Carol <carol@example.org>',
        'Fri, 05 Jun 2026 11:00:00 +0000',
        "+1\n\n> I'd like to discuss the release schedule for version 3.0.\n",
      ),
    ]);

    // 3. A later pass syncs them over IMAP; the extractor makes the items of the 11 June call.
    await pass(T.replies);
    const echoed = db.prepare('SELECT COUNT(*) FROM messages WHERE header_mid = ?').pluck().get(CALL_ID) as number;
    expect(echoed).toBe(1);
    const lastSync = db.prepare("SELECT detail FROM event_log WHERE kind = 'daemon.sync' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(lastSync)).toEqual({ source: 'imap', stored: 4 });
    const items = (await convene(T.replies, 'agenda', 'list', '--json')) as ItemJson[];
    expect(items.map((i) => [i.title, i.state, i.occurrence, i.rule])).toEqual([
      ['The release schedule for version 3.0', 'proposed', OCC, 'call-reply'],
      ['Moving CI to self-hosted runners', 'proposed', OCC, 'call-reply'],
      ['Dropping the Python 2 bindings', 'proposed', OCC, 'call-reply'],
    ]);
    const byTitle = (t: string) => items.find((i) => i.title.startsWith(t))!;
    expect(byTitle('The release').proposer).toContain('ann@example.net');
    expect(byTitle('The release').messageIds).toEqual(['ann-1@example.net']);
    expect(byTitle('The release').supporters.join(' ')).toContain('carol@example.org');
    expect(byTitle('Dropping').proposer).toContain('bob@example.com');

    // The chair's reminder goes to the chair only, listing what awaits review.
    await pass(T.reminder);
    const reminders = capture.ofKind('chair-reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.to).toEqual(['chair@example.org']);
    expect(header(reminders[0]!.raw, 'Subject')[0]).toContain('3 agenda item(s) to review');

    // 4. The chair accepts two items and puts the second one first.
    const release = byTitle('The release').id;
    const python = byTitle('Dropping').id;
    expect(await convene(T.chair, 'agenda', 'accept', String(release), '--json')).toMatchObject({ state: 'accepted', position: 1 });
    expect(await convene(T.chair, 'agenda', 'accept', String(python), '--json')).toMatchObject({ state: 'accepted', position: 2 });
    expect(await convene(T.chair, 'agenda', 'move', String(python), '--to', '1', '--json')).toMatchObject({ position: 1 });

    // 5. The digest instant is the previous calendar day at the call's local time.
    const digestJob = jobsOf(db, 'wg', OCC).find((j) => j.kind === 'digest')!;
    expect(digestJob.due).toBe(T.digest);
    await pass(T.digest - 60_000);
    expect(capture.ofKind('digest')).toHaveLength(0);
    await pass(T.digest);
    expect(capture.ofKind('digest')).toHaveLength(1);
    await pass(T.digest);
    await pass(T.digest + 5 * 60_000);
    const digests = capture.ofKind('digest');
    expect(digests).toHaveLength(1);
    expect(jobsOf(db, 'wg', OCC).find((j) => j.kind === 'digest')!.state).toBe('done');
    // Nothing else was mailed: the call, the chair's copy, the reminder, the digest, and (unreviewed
    // proposals stay out of the public digest by default) the note telling the chair what was held back.
    expect(capture.ofKind('held-note').map((m) => m.to)).toEqual([['chair@example.org']]);
    expect(capture.messages).toHaveLength(5);
    expect(log.entries.filter((e) => e.level === 'error')).toEqual([]);

    const digest = digests[0]!;
    expect(digest.to).toEqual([LIST]);
    await checkDigest(digest, await capture.parsed(capture.messages.indexOf(digest)));
  });
});

/** Headers, MIME structure, calendar and agenda order of the digest as received. */
async function checkDigest(digest: Captured, p: ParsedMail): Promise<void> {
  const raw = digest.raw;
  expect(header(raw, 'List-Id')).toEqual([`<${LIST_ID}>`]);
  expect(header(raw, 'List-Unsubscribe')).toEqual(['<mailto:devel-leave@lists.example.org>, <https://lists.example.org/leave/devel>']);
  expect(header(raw, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click']);
  expect(header(raw, 'Auto-Submitted')).toEqual(['auto-generated']);
  expect(header(raw, 'Message-ID')).toEqual([`<${DIGEST_ID}>`]);
  expect(p.messageId).toBe(`<${DIGEST_ID}>`);
  expect(p.inReplyTo).toBe(`<${CALL_ID}>`);
  expect(header(raw, 'References')).toEqual([`<${CALL_ID}>`]);
  expect(p.subject).toBe('Infra WG call: agenda for Thursday 11 June 2026');
  expect(p.to && !Array.isArray(p.to) ? p.to.value.map((a) => a.address) : []).toEqual([LIST]);

  // text/plain first, then HTML, then the calendar as a PUBLISH alternative.
  const types = mimeTypes(raw).map((t) => t.toLowerCase());
  const at = (prefix: string) => types.findIndex((t) => t.startsWith(prefix));
  expect(at('text/plain')).toBeGreaterThan(-1);
  expect(at('text/plain')).toBeLessThan(at('text/html'));
  expect(at('text/html')).toBeLessThan(at('text/calendar'));
  expect(types[at('text/calendar')]).toMatch(/method=publish/);
  const ics = p.attachments.find((a) => a.contentType === 'text/calendar')?.content.toString('utf8') ?? '';
  expect(ics).toMatch(/^METHOD:PUBLISH\r?$/m);
  expect(ics).toMatch(/^BEGIN:VTIMEZONE\r?\nTZID:America\/New_York\r?$/m);
  expect(ics).toMatch(/^UID:convene\.wg\.2026-06-11@example\.org\r?$/m);
  expect(ics).toMatch(/^DTSTART;TZID=America\/New_York:20260611T110000\r?$/m);

  // The agenda in the chair's order; what awaits review is held back (the default, issue 13 item 5).
  const text = p.text ?? '';
  expect(text).not.toContain('Moving CI to self-hosted runners');
  const marks = [
    'Agenda\n------',
    '- Open pull requests (standing item)',
    '1. Dropping the Python 2 bindings',
    '2. The release schedule for version 3.0',
  ].map((s) => text.indexOf(s));
  expect(
    marks.every((i) => i >= 0),
    text,
  ).toBe(true);
  expect([...marks].sort((a, b) => a - b)).toEqual(marks);
  expect(text).toContain('Infra WG call: Thursday 11 June 2026, 11:00–12:00 America/New_York (UTC-04:00), 1 hour');
  expect(text).toContain('Europe/Berlin: 17:00–18:00 (UTC+02:00)');
  expect(text).toContain('https://lore.example.org/devel/ann-1@example.net/');
  const html = p.html || '';
  expect(html.indexOf('Dropping the Python 2 bindings')).toBeGreaterThan(-1);
  expect(html.indexOf('Dropping the Python 2 bindings')).toBeLessThan(html.indexOf('The release schedule for version 3.0'));
}
