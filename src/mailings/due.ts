import type { DigestTiming } from '../config/digest.js';
import type { MeetingConfig } from '../config/meetings.js';
import type { Duration } from '../time/duration.js';
import { addDuration } from '../time/time-zone.js';

export type JobKind = 'call-for-items' | 'chair-reminder' | 'digest' | 'notes';
export const JOB_KINDS: readonly JobKind[] = ['call-for-items', 'chair-reminder', 'digest', 'notes'];

/**
 * When a job of one occurrence is due, or null when the job is disabled.
 *
 * The rule: subtract the configured duration from the call's start AS SEEN IN THE MEETING'S
 * ZONE: date parts (days, weeks) move the wall-clock date and keep the wall time, time parts are
 * exact hours. So the default digest offset P1D means "the previous calendar day at the call's
 * local start time": a 16:00 Europe/London call on Monday 30 March 2026 (BST) gets its digest at
 * 16:00 GMT on Sunday 29 March, 23 hours before, because the clocks changed in between. A wall
 * time that does not exist on that day (inside a spring-forward gap) shifts forward by the gap
 * (02:30 → 03:30); an ambiguous one (the repeated hour) takes the earlier instant. Notes are due
 * when the call ends.
 *
 * The durations come from the meeting's `jobs:` keys when it sets them, else from the digest
 * section's `timing:` (global or the meeting's `digest.timing`).
 */
export function dueOf(
  kind: JobKind,
  occ: { start: number; end: number; zone: string },
  meeting: MeetingConfig | undefined,
  timing: DigestTiming,
): number | null {
  if (kind === 'notes') return occ.end;
  const d = durationFor(kind, meeting, timing);
  return d === null ? null : addDuration(occ.start, d, occ.zone, -1);
}

function durationFor(kind: Exclude<JobKind, 'notes'>, meeting: MeetingConfig | undefined, timing: DigestTiming): Duration | null {
  const k = kind === 'call-for-items' ? 'callForItems' : kind === 'chair-reminder' ? 'chairReminder' : 'digest';
  const jobsRaw = meeting?.raw.jobs;
  const explicit = jobsRaw !== null && typeof jobsRaw === 'object' && k in (jobsRaw as object);
  if (explicit && meeting?.jobs) return meeting.jobs[k];
  return timing[k];
}
