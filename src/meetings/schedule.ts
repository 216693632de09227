/**
 * Schedule expansion: the occurrences a meeting's config implies, before one-off overrides.
 * The schedule is a recurrence in the meeting's zone (time/recurrence.ts: FIRST + k × PERIOD on
 * the wall clock); explicit `dates` join it. Bounded: a window never yields more than
 * MAX_OCCURRENCES.
 */
import type { MeetingConfig } from '../config/meetings.js';
import { formatLocal, formatLocalDate, type PlainDateTime } from '../time/plain-date-time.js';
import { recurrenceAt, recurrencesBetween, type Recurrence } from '../time/recurrence.js';
import { fromLocal, toLocal } from '../time/time-zone.js';

export const MAX_OCCURRENCES = 5000;

/** An occurrence as the config defines it. */
export interface BaseOccurrence {
  readonly key: string;
  readonly start: number;
  readonly local: PlainDateTime;
  readonly origin: 'schedule' | 'dates';
}

/** The key of an occurrence: "<meeting>/<local date of its original start>". */
export function occurrenceKey(meetingId: string, local: PlainDateTime, withTime = false): string {
  return `${meetingId}/${withTime ? formatLocal(local).replace(':', '') : formatLocalDate(local)}`;
}

/** The meeting's schedule as a recurrence in its zone, or null when it has none. */
function recurrenceOf(meeting: MeetingConfig): Recurrence | null {
  // The period form or an RFC 5545 rule, with its EXDATEs (config/schedule.ts).
  return meeting.schedule ? { ...meeting.schedule, zone: meeting.zone } : null;
}

/** The k-th scheduled occurrence (k ≥ 0), or null when the meeting has no schedule. */
export function scheduledAt(meeting: MeetingConfig, k: number): BaseOccurrence | null {
  const r = recurrenceOf(meeting);
  if (!r) return null;
  const { local, start } = recurrenceAt(r, k);
  return { key: occurrenceKey(meeting.id, local), start, local, origin: 'schedule' };
}

/** Scheduled occurrences with from ≤ start < to, in order. */
export function scheduledBetween(meeting: MeetingConfig, from: number, to: number, limit = MAX_OCCURRENCES): BaseOccurrence[] {
  const r = recurrenceOf(meeting);
  if (!r) return [];
  return recurrencesBetween(r, from, to, limit).map(({ local, start }) => ({
    key: occurrenceKey(meeting.id, local),
    start,
    local,
    origin: 'schedule' as const,
  }));
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
