/**
 * Each command of review by reply through the real daemon pass (a local mbox as the list's
 * archive, the in-process SMTP server receiving): add, title, merge, move, defer, send, cancel,
 * an unknown number, a reply after the call started, the cancel proposal answered with "cancel".
 * The security checks run against Dovecot in test/e2e/review-by-reply.test.ts.
 */
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { getItem, listItems } from '../../src/agenda/items/reader.js';
import { readLog } from '../../src/store/audit.js';
import { appendMbox, harness, OCC, T, type Harness } from '../daemon/harness.js';
import { generateReply } from '../helpers/message-generator.js';
import type { Captured } from '../helpers/smtp-capture.js';

let h: Harness;
afterEach(async () => h?.close());

const text = async (m: Captured) => (await simpleParser(m.raw)).text ?? '';
const midOf = (m: Captured) => /^Message-ID:\s*<([^>]+)>/im.exec(m.raw.toString().replace(/\r?\n[ \t]+/g, ' '))![1]!;

/** The chair answers `to` with `body`: delivered to the archive convene reads. */
function answer(to: Captured, id: string, body: string): void {
  appendMbox(
    join(h.dir, 'list.mbox'),
    generateReply(id, [midOf(to)], {
      from: 'Chair Person <chair@example.org>',
      to: 'convene <convene@example.org>',
      date: 'Thu, 04 Jun 2026 10:00:00 +0100',
      subject: 'Re: your mail',
      body,
    }),
  );
}

const titles = () =>
  listItems(h.db, { meetingId: 'wg' })
    .filter((i) => i.state === 'accepted')
    .sort((a, b) => a.position! - b.position!)
    .map((i) => i.title);

