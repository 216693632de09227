/**
 * Helpers for the peer suite: messages written header by header (the suite needs exact header
 * text: bare ids, comments, folding), an archive holding them, searches and thread trees.
 */
import { prepareQuery } from '../../src/search/query.js';
import { searchMessages } from '../../src/search/run.js';
import type { Db } from '../../src/store/db.js';
import { dbWith } from '../search/fixture-db.js';
import { treeOf } from '../thread/tree-build.js';

let n = 0;

/**
 * A message with exactly these header lines (LF line ends), plus From, Date and Subject when
 * absent, and the body. `id` is the Message-ID header value as written, brackets included.
 */
export function eml(headers: Readonly<Record<string, string>>, body = 'This is just a test message.\n'): Buffer {
  n++;
  const all: Record<string, string> = {
    From: 'Notmuch Test Suite <test_suite@notmuchmail.org>',
    Date: `Fri, 05 Jan 2001 15:${String(10 + (n % 50)).padStart(2, '0')}:00 +0000`,
    Subject: `test message ${n}`,
    ...headers,
  };
  const head = Object.entries(all).map(([k, v]) => `${k}: ${v}`);
  return Buffer.from(`${head.join('\n')}\n\n${body}`, 'utf8');
}

/** A fresh in-memory archive holding `raws`, one batch per message (delivery order kept). */
export function archive(raws: readonly Buffer[]): Promise<Db> {
  return dbWith(raws, 1);
}

/** Header Message-IDs of a search's hits, sorted. */
export function hits(db: Db, query: string): string[] {
  return searchMessages(db, prepareQuery(query, 0).compiled, { sort: 'oldest', limit: 0 })
    .map((h) => h.headerMid ?? h.mid)
    .sort();
}

/** The stored parent of the message with this Message-ID. */
export function parentOf(db: Db, mid: string): string | null {
  return db.prepare<[string], { p: string | null }>('SELECT parent_mid AS p FROM messages WHERE header_mid = ?').get(mid)?.p ?? null;
}

/** How many threads the archive holds. */
export function threads(db: Db): number {
  return db.prepare<[], { n: number }>('SELECT COUNT(DISTINCT thread_id) AS n FROM messages').get()!.n;
}

export { treeOf };
