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

const COLUMNS =
  'm.id AS id, m.mid AS mid, m.header_mid AS headerMid, m.thread_id AS threadId, m.date AS date, ' +
  'm.from_name AS fromName, m.from_addr AS fromAddr, m.subject AS subject';
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
  const s = source(q);
  const match = q.match === null ? '' : 'messages_fts MATCH ? AND ';
  // Same WHERE and ORDER BY as searchMessages; no columns to copy, and bm25 only to sort by it.
  const score = options.sort === 'relevance' ? s.score : 'NULL';
  const sql = `SELECT m.id FROM ${s.from} WHERE ${match}(${q.where})
    ORDER BY ${orderBy(options.sort, q.match !== null, 'm.date', score)}${options.limit > 0 ? ` LIMIT ${options.limit}` : ''}`;
  return db
    .prepare<(string | number)[], number>(sql)
    .pluck()
    .all(...s.params);
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

/**
 * Per matched thread, in one statement (a JS loop issuing one member query per thread cost
 * ~0.4 s for 10k threads at 100k messages): size and date span from the (thread_id, date)
 * index, the oldest message's subject, and the authors in order of first appearance (ordered
 * by date then id, NULL dates first as SQLite sorts them; a name, else the address).
 */
const THREAD_SUMMARY = `
  (SELECT json_array(COUNT(*), MIN(date), MAX(date)) FROM messages WHERE thread_id = g.threadId) AS stats,
  (SELECT subject FROM messages WHERE thread_id = g.threadId ORDER BY date, id LIMIT 1) AS subject,
  (SELECT json_group_array(who ORDER BY r) FROM (
     SELECT who, MIN(r) AS r FROM (
       SELECT coalesce(nullif(from_name, ''), nullif(from_addr, ''), '(unknown)') AS who, row_number() OVER (ORDER BY date, id) AS r
       FROM messages WHERE thread_id = g.threadId)
     GROUP BY who)) AS participants`;

/** Matching threads (one row per thread), newest matching message first by default. */
export function searchThreads(db: Db, q: CompiledQuery, options: SearchOptions): ThreadHit[] {
  const s = source(q);
  const match = q.match === null ? '' : 'messages_fts MATCH ? AND ';
  const order =
    options.sort === 'oldest' ? 'first ASC' : options.sort === 'relevance' && q.match !== null ? 'score, last DESC' : 'last DESC';
  // bm25() cannot sit inside an aggregate: score each message in a subquery, then group.
  // (a MATERIALIZED CTE, so that SQLite does not flatten it into the aggregate).
  const sql = `WITH hits AS MATERIALIZED (
      SELECT m.thread_id AS threadId, m.date AS date, ${s.score} AS score
      FROM ${s.from} WHERE ${match}(${q.where}) AND m.thread_id IS NOT NULL),
    groups AS MATERIALIZED (
      SELECT threadId, COUNT(*) AS matched, MAX(date) AS last, MIN(date) AS first, MIN(score) AS score FROM hits
      GROUP BY threadId ORDER BY ${order}, threadId${options.limit > 0 ? ` LIMIT ${options.limit}` : ''})
    SELECT g.threadId AS threadId, g.matched AS matched, ${THREAD_SUMMARY}
    FROM groups g ORDER BY ${order.replace(/\b(first|last|score)\b/g, 'g.$1')}, g.threadId`;
  type Row = { threadId: number; matched: number; stats: string; subject: string | null; participants: string };
  return db
    .prepare<(string | number)[], Row>(sql)
    .all(...s.params)
    .map((g) => {
      const [total, firstDate, lastDate] = JSON.parse(g.stats) as [number, number | null, number | null];
      return {
        threadId: g.threadId,
        matched: g.matched,
        total,
        firstDate,
        lastDate,
        subject: g.subject ?? '',
        participants: JSON.parse(g.participants) as string[],
      };
    });
}
