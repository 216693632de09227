/**
 * One message must not merge every thread (issue 13 item 7, ../shared/repro/04-thread-merge.sh):
 * a References list naming one id per thread joins none of them, two large threads are merged
 * only by a message that replies to both, and db reindex rebuilds the same partition.
 */
import { describe, expect, it } from 'vitest';
import { reindex } from '../../src/ingest/reindex.js';
import { MAX_REFERENCES, threadLinks } from '../../src/thread/sanitize.js';
import { generateMessage, generateReply } from '../helpers/message-generator.js';
import { dbWith } from '../search/fixture-db.js';
import { partition, tidOf } from './tree-build.js';
import type { Db } from '../../src/store/db.js';

const at = (h: number) => new Date(Date.UTC(2024, 0, 1, h)).toUTCString();
const threadCount = (db: Db) => db.prepare<[], { n: number }>('SELECT COUNT(DISTINCT thread_id) AS n FROM messages').get()!.n;

/** `n` threads of `size` messages each: t<i>-0 is the root, t<i>-<k> replies to t<i>-<k-1>. */
function threadsOf(n: number, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const chain: string[] = [];
    for (let k = 0; k < size; k++) {
      const id = `t${i}-${k}@x`;
      out.push(k === 0 ? generateMessage({ messageId: id, date: at(i) }) : generateReply(id, chain, { date: at(i) }));
      chain.push(id);
    }
  }
  return out;
}

describe('a message naming one id of every thread', () => {
  it('joins the thread of its parent only: the others stay apart, and db reindex agrees', async () => {
    const archive = threadsOf(40, 3);
    const evil = generateMessage({
      messageId: 'merge@evil',
      date: at(50),
      references: Array.from({ length: 40 }, (_, i) => `<t${i}-0@x>`).join(' '),
    });
    const db = await dbWith([...archive, evil], 10);
    expect(threadCount(db)).toBe(40);
    expect(tidOf(db, 'merge@evil')).toBe(tidOf(db, 't39-0@x'));
    const before = partition(db);
    await reindex(db);
    expect(partition(db)).toBe(before);
  });

  it('keeps the first References id and the last ones, so a long list cannot reach far', () => {
    const refs = Array.from({ length: 100 }, (_, i) => `r${i}@x`);
    const links = threadLinks({ selfIds: ['me@x'], inReplyTo: [], references: refs, addresses: [] });
    expect(links.refs).toHaveLength(MAX_REFERENCES);
    expect(links.refs[0]).toBe('r0@x');
    expect(links.refs.at(-1)).toBe('r99@x');
    expect(links.parent).toBe('r99@x');
  });
});

describe('two large threads', () => {
  it('are not merged by a message that names the other only among older references', async () => {
    const db = await dbWith(
      [
        ...threadsOf(2, 4),
        // Replies to t1-3 (its parent), but its References also name t0-0 of the other thread.
        generateMessage({ messageId: 'x@x', date: at(9), inReplyTo: '<t1-3@x>', references: '<t0-0@x> <t1-0@x> <t1-3@x>' }),
      ],
      1,
    );
    expect(tidOf(db, 'x@x')).toBe(tidOf(db, 't1-0@x'));
    expect(tidOf(db, 't0-0@x')).not.toBe(tidOf(db, 't1-0@x'));
  });

  it('are merged by the message that is the missing link: a reply in one, the parent of the other', async () => {
    // t0's replies name "link@x" as their parent; it arrives last, replying to t1-3.
    const t0 = [
      generateReply('a@x', ['link@x'], { date: at(1) }),
      generateReply('b@x', ['link@x', 'a@x'], { date: at(2) }),
      generateReply('c@x', ['link@x', 'a@x', 'b@x'], { date: at(3) }),
    ];
    const link = generateReply('link@x', ['t1-0@x', 't1-1@x', 't1-2@x', 't1-3@x'], { date: at(8) });
    const db = await dbWith([...t0, ...threadsOf(2, 4).slice(4), link], 1);
    expect(tidOf(db, 'a@x')).toBe(tidOf(db, 't1-0@x'));
  });
});
