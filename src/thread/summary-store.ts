/**
 * The owner of the thread_summaries table (migration 011): one row per thread, kept by ingest
 * in the batch's transaction as messages join threads and threads merge, emptied and refilled
 * by `db reindex`, compared with the messages by `db check`. What the row holds: summary.ts.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/db.js';
import { author, mergeSummaries, summaryOf, summaryOfMembers, type Author, type Member, type ThreadSummary } from './summary.js';

interface Row {
  members: number;
  first_date: number | null;
  last_date: number | null;
  root_id: number;
  root_date: number | null;
  subject: string;
  authors_json: string;
}

const COLUMNS = 'members, first_date, last_date, root_id, root_date, subject, authors_json';

export class ThreadSummaryStore {
  private readonly get: Statement<[number], Row>;
  private readonly put: Statement<unknown[]>;
  private readonly drop: Statement<[number]>;

  constructor(private readonly db: Db) {
    this.get = db.prepare(`SELECT ${COLUMNS} FROM thread_summaries WHERE thread_id = ?`);
    this.put = db.prepare(`INSERT OR REPLACE INTO thread_summaries (thread_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.drop = db.prepare('DELETE FROM thread_summaries WHERE thread_id = ?');
  }

  /** A message joined thread `threadId` (call after the thread's merges, in the same transaction). */
  add(threadId: number, member: Member): void {
    const row = this.get.get(threadId);
    const one = summaryOf(member);
    this.write(threadId, row ? mergeSummaries(fromRow(row), one) : one);
  }

  /** Thread `from` became part of thread `to`. */
  merge(to: number, from: number): void {
    const gone = this.get.get(from);
    if (!gone) return;
    this.drop.run(from);
    const kept = this.get.get(to);
    this.write(to, kept ? mergeSummaries(fromRow(kept), fromRow(gone)) : fromRow(gone));
  }

  /** Forget every summary (db reindex refills them), in the caller's transaction. */
  clear(): void {
    this.db.exec('DELETE FROM thread_summaries');
  }

  private write(threadId: number, s: ThreadSummary): void {
    this.put.run(threadId, s.members, s.firstDate, s.lastDate, s.rootId, s.rootDate, s.subject, JSON.stringify(s.authors));
  }
}

function fromRow(r: Row): ThreadSummary {
  return {
    members: r.members,
    firstDate: r.first_date,
    lastDate: r.last_date,
    rootId: r.root_id,
    rootDate: r.root_date,
    subject: r.subject,
    authors: JSON.parse(r.authors_json) as Author[],
  };
}

/**
 * `db check`: threads whose summary row is missing, extra, or differs from what their messages
 * give (recomputed here a thread at a time, in thread order).
 */
export function summaryMismatches(db: Db): number {
  const stored = new Map<number, string>();
  for (const r of db.prepare<[], Row & { thread_id: number }>(`SELECT thread_id, ${COLUMNS} FROM thread_summaries`).iterate()) {
    stored.set(r.thread_id, JSON.stringify(fromRow(r)));
  }
  let bad = 0;
  let current: number | null = null;
  let members: Member[] = [];
  const finish = (): void => {
    if (current === null) return;
    const want = JSON.stringify(summaryOfMembers(members));
    if (stored.get(current) !== want) bad++;
    stored.delete(current);
  };
  const rows = db.prepare<[], { t: number; id: number; date: number | null; name: string; addr: string; subject: string }>(
    `SELECT thread_id AS t, id, date, from_name AS name, from_addr AS addr, subject FROM messages
      WHERE thread_id IS NOT NULL ORDER BY thread_id`,
  );
  for (const r of rows.iterate()) {
    if (r.t !== current) {
      finish();
      current = r.t;
      members = [];
    }
    members.push({ id: r.id, date: r.date, who: author(r.name, r.addr), subject: r.subject });
  }
  finish();
  return bad + stored.size;
}
