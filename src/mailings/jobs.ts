import { digestFor } from '../config/digest.js';
import type { Config } from '../config/types.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import { dueOf, JOB_KINDS, type JobKind } from './due.js';
import { occurrences } from './ports.js';

export type JobState = 'pending' | 'done' | 'skipped' | 'late';

export interface JobRow {
  readonly id: number;
  readonly meeting: string;
  readonly occurrence: string;
  readonly start: number;
  readonly kind: JobKind;
  readonly due: number;
  readonly state: JobState;
  readonly ranAt: number | null;
  readonly detail: string | null;
}

const DAY = 86_400_000;
/** Occurrences planned: those starting from two days ago (to record missed jobs) to 60 days ahead. */
export const PLAN_BEHIND_MS = 2 * DAY;
export const PLAN_AHEAD_MS = 60 * DAY;

const SELECT = 'SELECT id, meeting, occurrence, start, kind, due, state, ran_at AS ranAt, detail FROM jobs';

/**
 * Plan the jobs of every occurrence in the window into SQLite with their due instants. Idempotent:
 * a job is inserted once per (meeting, occurrence, kind); a pending job follows its occurrence
 * when the call moves; a cancelled occurrence's pending jobs are recorded as skipped. Jobs that
 * already ran are never touched.
 */
export function planJobs(db: Db, config: Config, now: number, logger?: Logger): number {
  const upsert = db.prepare(
    `INSERT INTO jobs (meeting, occurrence, start, kind, due) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (meeting, occurrence, kind) DO UPDATE SET due = excluded.due, start = excluded.start
     WHERE jobs.state = 'pending' AND (jobs.due != excluded.due OR jobs.start != excluded.start)`,
  );
  const cancel = db.prepare(
    `UPDATE jobs SET state = 'skipped', ran_at = ?, detail = 'occurrence cancelled' WHERE meeting = ? AND occurrence = ? AND state = 'pending'`,
  );
  let changed = 0;
  db.transaction(() => {
    for (const meeting of config.meetings) {
      const timing = digestFor(config.digest, meeting.id).timing;
      for (const occ of occurrences(db, meeting, now - PLAN_BEHIND_MS, now + PLAN_AHEAD_MS)) {
        if (occ.status === 'cancelled') {
          changed += cancel.run(now, meeting.id, occ.key).changes;
          continue;
        }
        for (const kind of JOB_KINDS) {
          const due = dueOf(kind, occ, meeting, timing);
          if (due !== null) changed += upsert.run(meeting.id, occ.key, occ.start, kind, due).changes;
        }
      }
    }
  })();
  if (changed) logger?.info({ msg: 'jobs planned', changed });
  return changed;
}

export function dueJobs(db: Db, now: number): JobRow[] {
  return db.prepare(`${SELECT} WHERE state = 'pending' AND due <= ? ORDER BY due, id`).all(now) as JobRow[];
}

export function nextJobs(db: Db, now: number, limit: number): JobRow[] {
  return db.prepare(`${SELECT} WHERE state = 'pending' AND due > ? ORDER BY due, id LIMIT ?`).all(now, limit) as JobRow[];
}

export function jobsOf(db: Db, meeting: string, occurrence: string): JobRow[] {
  return db.prepare(`${SELECT} WHERE meeting = ? AND occurrence = ? ORDER BY due`).all(meeting, occurrence) as JobRow[];
}

export function finishJob(db: Db, id: number, state: Exclude<JobState, 'pending'>, at: number, detail: string | null): void {
  db.prepare(`UPDATE jobs SET state = ?, ran_at = ?, detail = ? WHERE id = ? AND state = 'pending'`).run(state, at, detail, id);
}
