import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConveneError } from '../../src/errors.js';
import { prepareQuery } from '../../src/search/query.js';
import { searchMessages } from '../../src/search/run.js';
import { searchThreads } from '../../src/search/threads.js';
import type { Db } from '../../src/store/db.js';
import { generateMessage } from '../helpers/message-generator.js';
import { ALL, CORPUS } from './corpus.js';
import { dbWith } from './fixture-db.js';

const NOW = Date.UTC(2024, 2, 6, 12); // 2024-03-06T12:00Z
let db: Db;

beforeAll(async () => {
  db = await dbWith(Object.values(CORPUS));
});
afterAll(() => db.close());

/** Which corpus messages (m1..m5) a query matches, sorted. */
function hits(query: string, dbh: Db = db): string[] {
  return searchMessages(dbh, prepareQuery(query, NOW).compiled, { sort: 'newest', limit: 0 })
    .map((h) => (h.headerMid ?? h.mid).split('@')[0]!)
    .sort();
}

describe('search: free text and each prefix', () => {
  it.each([
    ['journal', ['m1', 'm2', 'm4']], // subject, body; "journaling" stems to journal
    ['journals', ['m1', 'm2', 'm4']], // stemming on the query side too
    ['"replay fails"', ['m1', 'm2']],
    ['"fails replay"', []],
    ['alice', ['m1']], // free text covers the sender, not recipients
    ['from:alice', ['m1']],
    ['f:"Bob Builder"', ['m2']],
    ['from:example.net', ['m3']],
    ['from:carol@example.net', ['m3']],
    ['to:devel@lists.example.org', ['m1', 'm3', 'm4']],
    ['t:alice', ['m2']],
    ['cc:bob', ['m1']],
    ['c:alice@example.org', ['m4']],
    ['subject:release', ['m3']],
    ['s:"replay fails"', ['m1', 'm2']],
    ['body:fsck', ['m2']],
    ['b:mounting', ['m1', 'm2']], // body: includes quoted lines
    ['q:mounting', ['m2']], // only the quoted line of the reply
    ['q:fsck', []],
    ['id:m3@example.net', ['m3']],
    ['mid:<m3@example.net>', ['m3']],
    ['list:devel.lists.example.org', ['m1', 'm2', 'm3', 'm4']],
    ['l:devel', ['m1', 'm2', 'm3', 'm4']],
    ['attachment:notes-v2.txt', ['m3']],
    ['n:notes', ['m3']],
    ['has:attachment', ['m3']],
    ['is:reply', ['m2']],
    ['secret', []], // attachment contents are not body text
    ['*', ALL],
    ['mount*', ['m1', 'm2']],
    ['journ*', ['m1', 'm2', 'm4']],
  ])('%s', (q, expected) => {
    expect(hits(q)).toEqual(expected);
  });

  it('thread: takes a thread number or any Message-ID in the thread', () => {
    const tid = db.prepare<[], { t: number }>("SELECT thread_id AS t FROM messages WHERE mid = 'm2@example.org'").get()!.t;
    expect(hits(`thread:${tid}`)).toEqual(['m1', 'm2']);
    expect(hits('thread:m2@example.org')).toEqual(['m1', 'm2']);
    expect(hits('thread:<m1@example.org>')).toEqual(['m1', 'm2']);
    expect(hits('thread:nosuch@example.org')).toEqual([]);
  });

  it('date: ranges, open ranges, single periods and relative forms', () => {
    expect(hits('date:2024-01')).toEqual(['m1', 'm2']);
    expect(hits('d:2024-01-10..2024-01-10')).toEqual(['m1']);
    expect(hits('d:..2023')).toEqual(['m5']);
    expect(hits('d:2024-02..')).toEqual(['m3', 'm4']);
    expect(hits('d:2w..')).toEqual(['m4']); // since 2024-02-21T12:00
    expect(hits('d:2m..1w')).toEqual(['m1', 'm2', 'm3']); // 2024-01-06T12:00 .. 2024-02-28T12:00
    expect(hits('d:yesterday..')).toEqual(['m4']); // since 2024-03-05T00:00
    expect(hits('d:today')).toEqual([]);
    expect(hits('d:@1704880800..@1704880800')).toEqual(['m1']); // 2024-01-10T10:00:00Z, that second
  });
});

