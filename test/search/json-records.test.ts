import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hitJson } from '../../src/cli/search.js';
import { prepareQuery } from '../../src/search/query.js';
import { messageHits, messageJson } from '../../src/search/run.js';
import type { Db } from '../../src/store/db.js';
import { generateMessage } from '../helpers/message-generator.js';
import { dbWith } from './fixture-db.js';
import { shuffledArchive } from './shuffled-archive.js';

/**
 * `search --json` builds its records in SQL (issue 9: a cold process spent ~10 µs a row in
 * JavaScript). They must be exactly what hitJson() gives: same keys, same order, same values.
 */
let db: Db;
let odd: Db;
beforeAll(async () => {
  db = await shuffledArchive();
  odd = await dbWith([
    generateMessage({ messageId: 'same@x', subject: 'first "quoted" \\ back\tslash', body: 'needle one\n' }),
    // The same Message-ID with other bytes: stored under a derived id (storedId in the JSON).
    generateMessage({ messageId: 'same@x', subject: 'second, ünïcödé ✓', body: 'needle two\n' }),
    generateMessage({ messageId: null, from: '<nobody@example.org>', body: 'needle without an id\n' }),
    generateMessage({ messageId: 'when@x', date: 'Fri, 31 Dec 1999 23:59:59.999 +0000', body: 'needle at the millennium\n' }),
    generateMessage({ messageId: 'undated@x', date: null, body: 'needle undated\n' }),
  ]);
});
afterAll(() => {
  db.close();
  odd.close();
});

function both(h: Db, query: string, sort: 'newest' | 'oldest') {
  const q = prepareQuery(query, Date.UTC(2024, 0, 1)).compiled;
  return {
    sql: [...messageJson(h, q, { sort, limit: 0 })],
    js: [...messageHits(h, q, { sort, limit: 0 })].map((x) => JSON.stringify(hitJson(x))),
  };
}

describe('JSON records built by SQLite', () => {
  it('are byte for byte the JSON hitJson() gives, for odd ids, subjects and dates', () => {
    const { sql, js } = both(odd, 'needle', 'newest');
    expect(sql).toHaveLength(5);
    expect(sql).toEqual(js);
    expect(sql.some((r) => r.includes('"storedId"'))).toBe(true);
    expect(sql.some((r) => r.includes('"date":null'))).toBe(true);
  });

  it('agree for every match of a larger archive, in both orders', () => {
    for (const sort of ['newest', 'oldest'] as const) {
      const { sql, js } = both(db, 'filler OR alpha', sort);
      expect(sql.length).toBeGreaterThan(300);
      expect(sql).toEqual(js);
    }
  });
});
