import type { Db } from '../store/db.js';
import { boundedWhere, type CompiledQuery } from './compile.js';
import { ALL_ROWS, FIRST_ROWS, inDateOrder, type DatedRow, type Windows } from './date-order.js';
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
  /** bm25 score (lower is better) when sorted by relevance; null otherwise (it costs a pass over every match). */
  readonly score: number | null;
}

const COLUMNS =
  'm.id AS id, m.mid AS mid, m.header_mid AS headerMid, m.thread_id AS threadId, m.date AS date, ' +
  'm.from_name AS fromName, m.from_addr AS fromAddr, m.subject AS subject';
const BM25 = `bm25(messages_fts, ${BM25_WEIGHTS.join(', ')})`;

/**
 * The matches in the requested order, lazily: at most `limit` (0 = all). By date with a
 * full-text part, a window of ids at a time (date-order.ts); else one SQL statement stepped
 * row by row (the date index gives the order). bm25 is computed only to sort by relevance.
 */
export function messageHits(db: Db, q: CompiledQuery, options: SearchOptions): Iterable<MessageHit> {
  return ordered<MessageHit>(db, q, options, `${COLUMNS}, ${options.sort === 'relevance' && q.match !== null ? BM25 : 'NULL'} AS score`);
}

/** messageHits as an array. */
export function searchMessages(db: Db, q: CompiledQuery, options: SearchOptions): MessageHit[] {
  return [...messageHits(db, q, options)];
}

/**
 * Each match as the JSON record `search --json` prints (cli/search.ts hitJson, whose shape it
 * must keep), built by SQLite: a cold process spent about 10 µs a row building it in JavaScript,
 * a third of `search --json` on a common word. Not for relevance: the score stays JavaScript's.
 */
export function messageJson(db: Db, q: CompiledQuery, options: SearchOptions): Iterable<string> {
  if (options.sort === 'relevance') throw new Error('internal: messageJson does not sort by relevance');
  return mapRows(ordered<DatedRow & { json: string }>(db, q, options, `m.id AS id, m.date AS date, ${JSON_RECORD} AS json`));
}

function* mapRows(rows: Iterable<{ json: string }>): Generator<string> {
  for (const r of rows) yield r.json;
}

/** hitJson in SQL: the stored id only when it differs from the Message-ID; dates as toISOString() writes them. */
const JSON_FIELDS = (stored: string): string =>
  `json_object('messageId', coalesce(m.header_mid, m.mid), ${stored}'threadId', m.thread_id, ` +
  `'date', strftime('%Y-%m-%dT%H:%M:%fZ', m.date / 1000.0, 'unixepoch'), ` +
  `'from', json_object('name', m.from_name, 'address', m.from_addr), 'subject', m.subject)`;
const JSON_RECORD = `CASE WHEN m.header_mid IS m.mid THEN ${JSON_FIELDS('')} ELSE ${JSON_FIELDS("'storedId', m.mid, ")} END`;

/** Just the ids, in the requested order: for mboxrd output of every match. */
export function searchIds(db: Db, q: CompiledQuery, options: SearchOptions): number[] {
  const score = options.sort === 'relevance' && q.match !== null ? BM25 : 'NULL';
  return [...ordered<DatedRow>(db, q, options, `m.id AS id, m.date AS date, ${score} AS score`)].map((r) => r.id);
}

/**
 * Rows of `columns` (id and date among them) for the matches, in order, at most options.limit.
 * Windows: small ones first when a few rows are wanted, large ones for every match (date-order.ts).
 */
export function* ordered<R extends DatedRow>(
  db: Db,
  q: CompiledQuery,
  options: SearchOptions,
  columns: string,
  windows: Windows = options.limit > 0 ? FIRST_ROWS : ALL_ROWS,
): Generator<R> {
  if (q.match === null || options.sort === 'relevance') {
    const { sql, params } = statement(q, options, columns);
    yield* db.prepare<(string | number)[], R>(sql).iterate(...params);
    return;
  }
  let left = options.limit > 0 ? options.limit : Infinity;
  for (const row of inDateOrder<R>(db, q, columns, options.sort, windows)) {
    yield row;
    if (--left <= 0) return;
  }
}

/** The one-statement form: SQLite sorts (by the date index, or bm25 for relevance). */
function statement(q: CompiledQuery, options: SearchOptions, columns: string): { sql: string; params: (string | number)[] } {
  const limit = options.limit > 0 ? ` LIMIT ${options.limit}` : '';
  if (q.match === null) {
    const order = options.sort === 'oldest' ? 'm.date ASC, m.id ASC' : 'm.date DESC, m.id DESC';
    return { sql: `SELECT ${columns} FROM messages m WHERE (${q.where}) ORDER BY ${order}${limit}`, params: [...q.params] };
  }
  const where = boundedWhere(q);
  // SQLite sorts NULL lowest: undated messages come last for newest, first for oldest.
  const order =
    options.sort === 'relevance' ? 'score, m.date DESC' : options.sort === 'oldest' ? 'm.date ASC, m.id ASC' : 'm.date DESC, m.id DESC';
  return {
    sql: `SELECT ${columns} FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid
      WHERE messages_fts MATCH ? AND ${where.sql} ORDER BY ${order}${limit}`,
    params: [q.match, ...where.params],
  };
}
