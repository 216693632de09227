import { describe, expect, it } from 'vitest';
import { generateMessage, generateReply } from '../helpers/message-generator.js';
import { dbWith } from '../search/fixture-db.js';
import { partition, tidOf, treeOf } from './tree-build.js';

/** Dates one hour apart, so date order is the letter order unless a test says otherwise. */
const at = (h: number) => new Date(Date.UTC(2024, 0, 1, h)).toUTCString();
const msg = (id: string, h: number, extra: Parameters<typeof generateMessage>[0] = {}) =>
  generateMessage({ messageId: id, date: at(h), ...extra });
const reply = (id: string, chain: string[], h: number, extra: Parameters<typeof generateMessage>[0] = {}) =>
  generateReply(id, chain, { date: at(h), ...extra });

describe('threading edge cases (RFC 5256 / JWZ)', () => {
  it('a missing parent: siblings meet under a ghost; a lone reply stands alone', async () => {
    const db = await dbWith([reply('b@x', ['a@x'], 2), reply('c@x', ['a@x'], 3), reply('d@x', ['lost@x'], 4)]);
    expect(tidOf(db, 'b@x')).toBe(tidOf(db, 'c@x'));
    expect(tidOf(db, 'a@x')).toBe(tidOf(db, 'b@x')); // the ghost carries the thread id
    expect(treeOf(db, 'b@x')).toBe('?a(b c)');
    expect(treeOf(db, 'd@x')).toBe('d'); // a ghost with one child gives way to it
  });

  it('a reply before its parent: same thread, parent on top once it arrives', async () => {
    const db = await dbWith([reply('b@x', ['a@x'], 2), msg('a@x', 1)], 1);
    expect(tidOf(db, 'a@x')).toBe(tidOf(db, 'b@x'));
    expect(treeOf(db, 'a@x')).toBe('a(b)');
    const parent = db.prepare<[], { p: string }>("SELECT parent_mid AS p FROM messages WHERE mid = 'b@x'").get()!.p;
    expect(parent).toBe('a@x');
  });

  it('ghost chains from References join replies to different lost messages', async () => {
    // root and mid are lost; b answers mid (refs root, mid); c answers root.
    const db = await dbWith([reply('b@x', ['root@x', 'mid@x'], 2), reply('c@x', ['root@x'], 3)]);
    expect(treeOf(db, 'b@x')).toBe('?root(b c)');
  });

  it('reference loops: both messages shown once, no cycle', async () => {
    const db = await dbWith([
      msg('a@x', 1, { inReplyTo: '<b@x>', references: '<b@x>' }),
      msg('b@x', 2, { inReplyTo: '<a@x>', references: '<a@x>' }),
      msg('c@x', 3, { inReplyTo: '<d@x>', references: '<b@x> <c@x> <d@x>' }), // its own id in the chain
      msg('d@x', 4, { inReplyTo: '<c@x>', references: '<c@x>' }),
    ]);
    expect(partition(db)).toBe('a@x,b@x,c@x,d@x');
    // In date order: a takes parent b; b's parent a would close a loop (skipped); c takes d;
    // d's parent c would close a loop; c's References chain then puts d under b.
    expect(treeOf(db, 'a@x')).toBe('b(a d(c))');
  });

  it('self-reference is ignored', async () => {
    const db = await dbWith([msg('a@x', 1, { inReplyTo: '<a@x>', references: '<a@x>' })]);
    expect(treeOf(db, 'a@x')).toBe('a');
    expect(db.prepare<[], { p: string | null }>('SELECT parent_mid AS p FROM messages').get()!.p).toBeNull();
  });

  it('a reused Message-ID: both kept in the thread, replies go to the first holder', async () => {
    const db = await dbWith([
      msg('dup@x', 1, { subject: 'first' }),
      msg('dup@x', 2, { subject: 'second, same id' }),
      reply('r@x', ['dup@x'], 3),
    ]);
    expect(partition(db)).toBe('dup@x,dup@x,r@x');
    expect(treeOf(db, 'r@x')).toBe('dup(r) dup');
  });

  it('addresses that slipped into References do not link threads', async () => {
    const db = await dbWith([
      msg('a@x', 1, { from: 'Al <al@example.org>', references: '<al@example.org>' }),
      msg('b@x', 2, { from: 'Al <al@example.org>', references: '<al@example.org>' }),
    ]);
    expect(tidOf(db, 'a@x')).not.toBe(tidOf(db, 'b@x'));
  });

  it('the "y"/"n" In-Reply-To of the old git-send-email bug does not link threads', async () => {
    const db = await dbWith([
      msg('a@x', 1, { inReplyTo: '<y>' }),
      msg('b@x', 2, { inReplyTo: '<y>', references: '<y>' }),
      msg('c@x', 3, { inReplyTo: '<n>' }),
    ]);
    expect(new Set([tidOf(db, 'a@x'), tidOf(db, 'b@x'), tidOf(db, 'c@x')]).size).toBe(3);
  });

  it('over-long ids are shortened alike, so they still join (notmuch T290, issue 14 item 3)', async () => {
    const long = `${'x'.repeat(300)}@example.org`;
    const db = await dbWith([msg('a@x', 1, { references: `<${long}>` }), msg('b@x', 2, { references: `<${long}>` })]);
    expect(tidOf(db, 'a@x')).toBe(tidOf(db, 'b@x'));
  });

  it('In-Reply-To with several ids is not trusted: the last References id is the parent', async () => {
    const db = await dbWith([
      msg('a@x', 1),
      msg('b@x', 2, { inReplyTo: '<a@x>' }),
      msg('c@x', 3, { inReplyTo: '<a@x> <b@x>', references: '<a@x> <b@x>' }),
    ]);
    expect(treeOf(db, 'c@x')).toBe('a(b(c))');
  });

  it('a late message that references two threads merges them', async () => {
    const db = await dbWith([msg('a@x', 1), reply('a2@x', ['a@x'], 2), msg('b@x', 3), reply('b2@x', ['b@x'], 4)], 1);
    expect(tidOf(db, 'a@x')).not.toBe(tidOf(db, 'b@x'));
    const db2 = await dbWith(
      [msg('a@x', 1), reply('a2@x', ['a@x'], 2), msg('b@x', 3), reply('b2@x', ['b@x'], 4), msg('c@x', 5, { references: '<a@x> <b@x>' })],
      1,
    );
    expect(new Set(['a@x', 'a2@x', 'b@x', 'b2@x', 'c@x'].map((m) => tidOf(db2, m))).size).toBe(1);
    expect(treeOf(db2, 'c@x')).toBe('a(a2 b(b2 c))');
  });

  it('children are ordered by date, not by arrival', async () => {
    const db = await dbWith([msg('a@x', 1), reply('d@x', ['a@x'], 4), reply('c@x', ['a@x'], 3), reply('b@x', ['a@x'], 2)], 1);
    expect(treeOf(db, 'a@x')).toBe('a(b c d)');
  });
});
