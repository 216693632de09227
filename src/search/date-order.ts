import type { Db } from '../store/db.js';
import type { CompiledQuery } from './compile.js';

/** A matching row as the windows read it: at least its id and date. */
export interface DatedRow {
  readonly id: number;
  readonly date: number | null;
}

export type DateSort = 'newest' | 'oldest';

/** Ids in the first window, how much each next one grows, and the largest (memory stays flat). */
export interface Windows {
  readonly first: number;
  readonly growth: number;
  readonly max: number;
}
export const FIRST_ROWS: Windows = { first: 512, growth: 4, max: 65_536 };
/** For every match (--limit 0): fewer, larger windows, each still bounded (the first rows come after one). */
export const ALL_ROWS: Windows = { first: 16_384, growth: 4, max: 65_536 };

/**
 * A rowid bound for FTS5, as an integer: better-sqlite3 binds every JavaScript number as a REAL,
 * and FTS5 ignores a rowid bound that is not an INTEGER (fts5GetRowidLimit), so a window read the
 * term's whole doclist (15 ms a window for a common word at 1M messages; 0.3 ms with the cast).
 * Worse, `MATCH ? AND rowid = ?` with a REAL gives every match: nothing here binds rowid that way.
 */
export const INT = 'CAST(? AS INTEGER)';

/** NULL dates sort lowest, as SQLite sorts them: last for newest, first for oldest. */
const rank = (date: number | null): number => date ?? -Infinity;

/**
 * The matches of a query with a full-text part, in exact date order (newest: date then id
 * descending; oldest: ascending), without sorting every match (issue 9: "test" matches 137k of
 * 1M messages). FTS5 rowids are messages.id, and ids follow arrival, which mostly follows date:
 * the query runs on a window of ids at a time from the end the order starts at (FTS5 seeks its
 * doclists to the window), 512 of them first, windows growing 4× up to 65,536 ids. A window's rows, sorted by
 * SQLite, are held until no message outside the windows read so far can come before them: the
 * bound is the latest date among the ids not read yet (the earliest, for oldest), read from the
 * date index. Out-of-order dates only make the windows run further; an archive imported
 * backwards reads every window before it emits, as a full sort would.
 * Lazy: a consumer that stops after 50 rows reads one or two windows.
 */
export function* inDateOrder<R extends DatedRow>(
  db: Db,
  q: CompiledQuery,
  columns: string,
  sort: DateSort,
  windows: Windows = FIRST_ROWS,
): Generator<R> {
  if (q.match === null) throw new Error('internal: inDateOrder needs a full-text query');
  const range = idRange(db, q);
  if (!range) return;
  const newest = sort === 'newest';
  const dir = newest ? 'DESC' : 'ASC';
  const window = db.prepare<(string | number)[], R>(
    `SELECT ${columns} FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid
     WHERE messages_fts MATCH ? AND messages_fts.rowid BETWEEN ${INT} AND ${INT} AND (${q.where}) ORDER BY m.date ${dir}, m.id ${dir}`,
  );
  const bound = newest ? boundBelow(db) : boundAbove(db);
  const before = (a: R, b: R): boolean =>
    newest
      ? rank(a.date) > rank(b.date) || (rank(a.date) === rank(b.date) && a.id > b.id)
      : rank(a.date) < rank(b.date) || (rank(a.date) === rank(b.date) && a.id < b.id);
  let held: R[] = [];
  let next = newest ? range.hi : range.lo; // the first id not read yet
  for (let size = windows.first; ; size = Math.min(size * windows.growth, windows.max)) {
    const lo = newest ? Math.max(range.lo, next - size + 1) : next;
    const hi = newest ? next : Math.min(range.hi, next + size - 1);
    held = merge(held, window.all(q.match, lo, hi, ...q.params), before);
    next = newest ? lo - 1 : hi + 1;
    if (newest ? next < range.lo : next > range.hi) break;
    if (!held.length) continue;
    // The best rank any unread message can have; rows that rank at least as well go out now
    // (on equal dates an unread id comes after every id already read, in either order).
    const limit = bound(next);
    let out = 0;
    while (out < held.length && (newest ? rank(held[out]!.date) >= limit : rank(held[out]!.date) <= limit)) out++;
    for (let i = 0; i < out; i++) yield held[i]!;
    held = held.slice(out);
  }
  yield* held;
}

/** The ids the query can match: the whole archive, narrowed by the rowid bounds of its date range. */
function idRange(db: Db, q: CompiledQuery): { lo: number; hi: number } | null {
  // Two subqueries: SQLite reads min() or max() off the rowid b-tree's ends only when it is alone.
  const all = db
    .prepare<[], { lo: number | null; hi: number | null }>(
      'SELECT (SELECT min(id) FROM messages) AS lo, (SELECT max(id) FROM messages) AS hi',
    )
    .get();
  if (!all || all.lo === null || all.hi === null) return null;
  let { lo, hi } = all as { lo: number; hi: number };
  for (const b of q.rowids) {
    const v = db
      .prepare<number[], number>(`SELECT ${b.sql}`)
      .pluck()
      .get(...b.params)!;
    if (b.op === '>=') lo = Math.max(lo, v);
    else hi = Math.min(hi, v);
  }
  return lo <= hi ? { lo, hi } : null;
}

/**
 * For newest first: the latest date among messages with id <= `next` (-Infinity when none has a
 * date). Each call's answer is at most the previous one, so the walk down the date index starts
 * there and passes over only the ids read since.
 */
function boundBelow(db: Db): (next: number) => number {
  const stmt = db
    .prepare<[number, number], number>(
      'SELECT date FROM messages INDEXED BY messages_date WHERE date IS NOT NULL AND date <= ? AND id <= ? ORDER BY date DESC LIMIT 1',
    )
    .pluck();
  let previous = Number.MAX_SAFE_INTEGER;
  return (next) => {
    const date = stmt.get(previous, next);
    if (date === undefined) return -Infinity;
    previous = date;
    return date;
  };
}

/** For oldest first: the earliest rank among messages with id >= `next` (undated ones rank first). */
function boundAbove(db: Db): (next: number) => number {
  const undated = db
    .prepare<[number], number>('SELECT 1 FROM messages INDEXED BY messages_date WHERE date IS NULL AND id >= ? LIMIT 1')
    .pluck();
  const stmt = db
    .prepare<[number, number], number>(
      'SELECT date FROM messages INDEXED BY messages_date WHERE date >= ? AND id >= ? ORDER BY date ASC LIMIT 1',
    )
    .pluck();
  let previous = Number.MIN_SAFE_INTEGER;
  let undatedLeft = true;
  return (next) => {
    if (undatedLeft && undated.get(next) !== undefined) return -Infinity;
    undatedLeft = false; // the unread ids only shrink: none of them will be undated again
    const date = stmt.get(previous, next);
    if (date === undefined) return Infinity;
    previous = date;
    return date;
  };
}

/** Two lists each sorted by `before`, merged. */
function merge<R>(a: readonly R[], b: readonly R[], before: (x: R, y: R) => boolean): R[] {
  if (!a.length) return [...b];
  if (!b.length) return [...a];
  const out: R[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(before(b[j]!, a[i]!) ? b[j++]! : a[i++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
