/**
 * Review by reply, end to end (issue 10, acceptance): a private Dovecot holds the list's mail and
 * the mailbox the chair's replies arrive in, the real daemon pass (runOnce) runs with an injected
 * clock, and the in-process SMTP server receives what convene sends. No CLI step: the chair works
 * by mail only. Then what must not work: a forged From, a reply to the public digest, a missing or
 * altered HMAC, a DKIM failure, a replay, quoted commands.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { runOnce } from '../../src/daemon/run.js';
import { ReviewStore } from '../../src/review-mail/review-store.js';
import { readLog } from '../../src/store/audit.js';
import { openDb, type Db } from '../../src/store/db.js';
import { memoryLogger } from '../daemon/harness.js';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.js';
import { IMAP_ENV, imapSection } from '../helpers/imap-config.js';
import { generateMessage, generateReply } from '../helpers/message-generator.js';
import { SmtpCapture, type Captured } from '../helpers/smtp-capture.js';
import { FOLDER, LIST, LIST_ID, OCC, T, WG_MEETING } from './scenario.js';

const REVIEW = 'convene';
const CHAIR = 'Chair Person <chair@example.org>';

let dovecot: DovecotServer;
let capture: SmtpCapture;
let dir: string;
let config: Config;
let db: Db;
const log = memoryLogger();
const pass = (instant: number) => runOnce({ db, config, now: () => instant, logger: log, env: IMAP_ENV });

function header(raw: Buffer, name: string): string {
  const s = raw.toString('utf8');
  const head = s.slice(0, s.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}:[ \\t]*(.*?)\\r?$`, 'im').exec(head)?.[1] ?? '';
}
const midOf = (m: Captured) => header(m.raw, 'Message-ID').replace(/^<|>$/g, '');
const textOf = async (m: Captured) => (await simpleParser(m.raw)).text ?? '';
/** "  [2] Moving CI ..." lines of a mail to the chair: title → short number. */
async function numbersIn(m: Captured): Promise<Map<string, number>> {
  return new Map(
    [...(await textOf(m)).matchAll(/^ {2}(?:\d+\. )?\[(\d+)\] (.+?)(?: \[[^\]]*\])?(?: \(\d+ min\))?$/gm)].map((x) => [
      x[2]!,
      Number(x[1]),
    ]),
  );
}

/** A reply by mail, delivered into a folder of the Dovecot account convene reads. */
function reply(o: { id: string; to: string[]; from?: string; subject: string; body: string; headers?: Record<string, string> }): Buffer {
  return generateReply(o.id, o.to, {
    from: o.from ?? CHAIR,
    to: 'convene <convene@example.org>',
    date: 'Tue, 09 Jun 2026 13:00:00 -0400',
    subject: o.subject,
    body: o.body,
    ...(o.headers ? { headers: o.headers } : {}),
  });
}

const auditCount = () => readLog(db, { includeExtraction: false }).length;
const reviews = () => new ReviewStore(db);

beforeAll(async () => {
  [dovecot, capture] = await Promise.all([startDovecot(), SmtpCapture.start()]);
  dir = mkdtempSync(join(tmpdir(), 'convene-review-'));
  dovecot.addMessages(FOLDER, []);
  dovecot.addMessages(REVIEW, []);
  const path = join(dir, 'convene.yaml');
  writeFileSync(
    path,
    stringify({
      db: join(dir, 'convene.sqlite'),
      imap: imapSection(dovecot, { mailboxes: [FOLDER] }),
      // The chair's replies to convene@ are delivered to a folder of their own.
      reviewMailbox: REVIEW,
      transport: 'smtp',
      smtp: { host: '127.0.0.1', port: capture.port, tls: { allowPlaintext: true } },
      outbox: { dir: join(dir, 'outbox') },
      meetings: [{ ...WG_MEETING, chair: CHAIR, chairs: ['Co Chair <co@example.org>'] }],
      digest: {
        from: 'convene <convene@example.org>',
        to: [LIST],
        listId: LIST_ID,
        unsubscribe: ['mailto:devel-leave@lists.example.org'],
        archiveUrl: 'https://lore.example.org/devel/{messageId}/',
        zones: ['Europe/Berlin'],
        join: 'https://meet.example.org/infra-wg',
        // The public digest lists what is still undecided (opted in): the mail counts below include no held-items note.
        holdUnreviewed: false,
      },
    }),
  );
  config = await loadConfig(path);
  db = openDb(config.db);
});

