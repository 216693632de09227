/**
 * Schedule expansion: the occurrences a meeting's config implies, before one-off overrides.
 * The k-th scheduled call is FIRST + k × PERIOD on the wall clock (computed from FIRST each time,
 * not by repeated addition, so "31st + P1M" stays on month ends instead of drifting), then turned
 * into an instant in the meeting's zone (gap/fold rules in zone.ts). Iterative and bounded: a
 * window never yields more than MAX_OCCURRENCES.
 */
import type { MeetingConfig } from '../config/meetings.js';
import { approxMs, scaleDuration } from './iso-duration.js';
import { addDateParts, formatLocal, formatLocalDate, type LocalDateTime } from './local-time.js';
import { fromLocal, toLocal } from './zone.js';

export const MAX_OCCURRENCES = 5000;

/** An occurrence as the config defines it. */
export interface BaseOccurrence {
  readonly key: string;
  readonly start: number;
  readonly local: LocalDateTime;
  readonly origin: 'schedule' | 'dates';
}

/** The key of an occurrence: "<meeting>/<local date of its original start>". */
export function occurrenceKey(meetingId: string, local: LocalDateTime, withTime = false): string {
  return `${meetingId}/${withTime ? formatLocal(local).replace(':', '') : formatLocalDate(local)}`;
}

/** The k-th scheduled occurrence (k ≥ 0), or null when the meeting has no schedule. */
export function scheduledAt(meeting: MeetingConfig, k: number): BaseOccurrence | null {
  const s = meeting.schedule;
  if (!s) return null;
  const local = addDateParts(s.first, scaleDuration(s.period, k));
  return { key: occurrenceKey(meeting.id, local), start: fromLocal(local, meeting.zone), local, origin: 'schedule' };
}

/** Scheduled occurrences with from ≤ start < to, in order. */
export function scheduledBetween(meeting: MeetingConfig, from: number, to: number, limit = MAX_OCCURRENCES): BaseOccurrence[] {
  const s = meeting.schedule;
  if (!s || to <= from) return [];
  const first = scheduledAt(meeting, 0)!;
  // Jump close to the window: months are estimated as 30 days, so undershoot by 3% and a few.
  let k = from > first.start ? Math.max(0, Math.floor(((from - first.start) / approxMs(s.period)) * 0.97) - 2) : 0;
  const out: BaseOccurrence[] = [];
  for (let guard = 0; guard < limit * 2 + 1000 && out.length < limit; guard++, k++) {
    const occ = scheduledAt(meeting, k)!;
    if (occ.start >= to) break;
    if (occ.start >= from) out.push(occ);
  }
  return out;
}

/**
 * Every configured occurrence (schedule and dates) with from ≤ start < to, in start order.
 * A `dates` entry at the same local time as a scheduled call is the same occurrence; one on the
 * same day at another time gets a key with the time ("mirage/2025-12-10T0900").
 */
export function baseOccurrencesBetween(meeting: MeetingConfig, from: number, to: number, limit = MAX_OCCURRENCES): BaseOccurrence[] {
  const scheduled = scheduledBetween(meeting, from, to, limit);
  const out = [...scheduled];
  for (const local of meeting.dates) {
    const start = fromLocal(local, meeting.zone);
    if (start < from || start >= to) continue;
    const day = formatLocalDate(local);
    const sameDay = scheduledBetween(meeting, start - 2 * 86_400_000, start + 2 * 86_400_000).filter(
      (o) => formatLocalDate(toLocal(o.start, meeting.zone)) === day || formatLocalDate(o.local) === day,
    );
    if (sameDay.some((o) => o.start === start)) continue;
    out.push({ key: occurrenceKey(meeting.id, local, sameDay.length > 0), start, local, origin: 'dates' });
  }
  return out.sort((a, b) => a.start - b.start).slice(0, limit);
}
