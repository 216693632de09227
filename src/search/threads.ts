import type { Db } from '../store/db.js';
import { boundedWhere, type CompiledQuery } from './compile.js';
import { BM25_WEIGHTS } from './prefixes.js';
import { FIRST_ROWS, INT } from './date-order.js';
import { ordered, type SearchOptions } from './run.js';

/** One thread with at least one matching message. */
export interface ThreadHit {
  readonly threadId: number;
  /** Messages of the thread that matched. */
  readonly matched: number;
  /** Messages in the whole thread. */
  readonly total: number;
  readonly firstDate: number | null;
  readonly lastDate: number | null;
  /** Subject of the thread's oldest message. */
  readonly subject: string;
  /** Authors in order of first appearance (names, else addresses). */
  readonly participants: readonly string[];
}

interface SummaryRow {
  threadId: number;
  members: number;
  firstDate: number | null;
  lastDate: number | null;
  subject: string;
  authors: string;
}

/**
 * Matching threads, one row each: newest matching message first by default, oldest first, or by
 * the best bm25 of their matches. Sizes, date spans, subjects and authors come from the
 * per-thread summaries ingest keeps (thread_summaries), one row per shown thread.
 * Newest with a limit reads matches newest first only until the limit's threads are known
 * (issue 9: `--threads journal` at 1M messages); the others group every match in SQL.
 */
export function searchThreads(db: Db, q: CompiledQuery, options: SearchOptions): ThreadHit[] {
  const groups = options.sort === 'newest' && options.limit > 0 ? newestThreads(db, q, options.limit) : groupAll(db, q, options);
  if (!groups.length) return [];
  const summaries = new Map<number, SummaryRow>();
  const ids = JSON.stringify(groups.map((g) => g.threadId));
  for (const s of db
    .prepare<[string], SummaryRow>(
      `SELECT thread_id AS threadId, members, first_date AS firstDate, last_date AS lastDate, subject, authors_json AS authors
         FROM thread_summaries WHERE thread_id IN (SELECT value FROM json_each(?))`,
    )
    .all(ids)) {
    summaries.set(s.threadId, s);
  }
  return groups.map((g) => {
    const s = summaries.get(g.threadId);
    return {
      threadId: g.threadId,
      matched: g.matched,
      total: s?.members ?? g.matched,
      firstDate: s?.firstDate ?? null,
      lastDate: s?.lastDate ?? null,
      subject: s?.subject ?? '',
      participants: s ? (JSON.parse(s.authors) as [string][]).map((a) => a[0]) : [],
    };
  });
}

/** A thread's place in the results and how many of its messages matched. */
interface Group {
  readonly threadId: number;
  readonly matched: number;
}

/**
 * The `limit` threads whose newest match is newest (ties: lower thread number first, as
 * groupAll orders them): matches are read newest first until the limit-th thread is known and
 * the next match is older than its newest; then the matches of just those threads are counted.
 */
function newestThreads(db: Db, q: CompiledQuery, limit: number): Group[] {
  const last = new Map<number, number>(); // thread → rank of its newest match, in order of first sight
  let kth = Infinity;
  for (const h of ordered<{ id: number; date: number | null; threadId: number | null }>(
    db,
    q,
    { sort: 'newest', limit: 0 },
    'm.id AS id, m.date AS date, m.thread_id AS threadId',
    FIRST_ROWS, // it stops once the threads are known
  )) {
    if (h.threadId === null) continue;
    const rank = h.date ?? -Infinity;
    if (last.size >= limit && rank < kth) break;
    if (!last.has(h.threadId)) {
      last.set(h.threadId, rank);
      if (last.size === limit) kth = rank;
    }
  }
  const chosen = [...last]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0] || 0)
    .slice(0, limit)
    .map(([threadId]) => threadId);
  const counts = new Map(matchedIn(db, q, chosen).map((r) => [r.threadId, r.matched]));
  return chosen.map((threadId) => ({ threadId, matched: counts.get(threadId) ?? 0 }));
}

/**
 * How many messages of each of these threads match. The full-text part is read only over the
 * ids the threads' members span (they are recent when the threads are the newest), so a common
 * word does not cost its whole doclist; FTS5's own lookups by rowid cost a seek per segment.
 */
function matchedIn(db: Db, q: CompiledQuery, threads: readonly number[]): Group[] {
  const ids = JSON.stringify(threads);
  const inThreads = 'm.thread_id IN (SELECT value FROM json_each(?))';
  const group = 'GROUP BY m.thread_id';
  if (q.match === null) {
    return db
      .prepare<(string | number)[], Group>(
        `SELECT m.thread_id AS threadId, count(*) AS matched FROM messages m WHERE ${inThreads} AND (${q.where}) ${group}`,
      )
      .all(ids, ...q.params);
  }
  const span = db
    .prepare<[string], { lo: number; hi: number }>(`SELECT min(m.id) AS lo, max(m.id) AS hi FROM messages m WHERE ${inThreads}`)
    .get(ids)!;
  return db
    .prepare<(string | number)[], Group>(
      `SELECT m.thread_id AS threadId, count(*) AS matched FROM messages m WHERE ${inThreads}
          AND m.id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? AND rowid BETWEEN ${INT} AND ${INT})
          AND (${q.where}) ${group}`,
    )
    .all(ids, q.match, span.lo, span.hi, ...q.params);
}

/** Every matching thread grouped in SQL, sorted, at most `limit` (0 = all). */
function groupAll(db: Db, q: CompiledQuery, options: SearchOptions): Group[] {
  const fts = q.match !== null;
  const where = fts ? boundedWhere(q) : { sql: `(${q.where})`, params: [...q.params] };
  const from = fts ? 'messages_fts JOIN messages m ON m.id = messages_fts.rowid WHERE messages_fts MATCH ? AND' : 'messages m WHERE';
  const score = options.sort === 'relevance' && fts ? `bm25(messages_fts, ${BM25_WEIGHTS.join(', ')})` : 'NULL';
  const order = options.sort === 'oldest' ? 'first ASC' : options.sort === 'relevance' && fts ? 'score, last DESC' : 'last DESC';
  // bm25() cannot sit inside an aggregate: score each message in a subquery, then group
  // (MATERIALIZED, so that SQLite does not flatten it into the aggregate).
  const sql = `WITH hits AS MATERIALIZED (
      SELECT m.thread_id AS threadId, m.date AS date, ${score} AS score FROM ${from} ${where.sql} AND m.thread_id IS NOT NULL)
    SELECT threadId, COUNT(*) AS matched, MAX(date) AS last, MIN(date) AS first, MIN(score) AS score FROM hits
    GROUP BY threadId ORDER BY ${order}, threadId${options.limit > 0 ? ` LIMIT ${options.limit}` : ''}`;
  return db.prepare<(string | number)[], Group>(sql).all(...(fts ? [q.match!] : []), ...where.params);
}
