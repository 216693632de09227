/**
 * Which call of a meeting a proposal is put to (issue 8, "Wrong call" and "Old mail floods the
 * next call"). In order:
 *  1. A call the message names, or the call it answers ("KVM call for agenda for 2020-05-19",
 *     "Security Working Group meeting - Wednesday May 29", "add it to the Feb 19 agenda"): the
 *     occurrence on that local date (a day either side, for writers in other zones). A named call
 *     that had already started when the message was sent sends the proposal to the next one; a
 *     date well before the message is talk about a past call, not a proposal for it.
 *  2. A chair's own reminder or posted agenda is for the call it announces, always: even sent
 *     while the call runs.
 *  3. A summit of several days under way takes what is put to it while it runs.
 *  4. Otherwise the first call that starts after the message.
 * A proposal sent more than one period before the meeting's first call belongs to none: it is
 * history (the operator imported old mail into a meeting that starts later).
 * The cutoff does not move anything: it only marks a proposal late (store.ts).
 */
import { daysBetween, type DateMention, type LocalDate } from './date-mentions.js';

/** An occurrence as the extractor sees it (from the context: config schedule plus overrides). */
export interface OccurrenceRef {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** Local date of the start, in the meeting's zone. */
  readonly date: LocalDate;
}

export type OccurrenceChoice =
  | {
      readonly kind: 'call';
      readonly occurrence: OccurrenceRef;
      readonly why: string;
      /** The message named a call that had already started: it was moved on to this one. */
      readonly namedCallHadStarted?: boolean;
    }
  | { readonly kind: 'none'; readonly why: string; readonly notThisMeeting?: boolean };

export interface ChoiceInput {
  /** The message's Date (ms UTC). */
  readonly date: number;
  /** Its local date in the meeting's zone. */
  readonly localDate: LocalDate;
  /** Dates named in the message or the call it answers, strongest source first. */
  readonly mentions: readonly { readonly source: string; readonly mention: DateMention }[];
  /** The message is the chair's reminder / posted agenda / call for items of this meeting. */
  readonly announces: boolean;
  /** The meeting's occurrences around the message (a few before, many after), in start order. */
  readonly occurrences: readonly OccurrenceRef[];
  /** Start of the meeting's first occurrence ever (ms UTC), or null. */
  readonly firstStart: number | null;
  /** How far before its first occurrence a meeting collects proposals (ms); Infinity for one-off meetings. */
  readonly reach: number;
}

const DAY_MS = 86_400_000;
/** A named date more than this many days before the message speaks of a past call. */
const PAST_DAYS = 2;

export function chooseOccurrence(input: ChoiceInput): OccurrenceChoice {
  const named = namedOccurrence(input);
  if (named) return named;
  // A chair's schedule line for a day this meeting has no call on is another meeting's ("Thu 8 Apr -
  // Rick: ..." among the Tuesday planning sessions' lines, imagej-devel 2010): it goes on none of these.
  if (input.mentions.length > 0 && input.mentions.every((m) => m.source === 'schedule'))
    return { kind: 'none', why: 'its schedule line names no call of this meeting', notThisMeeting: true };
  const { occurrences, date } = input;
  const current = occurrences.find((o) => o.start <= date && date < o.end);
  if (current && input.announces) return { kind: 'call', occurrence: current, why: 'the call it announces is under way' };
  // A summit of several days under way takes what is put to it while it runs ("[LSF/MM/BPF TOPIC]
  // BPF in Stable Kernels" posted on its first day, for a session on its second); a call of an
  // hour that has begun does not: the proposal is for the next one.
  // One that names a day of it already over ("yesterday's session") speaks of the past (namedOccurrence).
  const namesItsDay = (o: OccurrenceRef): boolean => input.mentions.some((m) => m.mention.dates.some((d) => onDate([o], d)));
  if (current && current.end - current.start >= DAY_MS && !namesItsDay(current))
    return { kind: 'call', occurrence: current, why: 'sent while it runs' };
  const next = occurrences.find((o) => o.start > date);
  if (!next) {
    const before = input.firstStart !== null && input.firstStart > date;
    return { kind: 'none', why: before ? "sent before the meeting's first call" : 'no call after it' };
  }
  if (next.start === input.firstStart && next.start - date > input.reach)
    return { kind: 'none', why: "sent before the meeting's first call" };
  return { kind: 'call', occurrence: next, why: 'the next call after it' };
}

function namedOccurrence(input: ChoiceInput): OccurrenceChoice | null {
  for (const { source, mention } of input.mentions) {
    for (const d of mention.dates) {
      if (daysBetween(input.localDate, d) < -PAST_DAYS) continue;
      const occ = onDate(input.occurrences, d);
      if (!occ) continue;
      const as = `"${mention.text}" in the ${source}`;
      // A summit of several days under way takes what is put to one of its days not yet over ("a
      // slot at 17:30 today" on its third day); a call of an hour that has begun does not.
      const laterDayOfIt = occ.end - occ.start >= DAY_MS && d >= input.localDate && input.date < occ.end;
      if (occ.start > input.date || input.announces || laterDayOfIt) {
        return { kind: 'call', occurrence: occ, why: `names the call: ${as}` };
      }
      const after = input.occurrences.find((o) => o.start > input.date);
      if (after) return { kind: 'call', occurrence: after, why: `the call it names (${as}) had started`, namedCallHadStarted: true };
    }
  }
  return null;
}

/**
 * The occurrence on a local date (any day of one that lasts several: a three-day summit), else one
 * a day either side (a writer in another zone).
 */
function onDate(occurrences: readonly OccurrenceRef[], d: LocalDate): OccurrenceRef | undefined {
  const days = (o: OccurrenceRef): number => Math.max(1, Math.ceil((o.end - o.start) / 86_400_000));
  return (
    occurrences.find((o) => o.date === d) ??
    occurrences.find((o) => daysBetween(o.date, d) > 0 && daysBetween(o.date, d) < days(o)) ??
    occurrences.find((o) => Math.abs(daysBetween(o.date, d)) === 1)
  );
}
