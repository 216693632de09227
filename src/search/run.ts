import type { Db } from '../store/db.js';
import type { CompiledQuery } from './compile.js';
import { BM25_WEIGHTS } from './prefixes.js';

export type SortOrder = 'newest' | 'oldest' | 'relevance';

export interface SearchOptions {
  readonly sort: SortOrder;
  /** 0 = no limit. */
  readonly limit: number;
}

/** One matching message, as search shows it. */
export interface MessageHit {
  readonly id: number;
  /** The stored identity (a derived id for a second message reusing a Message-ID). */
  readonly mid: string;
  readonly headerMid: string | null;
  readonly threadId: number | null;
  readonly date: number | null;
  readonly fromName: string;
  readonly fromAddr: string;
  readonly subject: string;
  /** bm25 score (lower is better) when the query had a full-text part. */
  readonly score: number | null;
}

const COLUMNS = 'm.id AS id, m.mid AS mid, m.header_mid AS headerMid, m.thread_id AS threadId, m.date AS date, m.from_name AS fromName, m.from_addr AS fromAddr, m.subject AS subject';
const BM25 = `bm25(messages_fts, ${BM25_WEIGHTS.join(', ')})`;

/** FROM clause and parameters: joined with messages_fts when the query has a top-level MATCH. */
function source(q: CompiledQuery): { from: string; score: string; params: (string | number)[] } {
  if (q.match === null) return { from: 'messages m', score: 'NULL', params: [...q.params] };
  return {
    from: 'messages_fts JOIN messages m ON m.id = messages_fts.rowid',
    score: BM25,
    params: [q.match, ...q.params],
  };
}

function orderBy(sort: SortOrder, hasScore: boolean, date: string, score: string): string {
  // SQLite sorts NULL lowest: undated messages come last for newest, first for oldest.
  if (sort === 'relevance' && hasScore) return `${score}, ${date} DESC`;
  if (sort === 'oldest') return `${date} ASC, m.id ASC`;
  return `${date} DESC, m.id DESC`;
}

/** The matching messages, sorted, at most `limit` of them (0 = all). */
export function searchMessages(db: Db, q: CompiledQuery, options: SearchOptions): MessageHit[] {
  const s = source(q);
  const match = q.match === null ? '' : 'messages_fts MATCH ? AND ';
  const sql = `SELECT ${COLUMNS}, ${s.score} AS score FROM ${s.from} WHERE ${match}(${q.where})
    ORDER BY ${orderBy(options.sort, q.match !== null, 'm.date', 'score')}${options.limit > 0 ? ` LIMIT ${options.limit}` : ''}`;
  return db.prepare<(string | number)[], MessageHit>(sql).all(...s.params);
}

/** Just the ids, in the requested order: for mboxrd output of every match. */
export function searchIds(db: Db, q: CompiledQuery, options: SearchOptions): number[] {
  return searchMessages(db, q, options).map((h) => h.id);
}

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

/** Matching threads (one row per thread), newest matching message first by default. */
export function searchThreads(db: Db, q: CompiledQuery, options: SearchOptions): ThreadHit[] {
  const s = source(q);
  const match = q.match === null ? '' : 'messages_fts MATCH ? AND ';
  // bm25() cannot sit inside an aggregate: score each message in a subquery, then group.
  // (a MATERIALIZED CTE, so that SQLite does not flatten it into the aggregate).
  const sql = `WITH hits AS MATERIALIZED (
      SELECT m.thread_id AS threadId, m.date AS date, ${s.score} AS score FROM ${s.from} WHERE ${match}(${q.where}) AND m.thread_id IS NOT NULL)
    SELECT threadId, COUNT(*) AS matched, MAX(date) AS last, MIN(date) AS first, MIN(score) AS score FROM hits
    GROUP BY threadId
    ORDER BY ${options.sort === 'oldest' ? 'first ASC' : options.sort === 'relevance' && q.match !== null ? 'score, last DESC' : 'last DESC'}, threadId
    ${options.limit > 0 ? ` LIMIT ${options.limit}` : ''}`;
  const groups = db.prepare<(string | number)[], { threadId: number; matched: number }>(sql).all(...s.params);
  const members = db.prepare<[number], { date: number | null; fromName: string; fromAddr: string; subject: string }>(
    'SELECT date, from_name AS fromName, from_addr AS fromAddr, subject FROM messages WHERE thread_id = ? ORDER BY date, id',
  );
  return groups.map((g) => {
    const rows = members.all(g.threadId);
    const participants: string[] = [];
    for (const r of rows) {
      const who = r.fromName || r.fromAddr || '(unknown)';
      if (!participants.includes(who)) participants.push(who);
    }
    let firstDate: number | null = null;
    let lastDate: number | null = null;
    for (const r of rows) {
      if (r.date === null) continue;
      if (firstDate === null || r.date < firstDate) firstDate = r.date;
      if (lastDate === null || r.date > lastDate) lastDate = r.date;
    }
    return {
      threadId: g.threadId,
      matched: g.matched,
      total: rows.length,
      firstDate,
      lastDate,
      subject: rows[0]?.subject ?? '',
      participants,
    };
  });
}