describe('review by reply: the commands', () => {
  it('add, title, merge, move, defer; an unknown number changes nothing and is reported', async () => {
    h = await harness({ proposed: ['Rust', 'Rust in the kernel', 'Docs'] });
    await h.at(T.callForItems);
    const [copy] = h.capture.ofKind('chair-copy') as [Captured];
    // [1] Rust [2] Rust in the kernel [3] Docs, then the draft agenda: [4] Release planning [5] CI <b>flakes</b>
    expect(await text(copy)).toContain('  1. [4] Release planning\n  2. [5] CI <b>flakes</b>\n');
    answer(
      copy,
      'cmd-1@example.org',
      [
        'accept 1',
        'merge 2 into 1',
        'title 1 Rust for Linux',
        'move 1 to 1',
        'defer 3',
        'add Security review (20 min) [Kees]',
        'accept 7',
        'move 2 to 1',
        'move 5 to 9 please',
      ].join('\n'),
    );
    await h.at(T.callForItems + 3_600_000);
    expect(titles()).toEqual(['Rust for Linux', 'Release planning', 'CI <b>flakes</b>', 'Security review']);
    const docs = listItems(h.db, { meetingId: 'wg' }).find((i) => i.title === 'Docs')!;
    expect([docs.state, docs.occurrenceKey]).toEqual(['deferred', 'wg/2026-06-24']);
    const added = listItems(h.db, { meetingId: 'wg' }).find((i) => i.title === 'Security review')!;
    expect([added.presenter, added.durationMinutes, added.proposer]).toEqual(['Kees', 20, 'Chair Person <chair@example.org>']);
    const [answer1] = h.capture.ofKind('review-confirmation') as [Captured];
    const t = await text(answer1);
    expect(t).toContain('  merge 2 into 1: [2] Rust in the kernel merged into [1] Rust\n');
    expect(t).toContain('  accept 7: there is no [7] in the mail you replied to\n');
    // The chair's numbers, not convene's item ids.
    expect(t).toContain('  move 2 to 1: [2] is merged; only accepted items have a position\n');
    expect(t).toContain('Not understood (not commands; nothing was guessed):\n  move 5 to 9 please\n');
    expect(t).toContain('  1. [1] Rust for Linux\n');
    // Every change logged under the chair and the command mail.
    const mine = readLog(h.db, { includeExtraction: false }).filter((e) => e.actor.includes('cmd-1@example.org'));
    expect(mine.map((e) => e.action)).toEqual(['accept', 'merge', 'edit', 'move', 'defer', 'add']);
  });

  it('send mails the agenda now; a later send with nothing changed says so', async () => {
    h = await harness();
    await h.at(T.callForItems);
    answer(h.capture.ofKind('chair-copy')[0]!, 'cmd-send@example.org', 'send');
    await h.at(T.callForItems + 3_600_000);
    expect(h.capture.ofKind('digest')).toHaveLength(1);
    const [ok] = h.capture.ofKind('review-confirmation') as [Captured];
    expect(await text(ok)).toContain('The agenda has been mailed to the list.');
    answer(ok, 'cmd-send-2@example.org', 'send');
    await h.at(T.callForItems + 2 * 3_600_000);
    expect(h.capture.ofKind('digest')).toHaveLength(1);
    const again = await text(h.capture.ofKind('review-confirmation')[1]!);
    expect(again).toContain('Not done:\n  send: nothing changed since revision 0 of wg/2026-06-10; no update sent\n');
    expect(again).not.toContain('done, for');
    // The digest job at its due time finds the digest sent: nothing more goes out.
    await h.at(T.digest + 30_000);
    expect(h.capture.ofKind('digest')).toHaveLength(1);
  });

  it('cancel: the call is off, the list gets a METHOD:CANCEL notice, no digest follows', async () => {
    h = await harness();
    await h.at(T.callForItems);
    answer(h.capture.ofKind('chair-copy')[0]!, 'cmd-cancel@example.org', 'cancel\naccept 1');
    await h.at(T.callForItems + 3_600_000);
    const [notice] = h.capture.ofKind('cancellation') as [Captured];
    expect(notice.to).toEqual(['devel@lists.example.org']);
    const p = await simpleParser(notice.raw);
    expect(p.inReplyTo).toBe(`<${midOf(h.capture.ofKind('call-for-items')[0]!)}>`);
    const ics = p.attachments.find((a) => /calendar|ics/.test(a.contentType))!.content.toString();
    expect(ics).toMatch(/^METHOD:CANCEL\r$/m);
    expect(ics).toMatch(/^SEQUENCE:1\r$/m);
    const t = await text(h.capture.ofKind('review-confirmation')[0]!);
    expect(t).toContain('  cancel: the call is cancelled\n');
    expect(t).toContain('  accept 1: the call is cancelled\n');
    expect(t).toContain('The call is cancelled; the list has been told.');
    expect(readLog(h.db, {}).some((e) => e.action === 'meeting.cancel' && e.actor.includes('cmd-cancel@example.org'))).toBe(true);
    await h.at(T.digest + 30_000);
    expect(h.capture.ofKind('digest')).toHaveLength(0);
    expect(h.capture.ofKind('cancellation')).toHaveLength(1);
  });

  it('a command mail is neither a proposal for the extractor nor list activity in the digest', async () => {
    h = await harness({ proposed: ['Rust'] });
    await h.at(T.callForItems);
    answer(h.capture.ofKind('chair-copy')[0]!, 'cmd-prose@example.org', 'accept 1\nPlease add the budget for 2027 to the agenda.\n');
    await h.at(T.callForItems + 3_600_000);
    expect(listItems(h.db, { meetingId: 'wg' }).map((i) => i.title)).toEqual(['Release planning', 'CI <b>flakes</b>', 'Rust']);
    expect(await text(h.capture.ofKind('review-confirmation')[0]!)).toContain(
      'Not understood (not commands; nothing was guessed):\n  Please add the budget for 2027 to the agenda.\n',
    );
    await h.at(T.digest + 30_000);
    const digest = await text(h.capture.ofKind('digest')[0]!);
    expect(digest).not.toContain('Re: your mail');
    expect(digest).not.toContain('On the list');
  });

  it("a copy ignored (a DKIM failure on the way) does not stop the chair's own copy; a second good copy does nothing", async () => {
    h = await harness({ proposed: ['Rust'] });
    await h.at(T.callForItems);
    const copy = h.capture.ofKind('chair-copy')[0]!;
    const failed = generateReply('cmd-twice@example.org', [midOf(copy)], {
      from: 'Chair Person <chair@example.org>',
      date: 'Thu, 04 Jun 2026 10:00:00 +0100',
      subject: 'Re: your mail',
      headers: { 'Authentication-Results': 'mx.example.org; dkim=fail header.d=example.org' },
      body: 'accept 1\nfooter added by a relay\n',
    });
    appendMbox(join(h.dir, 'list.mbox'), failed);
    await h.at(T.callForItems + 3_600_000);
    expect(titles()).toEqual(['Release planning', 'CI <b>flakes</b>']);
    answer(copy, 'cmd-twice@example.org', 'accept 1');
    answer(copy, 'cmd-twice@example.org', 'accept 1\n');
    await h.at(T.callForItems + 2 * 3_600_000);
    expect(titles()).toEqual(['Release planning', 'CI <b>flakes</b>', 'Rust']);
    expect(h.capture.ofKind('review-confirmation')).toHaveLength(1);
  });

  it('the proposal to cancel an empty call can be answered "cancel"', async () => {
    h = await harness({ items: [] });
    await h.at(T.digest + 30_000);
    const [proposal] = h.capture.ofKind('cancel-proposal') as [Captured];
    answer(proposal, 'cmd-empty@example.org', 'Cancel');
    await h.at(T.digest + 3_600_000);
    expect(h.capture.ofKind('cancellation')).toHaveLength(1);
  });

  it('after the call started, nothing changes, and the chair is told why', async () => {
    h = await harness({ proposed: ['Late idea'] });
    await h.at(T.callForItems);
    answer(h.capture.ofKind('chair-copy')[0]!, 'cmd-late@example.org', 'accept 1');
    await h.at(T.start + 60_000);
    expect(getItem(h.db, listItems(h.db, { meetingId: 'wg' }).find((i) => i.title === 'Late idea')!.id)!.state).toBe('proposed');
    expect(await text(h.capture.ofKind('review-confirmation')[0]!)).toContain('  accept 1: the call has started\n');
    expect(OCC).toBe('wg/2026-06-10');
  });
});
