/**
 * Threading as notmuch and public-inbox test it (issue 14 items 2 and 3, issue 13 item 7):
 * - notmuch test/T510-thread-replies.sh: In-Reply-To and References, broken or contradicting;
 * - notmuch test/T290-long-id.sh: a 512-character id, referenced before and after it is added;
 * - notmuch test/T470-missing-headers.sh: messages without Message-ID, Date, Subject;
 * - notmuch test/T670-duplicate-mid.sh: one Message-ID on several messages;
 * - public-inbox t/thread-cycle.t: Mail::Thread's testbox-6 and the "backwards" References set;
 * - public-inbox t/search-thr-index.t: a series delivered last-first is one thread, kept on reindex.
 */
import { describe, expect, it } from 'vitest';
import { reindex } from '../../src/ingest/reindex.js';
import { findMessage } from '../../src/store/message-reader.js';
import { partition } from '../thread/tree-build.js';
import { archive, eml, hits, parentOf, threads, treeOf } from './helpers.js';

describe('notmuch T510: thread replies', () => {
  it('Use References when In-Reply-To is broken', async () => {
    const db = await archive([
      eml({ 'Message-ID': '<foo@one.com>' }),
      eml({ 'Message-ID': '<r1@x>', 'In-Reply-To': 'mumble', References: '<foo@one.com>' }),
    ]);
    expect(treeOf(db, 'foo@one.com')).toBe('foo(r1)');
  });

  it('Prefer References to In-Reply-To (the In-Reply-To message is not in the archive)', async () => {
    const db = await archive([
      eml({ 'Message-ID': '<foo@two.com>' }),
      eml({ 'Message-ID': '<r2@x>', 'In-Reply-To': '<bar@baz.com>', References: '<foo@two.com>' }),
    ]);
    expect(treeOf(db, 'foo@two.com')).toBe('foo(r2)');
  });

  it('Use In-Reply-To when no References', async () => {
    const db = await archive([eml({ 'Message-ID': '<foo@three.com>' }), eml({ 'Message-ID': '<r3@x>', 'In-Reply-To': '<foo@three.com>' })]);
    expect(treeOf(db, 'foo@three.com')).toBe('foo(r3)');
  });

  it('Use last Reference', async () => {
    const db = await archive([
      eml({ 'Message-ID': '<foo@four.com>', Subject: 'four' }),
      eml({ 'Message-ID': '<bar@four.com>', Subject: 'not-four' }),
      eml({ 'Message-ID': '<neither@x>', 'In-Reply-To': '<baz@four.com>', References: '<baz@four.com> <foo@four.com>' }),
    ]);
    expect(treeOf(db, 'foo@four.com')).toBe('foo(neither)');
    expect(treeOf(db, 'bar@four.com')).toBe('bar');
  });

  it('Ignore garbage at the end of References', async () => {
    const db = await archive([
      eml({ 'Message-ID': '<foo@five.com>' }),
      eml({ 'Message-ID': '<bar@five.com>', References: '<foo@five.com> (garbage)' }),
    ]);
    expect(treeOf(db, 'foo@five.com')).toBe('foo(bar)');
  });
});

describe('notmuch T290: ridiculously long message ids', () => {
  const long = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'.repeat(8);

  it('three messages, the reference before the message and the reply after, are one thread', async () => {
    const db = await archive([
      eml({ 'Message-ID': '<ref-before@x>', Subject: 'Reference of ridiculously-long message ID', References: `<${long}>` }),
      eml({ 'Message-ID': `<${long}>`, Subject: 'A ridiculously-long message ID' }),
      eml({ 'Message-ID': '<reply-after@x>', Subject: 'Reply to ridiculously-long message ID', 'In-Reply-To': `<${long}>` }),
    ]);
    expect(threads(db)).toBe(1);
    expect(findMessage(db, `<${long}>`)?.subject).toBe('A ridiculously-long message ID');
    expect(parentOf(db, 'reply-after@x')).toBe(findMessage(db, long)?.mid);
  });
});

describe('notmuch T470: missing headers', () => {
  it('a message without Message-ID, Subject or From is stored, undated when it has no Date', async () => {
    const db = await archive([
      Buffer.from('To: Notmuch Test Suite <test_suite@notmuchmail.org>\nDate: Fri, 05 Jan 2001 15:43:57 +0000\n\nBody\n'),
      Buffer.from('From: Notmuch Test Suite <test_suite@notmuchmail.org>\n\nBody\n'),
    ]);
    const rows = db
      .prepare<[], { mid_source: string; date: number | null; subject: string }>(
        'SELECT mid_source, date, subject FROM messages ORDER BY id',
      )
      .all();
    expect(rows).toEqual([
      { mid_source: 'hash', date: Date.UTC(2001, 0, 5, 15, 43, 57), subject: '' },
      { mid_source: 'hash', date: null, subject: '' },
    ]);
    expect(threads(db)).toBe(2);
  });
});

