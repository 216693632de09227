import { digestFor } from '../config/digest.js';
import type { Config } from '../config/types.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import { dueOf, JOB_KINDS } from './due.js';
import { JobPlanner } from './job-store.js';
import { occurrences } from './ports.js';

const DAY = 86_400_000;
/** Occurrences planned: those starting from two days ago (to record missed jobs) to 60 days ahead. */
export const PLAN_BEHIND_MS = 2 * DAY;
export const PLAN_AHEAD_MS = 60 * DAY;

/**
 * Plan the jobs of every occurrence in the window into SQLite with their due instants. Idempotent:
 * a job is inserted once per (meeting, occurrence, kind); a pending job follows its occurrence
 * when the call moves; a cancelled occurrence's pending jobs are recorded as skipped. Jobs that
 * already ran are never touched.
 */
export function planJobs(db: Db, config: Config, now: number, logger?: Logger): number {
  const jobs = new JobPlanner(db);
  let changed = 0;
  db.transaction(() => {
    for (const meeting of config.meetings) {
      const timing = digestFor(config.digest, meeting.id).timing;
      for (const occ of occurrences(db, meeting, now - PLAN_BEHIND_MS, now + PLAN_AHEAD_MS)) {
        if (occ.status === 'cancelled') {
          changed += jobs.cancelPending(now, meeting.id, occ.key);
          continue;
        }
        for (const kind of JOB_KINDS) {
          const due = dueOf(kind, occ, meeting, timing);
          if (due !== null) changed += jobs.plan(meeting.id, occ.key, occ.start, kind, due);
        }
      }
    }
  })();
  if (changed) logger?.info({ msg: 'jobs planned', changed });
  return changed;
}
