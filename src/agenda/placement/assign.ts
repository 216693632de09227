/**
 * The call an extracted proposal goes on, with the archive's occurrences (config schedule plus
 * the operator's overrides) and the policy of occurrence-choice.ts. Then two marks:
 *  - late: sent within the meeting's cutoff before its call (a chair's own agenda never is). The
 *    cutoff moves nothing (issue 8): the item stays on its call and shows as late;
 *  - history: it predates the meeting's first call (old mail imported into a meeting that starts
 *    later). Kept and searchable, never in a live inbox. An item whose call is over is history
 *    too, but that depends on when one looks: readers derive it (item-row.ts historyOf).
 */
import type { MeetingConfig } from '../../config/meetings.js';
import { approxMs } from '../../time/duration.js';
import { occurrencesBetween } from '../../meetings/occurrences.js';
import { baseOccurrencesBetween } from '../../meetings/schedule.js';
import type { Occurrence } from '../../meetings/types.js';
import { addDuration, fromLocal, localDate } from '../../time/time-zone.js';
import type { Db } from '../../store/db.js';
import type { NamedDate } from './mentions.js';
import { chooseOccurrence, type OccurrenceRef } from './occurrence-choice.js';

export interface Assignment {
  readonly occurrence: Occurrence | null;
  readonly late: boolean;
  /** Why the item is history, or null when it is live. */
  readonly history: string | null;
  /** Why this call (or none) was chosen, for the audit log. */
  readonly why: string;
  /** The message named a call that had already started when it was sent (notes after a call). */
  readonly afterNamedCall?: boolean;
  /** A schedule line names a day this meeting has no call on: the line is another meeting's. */
  readonly notThisMeeting?: boolean;
}

export interface AssignInput {
  /** When the proposal was sent (ms UTC). */
  readonly date: number;
  readonly mentions?: readonly NamedDate[];
  readonly announces?: boolean;
}

const DAY = 86_400_000;

/** Where a proposal sent at `input.date` goes. */
export function assignOccurrence(db: Db | null, meeting: MeetingConfig, input: AssignInput): Assignment {
  const { date } = input;
  const window = occurrencesBetween(db, meeting, date - 45 * DAY, date + 400 * DAY);
  const refs: OccurrenceRef[] = window.map((o) => ({ key: o.key, start: o.start, end: o.end, date: localDate(o.start, meeting.zone) }));
  const choice = chooseOccurrence({
    date,
    localDate: localDate(date, meeting.zone),
    mentions: (input.mentions ?? []).map((m) => ({ source: m.source, mention: { text: m.text, index: 0, dates: m.dates } })),
    announces: input.announces === true,
    occurrences: refs,
    firstStart: firstStart(meeting),
    reach: reach(meeting),
  });
  if (choice.kind === 'none') {
    const before = /before the meeting/.test(choice.why);
    return {
      occurrence: null,
      late: false,
      history: before ? choice.why : null,
      why: choice.why,
      ...(choice.notThisMeeting ? { notThisMeeting: true } : {}),
    };
  }
  const occurrence = window.find((o) => o.key === choice.occurrence.key)!;
  const late = input.announces !== true && date >= cutoffOf(meeting, occurrence) && date < occurrence.start;
  return { occurrence, late, history: null, why: choice.why, ...(choice.namedCallHadStarted ? { afterNamedCall: true } : {}) };
}

/** The instant after which proposals for this occurrence count as late. */
export function cutoffOf(meeting: MeetingConfig, occ: Occurrence): number {
  return addDuration(occ.start, meeting.agenda.cutoff, meeting.zone, -1);
}

/** Start of the meeting's first configured occurrence, or null when it has none. */
function firstStart(meeting: MeetingConfig): number | null {
  const starts = [
    ...meeting.dates.map((d) => fromLocal(d, meeting.zone)),
    ...(meeting.schedule ? [fromLocal(meeting.schedule.first, meeting.zone)] : []),
  ];
  return starts.length ? Math.min(...starts) : null;
}

/**
 * How long before its first call a meeting collects proposals: one period of its schedule, or the
 * gap from its first edition to the next (a yearly summit: a year); a single edition: a year. The
 * first gap, not the shortest: calls fixed ad hoc by poll (34, 5 and 53 days apart, the docktesters
 * working group 2016) have no period, and a five-day one made a proposal sent 17 days before the
 * first call history. Dates a day
 * apart are the days of one edition ("dates: [2014-06-24, 2014-06-25, 2014-06-26]", a three-day
 * developer meeting written day by day, Open MPI 2014): their one-day gap is no period, and taken
 * for one it made every proposal sent the week before the meeting history.
 */
function reach(meeting: MeetingConfig): number {
  if (meeting.schedule) return approxMs(meeting.schedule.period);
  const starts = baseOccurrencesBetween(meeting, -8.64e15, 8.64e15, 50).map((o) => o.start);
  const editions = starts.filter((s, i) => i === 0 || s - starts[i - 1]! > SAME_EDITION);
  return editions.length > 1 ? Math.min(YEAR, editions[1]! - editions[0]!) : YEAR;
}

/** Starts at most this far apart are days of one edition (a day, and slack for a later start). */
const SAME_EDITION = 36 * 3_600_000;
const YEAR = 366 * 86_400_000;
