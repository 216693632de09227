import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { makePrinter, type OutputFormat } from '../../src/cli/output.js';
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
/** RFC 2047 Q-encoding of every byte. */
const q = (s: string) => `=?utf-8?q?${[...Buffer.from(s)].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')}?=`;
const HOSTILE = 'a\x1b[2K\rb \x7f \u009b2J \u202eevil\u2066 \u2028 end';

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
    // What a terminal acts on (issue 13): C0, DEL, C1, bidirectional controls, a line separator.
    generateMessage({ messageId: 'esc@x', from: `${q('Eve\x1b]0;PWNED\x07')} <eve@x>`, subject: q(HOSTILE), body: 'needle esc\n' }),
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
    expect(sql).toHaveLength(6);
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

  it("print as the printer prints hitJson's objects: control characters, C1 and bidi as \\u escapes", () => {
    const q = prepareQuery('needle', Date.UTC(2024, 0, 1)).compiled;
    const printed = (format: OutputFormat, fill: (p: ReturnType<typeof makePrinter>) => void): string => {
      let out = '';
      const sink = new Writable({
        write(chunk, _e, done) {
          out += chunk.toString();
          done();
        },
      });
      fill(makePrinter(sink, format, {}));
      return out;
    };
    for (const format of ['json', 'jsonl'] as const) {
      const sql = printed(format, (p) => p.jsonRecords(messageJson(odd, q, { sort: 'newest', limit: 0 })));
      const js = printed(format, (p) => p.records([...messageHits(odd, q, { sort: 'newest', limit: 0 })].map(hitJson), () => ''));
      expect(sql).toBe(js);
      expect(sql).toContain('\\u001b[2K\\rb \\u007f \\u009b2J \\u202eevil\\u2066 \\u2028 end');
      expect(sql).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      const rows =
        format === 'json'
          ? (JSON.parse(sql) as unknown[])
          : sql
              .trim()
              .split('\n')
              .map((l) => JSON.parse(l) as unknown);
      expect(rows).toContainEqual(expect.objectContaining({ subject: HOSTILE, from: { name: 'Eve\x1b]0;PWNED\x07', address: 'eve@x' } }));
    }
  });
});