afterAll(async () => {
  db?.close();
  await capture?.stop();
  await dovecot?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let reminder: Captured;
let command: Buffer;
let confirmation: Captured;
let digest: Captured;

describe('review by reply, end to end through Dovecot and SMTP', () => {
  it('call for items → replies on the list → reminder → the chair answers by mail → confirmation → the digest with that agenda', async () => {
    await pass(T.callForItems);
    const [call] = capture.ofKind('call-for-items') as [Captured];
    const [copy] = capture.ofKind('chair-copy') as [Captured];
    expect(copy.to).toEqual(['chair@example.org']);
    expect(await textOf(copy)).toContain('To review, reply to this mail.');

    const answer = (id: string, from: string, body: string) =>
      generateReply(id, [midOf(call)], {
        from,
        date: 'Fri, 05 Jun 2026 09:12:00 -0400',
        subject: `Re: ${header(call.raw, 'Subject')}`,
        headers: { 'List-Id': `<${LIST_ID}>` },
        body,
      });
    await dovecot.appendMessages(FOLDER, [
      call.raw,
      answer('ann-1@example.net', 'Ann <ann@example.net>', "I'd like to discuss the release schedule for version 3.0.\n"),
      answer(
        'bob-1@example.com',
        'Bob <bob@example.com>',
        'Topics from me:\n\n- Moving CI to self-hosted runners\n- Dropping the Python 2 bindings\n',
      ),
    ]);
    await pass(T.replies);

    await pass(T.reminder);
    [reminder] = capture.ofKind('chair-reminder') as [Captured];
    expect(reminder.to).toEqual(['chair@example.org']);
    const n = await numbersIn(reminder);
    expect([...n.entries()]).toEqual([
      ['The release schedule for version 3.0', 1],
      ['Moving CI to self-hosted runners', 2],
      ['Dropping the Python 2 bindings', 3],
    ]);

    // The chair answers from a mail client: commands on top, the reminder quoted below.
    const quoted = (await textOf(reminder))
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n');
    command = reply({
      id: 'chair-1@example.org',
      to: [midOf(reminder)],
      subject: `Re: ${header(reminder.raw, 'Subject')}`,
      body: `Accept 2 1\nreject 3 duplicate\n\nThanks!\n\nOn Tue, 9 Jun 2026, convene wrote:\n${quoted}\n`,
    });
    await dovecot.appendMessages(REVIEW, [command]);
    const before = capture.messages.length;
    await pass(T.chair);

    [confirmation] = capture.ofKind('review-confirmation') as [Captured];
    expect(capture.messages.length).toBe(before + 1);
    expect(confirmation.to).toEqual(['chair@example.org']);
    expect(header(confirmation.raw, 'In-Reply-To')).toBe('<chair-1@example.org>');
    const text = await textOf(confirmation);
    expect(text).toContain('Accept 2 1: [2] Moving CI to self-hosted runners is agenda item 1');
    expect(text).toContain('Accept 2 1: [1] The release schedule for version 3.0 is agenda item 2');
    expect(text).toContain('reject 3 duplicate: [3] Dropping the Python 2 bindings declined');
    expect(text).toContain('Not understood (not commands; nothing was guessed):\n  Thanks!\n');
    expect(text).toMatch(/The agenda as it now stands:\n {2}- Open pull requests \(standing item\)\n {2}1\. \[\d\] Moving CI/);

    // Logged like the CLI's actions, the command mail named as the source.
    const actions = readLog(db, { includeExtraction: false });
    expect(actions.map((a) => a.action)).toEqual(['accept', 'accept', 'reject']);
    expect(actions.every((a) => a.actor === `${CHAIR} (mail <chair-1@example.org>)`)).toBe(true);

    await pass(T.digest);
    [digest] = capture.ofKind('digest') as [Captured];
    const d = await textOf(digest);
    const order = [
      '- Open pull requests (standing item)',
      '1. Moving CI to self-hosted runners',
      '2. The release schedule for version 3.0',
    ];
    expect(
      order.map((s) => d.indexOf(s)).every((i, k, a) => i >= 0 && (k === 0 || i > a[k - 1]!)),
      d,
    ).toBe(true);
    expect(d).not.toContain('Dropping the Python 2 bindings');
    expect(log.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  /** Deliver a mail, run a pass: nothing may change and nothing may be sent; the reason is recorded. */
  async function refused(mail: Buffer, messageId: string, reason: RegExp, folder = REVIEW): Promise<void> {
    const [sent, audit] = [capture.messages.length, auditCount()];
    await dovecot.appendMessages(folder, [mail]);
    await pass(T.after);
    expect(capture.messages.length, 'no answer (no backscatter)').toBe(sent);
    expect(auditCount(), 'nothing changed').toBe(audit);
    const row = reviews()
      .recent(100)
      .find((r) => r.messageId === messageId);
    expect(row?.state).toBe('ignored');
    expect(row?.reason).toMatch(reason);
  }

  it('a forged From: someone else, and a co-chair the reminder did not go to', async () => {
    const subject = `Re: ${header(reminder.raw, 'Subject')}`;
    await refused(
      reply({ id: 'mallory-1@example.net', to: [midOf(reminder)], from: 'Mallory <mallory@example.net>', subject, body: 'reject 2\n' }),
      'mallory-1@example.net',
      /from mallory@example\.net, not the chair/,
    );
    await refused(
      reply({ id: 'co-1@example.org', to: [midOf(reminder)], from: 'Co Chair <co@example.org>', subject, body: 'reject 2\n' }),
      'co-1@example.org',
      /from co@example\.org, not the chair/,
    );
  });

  it('a reply to the public digest (on the list) is never a command mail', async () => {
    const mail = generateReply('chair-digest@example.org', [midOf(digest)], {
      from: CHAIR,
      date: 'Wed, 10 Jun 2026 12:00:00 -0400',
      subject: `Re: ${header(digest.raw, 'Subject')}`,
      headers: { 'List-Id': `<${LIST_ID}>` },
      body: 'reject 1\n',
    });
    await refused(mail, 'chair-digest@example.org', /a reply to the digest/, FOLDER);
  });

  it('a missing or altered HMAC: ids of our shape that convene did not make', async () => {
    const id = midOf(reminder);
    const mac = /\.([a-z2-7]{26})@/.exec(id)![1]!;
    const altered = id.replace(mac, (mac[0] === 'a' ? 'b' : 'a') + mac.slice(1));
    const missing = id.replace(`.${mac}`, '');
    const subject = `Re: ${header(reminder.raw, 'Subject')}`;
    await refused(
      reply({ id: 'alt-1@example.org', to: [altered], subject, body: 'reject 2\n' }),
      'alt-1@example.org',
      /HMAC does not verify/,
    );
    await refused(
      reply({ id: 'mis-1@example.org', to: [missing], subject, body: 'reject 2\n' }),
      'mis-1@example.org',
      /HMAC does not verify/,
    );
    // No id of ours at all: not even read as a reply to convene.
    const [sent, audit, rows] = [capture.messages.length, auditCount(), reviews().recent(100).length];
    await dovecot.appendMessages(REVIEW, [
      generateMessage({
        messageId: 'plain-1@example.org',
        from: CHAIR,
        date: 'Wed, 10 Jun 2026 12:00:00 -0400',
        subject,
        body: 'reject 2\n',
      }),
    ]);
    await pass(T.after);
    expect([capture.messages.length, auditCount(), reviews().recent(100).length]).toEqual([sent, audit, rows]);
  });

  it('a DKIM failure recorded by the receiving server (RFC 8601 Authentication-Results)', async () => {
    const mail = reply({
      id: 'dkim-1@example.org',
      to: [midOf(reminder)],
      subject: `Re: ${header(reminder.raw, 'Subject')}`,
      body: 'reject 2\n',
      headers: { 'Authentication-Results': 'mx.example.org; dkim=fail (signature did not verify) header.d=example.org; dmarc=fail' },
    });
    await refused(mail, 'dkim-1@example.org', /DKIM or DMARC failed/);
  });

  it('a replay of the applied command mail does nothing, byte for byte or re-sent with other headers', async () => {
    const [sent, audit] = [capture.messages.length, auditCount()];
    const resent = Buffer.concat([
      Buffer.from('Received: from relay.example.net by mx.example.org; Wed, 10 Jun 2026 12:00:00 -0400\n'),
      command,
    ]);
    await dovecot.appendMessages(REVIEW, [command, resent]);
    await pass(T.after);
    expect(capture.messages.length).toBe(sent);
    expect(auditCount()).toBe(audit);
    expect(reviews().byMessageId('chair-1@example.org')?.state).toBe('answered');
    expect(log.entries.some((e) => e.msg === 'review by reply: already read; a replay does nothing')).toBe(true);
  });

  it('quoted commands are not commands: a reply to the confirmation applies only its own lines', async () => {
    const n = await numbersIn(confirmation);
    const ci = n.get('Moving CI to self-hosted runners')!;
    const mail = reply({
      id: 'chair-2@example.org',
      to: [midOf(reminder), 'chair-1@example.org', midOf(confirmation)],
      subject: `Re: ${header(confirmation.raw, 'Subject')}`,
      body: `title ${ci} Self-hosted CI runners\n\n> Accept 2 1\n> reject 3 duplicate\n> defer ${ci}\n`,
    });
    const sent = capture.messages.length;
    await dovecot.appendMessages(REVIEW, [mail]);
    await pass(T.after);
    expect(
      readLog(db, { includeExtraction: false })
        .slice(3)
        .map((a) => a.action),
    ).toEqual(['edit']);
    const answers = capture.ofKind('review-confirmation');
    expect(capture.messages.length).toBe(sent + 1);
    const text = await textOf(answers.at(-1)!);
    expect(text).toContain(
      `title ${ci} Self-hosted CI runners: [${ci}] Moving CI to self-hosted runners is now titled "Self-hosted CI runners"`,
    );
    expect(text).not.toContain('Not understood');
    expect(text).toContain('The agenda went out to the list before these changes: reply "send" to mail the list an update.');
  });
});
