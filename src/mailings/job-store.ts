/**
 * The writer of the jobs table: one row per (meeting, occurrence, kind) with its due instant, so
 * a restart loses nothing (job-reader.ts reads it; jobs.ts plans it).
 */
import type { Db } from '../store/db.js';
import type { JobKind } from './due.js';
import type { JobState } from './job-reader.js';

/** Planning writes, statements prepared once per planning pass. */
export class JobPlanner {
  private readonly upsert;
  private readonly cancel;

  constructor(db: Db) {
    // A pending job follows its occurrence when the call moves; one that ran is never touched.
    this.upsert = db.prepare(
      `INSERT INTO jobs (meeting, occurrence, start, kind, due) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (meeting, occurrence, kind) DO UPDATE SET due = excluded.due, start = excluded.start
     WHERE jobs.state = 'pending' AND (jobs.due != excluded.due OR jobs.start != excluded.start)`,
    );
    this.cancel = db.prepare(
      `UPDATE jobs SET state = 'skipped', ran_at = ?, detail = 'occurrence cancelled'
       WHERE meeting = ? AND occurrence = ? AND state = 'pending'`,
    );
  }

  /** Insert the job, or move a pending one to a new due instant. Returns the rows changed. */
  plan(meeting: string, occurrence: string, start: number, kind: JobKind, due: number): number {
    return this.upsert.run(meeting, occurrence, start, kind, due).changes;
  }

  /** Record an occurrence's pending jobs as skipped: it was cancelled. Returns the rows changed. */
  cancelPending(at: number, meeting: string, occurrence: string): number {
    return this.cancel.run(at, meeting, occurrence).changes;
  }
}

/** A pending job ran (or was skipped): record how, once. */
export function finishJob(db: Db, id: number, state: Exclude<JobState, 'pending'>, at: number, detail: string | null): void {
  db.prepare(`UPDATE jobs SET state = ?, ran_at = ?, detail = ? WHERE id = ? AND state = 'pending'`).run(state, at, detail, id);
}