describe('search: operators', () => {
  it.each([
    ['journal from:bob', ['m2']],
    ['journal AND from:bob', ['m2']],
    ['release OR agenda', ['m3', 'm4']],
    ['journal NOT from:bob', ['m1', 'm4']],
    ['journal -from:bob', ['m1', 'm4']],
    ['-journal', ['m3', 'm5']],
    ['NOT has:attachment NOT journal', ['m5']],
    ['(release OR agenda) -from:dave', ['m3']],
    ['journal (is:reply OR date:2024-03)', ['m2', 'm4']],
    ['* -d:2024', ['m5']],
    ['has:attachment OR is:reply', ['m2', 'm3']],
    ['NOT (journal OR release)', ['m5']],
  ])('%s', (q, expected) => {
    expect(hits(q)).toEqual(expected);
  });
});

describe('search: user text never reaches FTS5 or SQL raw', () => {
  it.each([
    ['"{body}: NEAR(x y)"', ['m5']],
    ['NEAR(x)', ['m5']],
    ['subject:"Quote ""test"" case"', ['m5']],
    ['from:"Pat O\'Brien"', ['m5']],
    ["x'; DROP TABLE messages; y", []],
    ['^journal', ['m1', 'm2', 'm4']],
    ['journal:', ['m1', 'm2', 'm4']],
    ['{subject}:journal', []], // a phrase "subject journal", not an FTS5 column filter
  ])('%s', (q, expected) => {
    expect(hits(q)).toEqual(expected);
    expect(hits('*')).toEqual(ALL);
  });

  it('random strings of syntax characters give results or a QUERY_SYNTAX error, nothing else', () => {
    const alphabet = [
      'a',
      'b',
      'journal',
      ' ',
      '"',
      '(',
      ')',
      '-',
      '*',
      ':',
      'from:',
      'd:',
      'OR',
      'AND',
      'NOT',
      '^',
      '{',
      '}',
      "'",
      ';',
      '..',
      'NEAR',
      '+',
    ];
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let ok = 0;
    for (let i = 0; i < 400; i++) {
      const q = Array.from({ length: 1 + rand(8) }, () => alphabet[rand(alphabet.length)]).join(rand(2) ? ' ' : '');
      try {
        searchMessages(db, prepareQuery(q, NOW).compiled, { sort: 'relevance', limit: 5 });
        ok++;
      } catch (err) {
        if (!(err instanceof ConveneError) || err.code !== 'QUERY_SYNTAX')
          throw new Error(`query ${JSON.stringify(q)} failed with ${String(err)}`);
        expect(err.message).toMatch(/^query: /);
      }
    }
    expect(ok).toBeGreaterThan(50);
  });
});

describe('search: sorting, limits, threads', () => {
  it('sorts newest first by default, oldest on request, and honours the limit', () => {
    const q = prepareQuery('*', NOW).compiled;
    const ids = (sort: 'newest' | 'oldest', limit: number) => searchMessages(db, q, { sort, limit }).map((h) => h.mid.split('@')[0]);
    expect(ids('newest', 0)).toEqual(['m4', 'm3', 'm2', 'm1', 'm5']);
    expect(ids('oldest', 2)).toEqual(['m5', 'm1']);
  });

  it('ranks a subject hit above a body hit, and own words above quoted lines', async () => {
    const body = (own: string, quoted: string) => `${own}\n${quoted ? `> ${quoted}\n` : ''}Padding words to keep lengths alike.\n`;
    const db2 = await dbWith([
      generateMessage({ messageId: 'own@x', subject: 'Weekly', body: body('the zebra crossing is broken', 'nothing to see here at all') }),
      generateMessage({
        messageId: 'quoted@x',
        subject: 'Weekly',
        body: body('nothing to see here at all', 'the zebra crossing is broken'),
      }),
      generateMessage({ messageId: 'subject@x', subject: 'Zebra', body: body('nothing to see here at all', 'nothing to see here at all') }),
    ]);
    const order = searchMessages(db2, prepareQuery('zebra', NOW).compiled, { sort: 'relevance', limit: 0 }).map((h) => h.mid);
    expect(order).toEqual(['subject@x', 'own@x', 'quoted@x']);
    db2.close();
  });

  it('--threads gives one row per thread with counts and participants', () => {
    const threads = searchThreads(db, prepareQuery('journal', NOW).compiled, { sort: 'newest', limit: 0 });
    expect(threads.map((t) => [t.matched, t.total, t.subject, t.participants])).toEqual([
      [1, 1, 'Weekly call agenda', ['Dave Chair']],
      [2, 2, 'Journal replay fails on mount', ['Alice Example', 'Bob Builder']],
    ]);
    const ranked = searchThreads(db, prepareQuery('journal', NOW).compiled, { sort: 'relevance', limit: 1 });
    expect(ranked).toHaveLength(1);
  });
});
