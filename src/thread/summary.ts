/**
 * A thread's summary as `search --threads` shows it (issue 9): size, date span, the subject of
 * its first message, its authors in order of first appearance. Kept at ingest, a message at a
 * time and a merge at a time (summary-store.ts), so a search reads one row per shown thread
 * instead of every member. Pure: the store and `db check` share it.
 *
 * "First" is SQLite's ORDER BY date, id: undated messages first, then by date, then by id.
 */
export interface ThreadSummary {
  readonly members: number;
  /** Earliest and latest date among the members that have one. */
  readonly firstDate: number | null;
  readonly lastDate: number | null;
  /** The first member (see above): its id and date, and its subject is the thread's. */
  readonly rootId: number;
  readonly rootDate: number | null;
  readonly subject: string;
  /** Each author's first message, in order: [name or address, date, id]. */
  readonly authors: readonly Author[];
}

export type Author = readonly [who: string, date: number | null, id: number];

/** One message as the summary sees it. */
export interface Member {
  readonly id: number;
  readonly date: number | null;
  /** The sender's name, else the address, else "(unknown)" (author()). */
  readonly who: string;
  readonly subject: string;
}

/** How a sender is shown among a thread's authors. */
export function author(name: string, address: string): string {
  return name || address || '(unknown)';
}

/** Does (date, id) come first? Undated before dated, as SQLite orders NULL. */
export function comesFirst(date: number | null, id: number, otherDate: number | null, otherId: number): boolean {
  if (date === otherDate) return id < otherId;
  if (date === null) return true;
  if (otherDate === null) return false;
  return date < otherDate;
}

export function summaryOf(m: Member): ThreadSummary {
  return {
    members: 1,
    firstDate: m.date,
    lastDate: m.date,
    rootId: m.id,
    rootDate: m.date,
    subject: m.subject,
    authors: [[m.who, m.date, m.id]],
  };
}

/** The summary of two threads become one (a late message joined them), or of a thread and a new member. */
export function mergeSummaries(a: ThreadSummary, b: ThreadSummary): ThreadSummary {
  const root = comesFirst(a.rootDate, a.rootId, b.rootDate, b.rootId) ? a : b;
  return {
    members: a.members + b.members,
    firstDate: pick(a.firstDate, b.firstDate, Math.min),
    lastDate: pick(a.lastDate, b.lastDate, Math.max),
    rootId: root.rootId,
    rootDate: root.rootDate,
    subject: root.subject,
    authors: mergeAuthors(a.authors, b.authors),
  };
}

function pick(x: number | null, y: number | null, f: (x: number, y: number) => number): number | null {
  return x === null ? y : y === null ? x : f(x, y);
}

/** Each author's earliest appearance of the two lists, in order. */
function mergeAuthors(a: readonly Author[], b: readonly Author[]): Author[] {
  const first = new Map<string, Author>();
  for (const x of [...a, ...b]) {
    const seen = first.get(x[0]);
    if (!seen || comesFirst(x[1], x[2], seen[1], seen[2])) first.set(x[0], x);
  }
  return [...first.values()].sort((x, y) => (comesFirst(x[1], x[2], y[1], y[2]) ? -1 : 1));
}

/** The summary of a whole thread, from its members in any order (db check recomputes with it). */
export function summaryOfMembers(members: readonly Member[]): ThreadSummary | null {
  let s: ThreadSummary | null = null;
  for (const m of members) s = s ? mergeSummaries(s, summaryOf(m)) : summaryOf(m);
  return s;
}
