import { beforeAll, describe, expect, it } from 'vitest';
import { prepareQuery } from '../../src/search/query.js';
import { searchMessages } from '../../src/search/run.js';
import type { Db } from '../../src/store/db.js';
import { dbWith, ext4Threads } from './fixture-db.js';

/**
 * A date range beside full text also bounds the FTS rowids (compile.ts rowidBounds). The result
 * must be exactly what the match and the date filter give without that shortcut.
 */
let db: Db;
beforeAll(async () => {
  db = await dbWith(await ext4Threads());
});

/** The text query alone (no date, so no rowid bounds), filtered by date here. */
function reference(text: string, from: number | null, to: number | null): number[] {
  return searchMessages(db, prepareQuery(text, Date.now()).compiled, { sort: 'newest', limit: 0 })
    .filter((h) => h.date !== null && (from === null || h.date >= from) && (to === null || h.date < to))
    .map((h) => h.id);
}

describe('date ranges beside full text', () => {
  it('give exactly the matches of the text inside the range', () => {
    const { min, max } = db.prepare('SELECT min(date) AS min, max(date) AS max FROM messages').get() as { min: number; max: number };
    const mid = new Date(Math.round((min + max) / 2)).toISOString().slice(0, 10);
    const cases: [string, string, number | null, number | null][] = [
      [`ext4 date:..${mid}`, 'ext4', null, Date.parse(`${mid}T00:00:00Z`) + 86_400_000],
      [`ext4 date:${mid}..`, 'ext4', Date.parse(`${mid}T00:00:00Z`), null],
      [`patch date:${mid}..${mid}`, 'patch', Date.parse(`${mid}T00:00:00Z`), Date.parse(`${mid}T00:00:00Z`) + 86_400_000],
      ['ext4 date:1990..1991', 'ext4', Date.UTC(1990, 0, 1), Date.UTC(1992, 0, 1)],
    ];
    let nonEmpty = 0;
    for (const [query, text, from, to] of cases) {
      const got = searchMessages(db, prepareQuery(query, Date.now()).compiled, { sort: 'newest', limit: 0 }).map((h) => h.id);
      expect(got, query).toEqual(reference(text, from, to));
      if (got.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(2);
  });
});
