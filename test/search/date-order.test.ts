import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inDateOrder } from '../../src/search/date-order.js';
import { prepareQuery } from '../../src/search/query.js';
import { messageHits, searchIds, searchMessages } from '../../src/search/run.js';
import { searchThreads } from '../../src/search/threads.js';
import type { Db } from '../../src/store/db.js';
import { shuffledArchive } from './shuffled-archive.js';

/**
 * Issue 9: the newest (or oldest) matches without sorting every match, a window of ids at a
 * time. Whatever the windows, the order must be exactly SQLite's ORDER BY date, id over every
 * match, on an archive whose ids do not follow its dates.
 */
let db: Db;
beforeAll(async () => {
  db = await shuffledArchive();
});
afterAll(() => db.close());

const NOW = Date.UTC(2024, 0, 1);
const QUERIES = [
  'alpha',
  'kernel journal',
  '"alpha beta"',
  'gamma -delta',
  'from:bob',
  'inode date:2019-01-01..2019-01-02',
  'extent OR inode',
];

/** Every match sorted by SQLite itself: the reference. */
function reference(query: string, sort: 'newest' | 'oldest'): number[] {
  const q = prepareQuery(query, NOW).compiled;
  const dir = sort === 'newest' ? 'DESC' : 'ASC';
  return db
    .prepare(
      `SELECT m.id FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid WHERE messages_fts MATCH ? AND (${q.where})
        ORDER BY m.date ${dir}, m.id ${dir}`,
    )
    .pluck()
    .all(q.match, ...q.params) as number[];
}

describe('matches in date order, a window of ids at a time', () => {
  it('the archive is out of order, has undated messages and shared dates', () => {
    const dates = db.prepare('SELECT date FROM messages ORDER BY id').pluck().all() as (number | null)[];
    const dated = dates.filter((d): d is number => d !== null);
    expect(dates.length - dated.length).toBeGreaterThan(5);
    expect(dated.some((d, i) => i > 0 && d < dated[i - 1]!)).toBe(true);
    expect(new Set(dated).size).toBeLessThan(dated.length);
  });

  it.each(QUERIES)('%s: the same order as sorting every match, whatever the window sizes', (query) => {
    const q = prepareQuery(query, NOW).compiled;
    for (const sort of ['newest', 'oldest'] as const) {
      const want = reference(query, sort);
      expect(want.length, query).toBeGreaterThan(0);
      for (const windows of [
        { first: 1, growth: 1, max: 1 },
        { first: 3, growth: 2, max: 16 },
        { first: 50, growth: 4, max: 100 },
        { first: 2048, growth: 4, max: 65_536 },
      ]) {
        const got = [...inDateOrder<{ id: number; date: number | null }>(db, q, 'm.id AS id, m.date AS date', sort, windows)];
        expect(
          got.map((r) => r.id),
          `${query} ${sort} ${JSON.stringify(windows)}`,
        ).toEqual(want);
      }
    }
  });

  it('a limit gives the first rows of that order (0: all of them), for messages and for ids', () => {
    for (const query of QUERIES) {
      const q = prepareQuery(query, NOW).compiled;
      for (const sort of ['newest', 'oldest'] as const) {
        const want = reference(query, sort);
        for (const limit of [0, 1, 7, 50]) {
          const first = limit ? want.slice(0, limit) : want;
          expect(
            searchMessages(db, q, { sort, limit }).map((h) => h.id),
            `${query} ${sort} ${limit}`,
          ).toEqual(first);
          expect(searchIds(db, q, { sort, limit })).toEqual(first);
        }
      }
    }
  });

  it('is lazy: the rows come as they are read, and stopping early is fine', () => {
    const it = messageHits(db, prepareQuery('filler', NOW).compiled, { sort: 'newest', limit: 0 })[Symbol.iterator]();
    const first = it.next();
    expect(first.done).toBe(false);
    it.return?.();
    expect(db.prepare('SELECT 1').pluck().get()).toBe(1); // the connection is free again
  });

  it('computes bm25 only to sort by relevance', () => {
    const q = prepareQuery('alpha', NOW).compiled;
    expect(searchMessages(db, q, { sort: 'newest', limit: 5 }).every((h) => h.score === null)).toBe(true);
    expect(searchMessages(db, q, { sort: 'relevance', limit: 5 }).every((h) => typeof h.score === 'number')).toBe(true);
  });
});

describe('--threads with a limit', () => {
  it.each(QUERIES)('%s: the first threads of the full grouping, with the same counts and summaries', (query) => {
    const q = prepareQuery(query, NOW).compiled;
    const all = searchThreads(db, q, { sort: 'newest', limit: 0 });
    expect(all.length).toBeGreaterThan(0);
    for (const limit of [1, 2, 5, 20, 500]) {
      expect(searchThreads(db, q, { sort: 'newest', limit }), `${query} ${limit}`).toEqual(all.slice(0, limit));
    }
  });
});
