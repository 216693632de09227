import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/ingest/archive-check.js';
import { reindex } from '../../src/ingest/reindex.js';
import * as m011 from '../../src/store/migrations/011-thread-summaries.js';
import type { Db } from '../../src/store/db.js';
import { summaryMismatches } from '../../src/thread/summary-store.js';
import { mergeSummaries, summaryOf, summaryOfMembers } from '../../src/thread/summary.js';
import { shuffledArchive } from '../search/shuffled-archive.js';

/**
 * Issue 9: a summary row per thread (size, date span, subject, authors) kept by ingest as
 * messages arrive in any order and threads merge, so `search --threads` reads one row per
 * shown thread. It must always equal what the thread's messages give.
 */
let db: Db;
beforeAll(async () => {
  db = await shuffledArchive();
});
afterAll(() => db.close());

const rows = (): unknown[] => db.prepare('SELECT * FROM thread_summaries ORDER BY thread_id').all();

describe('thread summaries', () => {
  it('after an import in arrival order (merges, late parents, undated messages) agree with the messages', () => {
    const threads = db.prepare('SELECT count(DISTINCT thread_id) FROM messages').pluck().get() as number;
    expect(rows()).toHaveLength(threads);
    // Threads whose first message (by date) arrived after another of their messages: ingest had
    // to move the subject and the authors' order.
    const late = db
      .prepare('SELECT count(*) FROM thread_summaries s WHERE root_id > (SELECT min(id) FROM messages WHERE thread_id = s.thread_id)')
      .pluck()
      .get() as number;
    expect(late).toBeGreaterThan(3);
    expect(summaryMismatches(db)).toBe(0);
  });

  it('are what the migration computes in SQL for an archive stored before them', () => {
    const kept = rows();
    db.exec('DROP TABLE thread_summaries');
    db.exec(m011.up);
    expect(rows()).toEqual(kept);
  });

  it('db check finds a summary that went wrong, and db reindex rebuilds them right', async () => {
    db.prepare('UPDATE thread_summaries SET members = members + 1 WHERE thread_id = (SELECT min(thread_id) FROM thread_summaries)').run();
    db.prepare('DELETE FROM thread_summaries WHERE thread_id = (SELECT max(thread_id) FROM thread_summaries)').run();
    const check = checkArchive(db).checks.find((c) => c.name === 'thread summaries')!;
    expect(check).toMatchObject({ ok: false, detail: '2 threads whose summary row differs from their messages' });
    await reindex(db);
    expect(summaryMismatches(db)).toBe(0);
    expect(checkArchive(db).ok).toBe(true);
  });

  it('merging is order-free: any grouping of the members gives the same summary', () => {
    const members = [
      { id: 5, date: 300, who: 'Bob', subject: 'Re: x' },
      { id: 2, date: null, who: 'Carol', subject: 'Re: x (undated)' },
      { id: 9, date: 100, who: 'Alice', subject: 'x' },
      { id: 7, date: 100, who: 'Bob', subject: 'Re: x again' },
    ];
    const whole = summaryOfMembers(members)!;
    expect(whole).toEqual({
      members: 4,
      firstDate: 100,
      lastDate: 300,
      rootId: 2,
      rootDate: null,
      subject: 'Re: x (undated)',
      authors: [
        ['Carol', null, 2],
        ['Bob', 100, 7],
        ['Alice', 100, 9],
      ],
    });
    const [a, b, c, d] = members.map(summaryOf) as [ReturnType<typeof summaryOf>, ...ReturnType<typeof summaryOf>[]];
    expect(mergeSummaries(mergeSummaries(d!, b!), mergeSummaries(c!, a))).toEqual(whole);
  });
});
