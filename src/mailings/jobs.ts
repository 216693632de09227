import { digestFor } from '../config/digest.js';
import type { Config } from '../config/types.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import { dueOf, JOB_KINDS } from './due.js';
import { lastPlannedStart } from './job-reader.js';
import { JobPlanner } from './job-store.js';
import { occurrences } from './ports.js';

const DAY = 86_400_000;
/** Occurrences planned: those starting from two days ago (to record missed jobs) to 60 days ahead. */
export const PLAN_BEHIND_MS = 2 * DAY;
export const PLAN_AHEAD_MS = 60 * DAY;
/** How far back a pass plans the calls it has never planned (a clock jump, a daemon down for months). */
export const CATCH_UP_MS = 366 * DAY;

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
      // Normally the window starts two days back. When the clock jumped (or the daemon was down)
      // past the last call it planned, it starts at that call instead, so the calls in between
      // get their jobs planned and then recorded as run late or skipped (daemon/tick.ts), never
      // silently lost (issue 13, Low).
      const last = lastPlannedStart(db, meeting.id);
      const behind = now - PLAN_BEHIND_MS;
      const missed = last !== null && last < behind ? occurrences(db, meeting, Math.max(last + 1, now - CATCH_UP_MS), behind) : [];
      if (missed.length)
        logger?.warn({
          msg: 'planning calls never planned before (a clock jump or a long downtime)',
          meeting: meeting.id,
          calls: missed.length,
        });
      for (const occ of [...missed, ...occurrences(db, meeting, behind, now + PLAN_AHEAD_MS)]) {
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
