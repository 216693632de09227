/**
 * Which occurrence a proposal belongs to. By default: the first occurrence starting after the
 * message. A message arriving less than the meeting's cutoff before that start is too late for
 * it: it goes to the one after, marked late. A proposal naming an occurrence ("at the 2019-06-26
 * meeting", Candidate.namedDate) goes there, under the same cutoff rule; a named date that is
 * not an occurrence, or already past, is ignored. A late proposal with no later occurrence stays
 * on the one it aimed at, marked late.
 */
import type { MeetingConfig } from '../config/meetings.js';
import type { Db } from '../store/db.js';
import { nextOccurrence, findOccurrence } from './occurrences.js';
import type { Occurrence } from './types.js';
import { addDuration } from '../time/time-zone.js';

export interface Assignment {
  readonly occurrence: Occurrence;
  /** Sent within the cutoff before the occurrence it aimed at. */
  readonly late: boolean;
  /** The occurrence came from a date the message named. */
  readonly named: boolean;
}

/** The occurrence for a message sent at `date` (ms UTC), or null when the meeting has none left. */
export function occurrenceForMessage(db: Db | null, meeting: MeetingConfig, date: number, namedDate?: string): Assignment | null {
  if (namedDate) {
    const named = findOccurrence(db, meeting, namedDate);
    if (named && named.status !== 'cancelled' && named.start > date) return withCutoff(db, meeting, named, date, true);
  }
  const next = nextOccurrence(db, meeting, date);
  return next ? withCutoff(db, meeting, next, date, false) : null;
}

function withCutoff(db: Db | null, meeting: MeetingConfig, occ: Occurrence, date: number, named: boolean): Assignment | null {
  const deadline = addDuration(occ.start, meeting.agenda.cutoff, meeting.zone, -1);
  if (date < deadline) return { occurrence: occ, late: false, named };
  // Too late for this one: the next one. With no next one (a one-off summit), it stays here,
  // marked late, rather than vanishing.
  const after = nextOccurrence(db, meeting, occ.start);
  return { occurrence: after ?? occ, late: true, named };
}

/** The instant after which proposals for this occurrence count as late. */
export function cutoffOf(meeting: MeetingConfig, occ: Occurrence): number {
  return addDuration(occ.start, meeting.agenda.cutoff, meeting.zone, -1);
}