describe('notmuch T670: duplicate message ids', () => {
  it('every copy is kept and searchable; the first keeps the id, the thread holds them all', async () => {
    const db = await archive([
      eml({ 'Message-ID': '<duplicate>', Subject: 'message 1' }),
      eml({ 'Message-ID': '<duplicate>', Subject: 'message 2' }),
      eml({ 'Message-ID': '<duplicate>', Subject: 'message 0' }),
      eml({ 'Message-ID': '<duplicate>', Subject: 'message 3' }, 'sekrit\n'),
    ]);
    expect(findMessage(db, 'id:duplicate')?.subject).toBe('message 1');
    expect(hits(db, 'subject:"message 2"')).toEqual(['duplicate']);
    expect(hits(db, 'sekrit')).toEqual(['duplicate']);
    expect(threads(db)).toBe(1);
  });
});

describe('public-inbox t/thread-cycle.t', () => {
  const build = (msgs: readonly { mid: string; references?: string }[]) =>
    archive(
      msgs.map((m, i) =>
        eml({
          'Message-ID': `<${m.mid}>`,
          Date: new Date(Date.UTC(2002, 10, 24, 10, i)).toUTCString(),
          ...(m.references ? { References: m.references } : {}),
        }),
      ),
    );

  it('Mail::Thread testbox-6: a reply that arrives before its parent is nested under it', async () => {
    const db = await build([
      { mid: '20021124145312.GA1759@nlin.net' },
      { mid: 'slrnau448m.7l4.markj+0111@cloaked.freeserve.co.uk', references: '<20021124145312.GA1759@nlin.net>' },
      {
        mid: '15842.10677.577458.656565@jupiter.akutech-local.de',
        references: '<20021124145312.GA1759@nlin.net> <slrnau448m.7l4.markj+0111@cloaked.freeserve.co.uk>',
      },
      {
        mid: '20021125171807.GK8236@somanetworks.com',
        references:
          '<20021124145312.GA1759@nlin.net> <slrnau448m.7l4.markj+0111@cloaked.freeserve.co.uk> <15842.10677.577458.656565@jupiter.akutech-local.de>',
      },
      {
        mid: '15843.12163.554914.469248@jupiter.akutech-local.de',
        references:
          '<20021124145312.GA1759@nlin.net> <slrnau448m.7l4.markj+0111@cloaked.freeserve.co.uk> <15842.10677.577458.656565@jupiter.akutech-local.de> <E18GPHf-0000zp-00@cloaked.freeserve.co.uk>',
      },
      {
        mid: 'E18GPHf-0000zp-00@cloaked.freeserve.co.uk',
        references:
          '<20021124145312.GA1759@nlin.net> <slrnau448m.7l4.markj+0111@cloaked.freeserve.co.uk> <15842.10677.577458.656565@jupiter.akutech-local.de>',
      },
    ]);
    expect(treeOf(db, '20021124145312.GA1759@nlin.net')).toBe(
      '20021124145312.GA1759(slrnau448m.7l4.markj+0111(15842.10677.577458.656565(20021125171807.GK8236 E18GPHf-0000zp-00(15843.12163.554914.469248))))',
    );
  });

  it('the backwards References set gives one thread, the same delivered forwards or backwards, with no loop', async () => {
    const backwards = [
      { mid: '1@x', references: '<2@x> <3@x> <4@x>' },
      { mid: '4@x', references: '<2@x> <3@x>' },
      { mid: '5@x', references: '<6@x> <7@x> <8@x> <3@x> <2@x>' },
      { mid: '9@x', references: '<6@x> <3@x>' },
      { mid: '10@x', references: '<8@x> <7@x> <6@x>' },
      { mid: '2@x', references: '<6@x> <7@x> <8@x> <3@x>' },
      { mid: '3@x', references: '<6@x> <7@x> <8@x>' },
      { mid: '6@x', references: '<8@x> <7@x>' },
      { mid: '7@x', references: '<8@x>' },
      { mid: '8@x' },
    ];
    const a = await build(backwards);
    const b = await build([...backwards].reverse());
    expect(threads(a)).toBe(1);
    expect(partition(a)).toBe(partition(b));
    const tree = treeOf(a, '8@x');
    expect(tree.match(/\d+/g)!.sort()).toEqual(['1', '10', '2', '3', '4', '5', '6', '7', '8', '9']);
  });
});

describe('public-inbox t/search-thr-index.t', () => {
  it('a cover letter and two patches delivered last-first are one thread, and reindex keeps it', async () => {
    const series = [
      eml({ Subject: '[RFC 00/14]', 'Message-Id': '<1-bw@g>', From: 'bw@g', To: 'git@vger.kernel.org' }),
      eml({ Subject: '[RFC 09/14]', 'Message-Id': '<10-bw@g>', 'In-Reply-To': '<1-bw@g>', References: '<1-bw@g>', From: 'bw@g' }),
      eml({ Subject: '[RFC 03/14]', 'Message-Id': '<4-bw@g>', 'In-Reply-To': '<1-bw@g>', References: '<1-bw@g>', From: 'bw@g' }),
    ];
    const db = await archive([...series].reverse());
    expect(threads(db)).toBe(1);
    const tid = findMessage(db, '1-bw@g')?.thread_id;
    await reindex(db);
    expect(threads(db)).toBe(1);
    expect(findMessage(db, '1-bw@g')?.thread_id).toBe(tid);
  });
});
