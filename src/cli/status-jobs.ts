/**
 * The jobs `convene status` lists as next: the ones the daemon has planned (the jobs table), and
 * before its first pass (or beyond its 60-day planning window) the ones the config implies,
 * computed the same way (mailings/due.ts) without writing anything.
 */
import { digestFor } from '../config/digest.js';
import type { Config } from '../config/types.js';
import { dueOf, JOB_KINDS } from '../mailings/due.js';
import { jobsOf, nextJobs } from '../mailings/job-reader.js';
import { occurrencesBetween } from '../meetings/occurrences.js';
import type { Db } from '../store/db.js';

export interface UpcomingJob {
  readonly meeting: string;
  readonly occurrence: string;
  readonly kind: string;
  readonly due: number;
  /** IANA zone of the meeting, for showing `due`. */
  readonly zone: string;
  /** true: in the jobs table; false: implied by the config, not planned yet. */
  readonly planned: boolean;
}

const LOOK_AHEAD_MS = 120 * 86_400_000;

export function upcomingJobs(db: Db | null, config: Config, now: number, limit: number): UpcomingJob[] {
  const zoneOf = new Map(config.meetings.map((m) => [m.id, m.zone]));
  const planned = db ? nextJobs(db, now, limit) : [];
  const out: UpcomingJob[] = planned.map((j) => ({ ...j, zone: zoneOf.get(j.meeting) ?? 'UTC', planned: true }));
  const known = new Set(planned.map((j) => `${j.occurrence} ${j.kind}`));
  for (const meeting of config.meetings) {
    const timing = digestFor(config.digest, meeting.id).timing;
    for (const occ of occurrencesBetween(db, meeting, now, now + LOOK_AHEAD_MS, { limit })) {
      // Jobs the table already holds, in any state, are not implied again; nor are past ones.
      const held = new Set(db ? jobsOf(db, meeting.id, occ.key).map((j) => j.kind as string) : []);
      for (const kind of JOB_KINDS) {
        const due = dueOf(kind, occ, meeting, timing);
        if (due === null || due <= now || held.has(kind) || known.has(`${occ.key} ${kind}`)) continue;
        out.push({ meeting: meeting.id, occurrence: occ.key, kind, due, zone: meeting.zone, planned: false });
      }
    }
  }
  return out.sort((a, b) => a.due - b.due).slice(0, limit);
}
