/**
 * Dates people write when they name a call: "2020-05-19", "Wednesday May 29", "May 29th",
 * "6th of March", "Dec 4", "12-4-19", "29/04/2025", "today", "tomorrow", "this Wednesday"
 * (issue 8, "Wrong call"). Each mention gives one or more candidate LOCAL dates: an all-numeric
 * date is ambiguous (US month-first, or day-first as most of the world writes it), and a date
 * without a year takes the year that puts it nearest the message. Which candidate is meant is
 * decided later against the meeting's real occurrences (occurrence-choice.ts): a date that is no
 * call of the meeting is no evidence at all. Pure date arithmetic on calendar fields: no zone.
 */

/** A calendar date, as "YYYY-MM-DD". */
export type LocalDate = string;

export interface DateMention {
  /** The text as written ("Wednesday May 29"). */
  readonly text: string;
  /** Where it starts in the searched text. */
  readonly index: number;
  /** Candidate dates, most likely first. */
  readonly dates: readonly LocalDate[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|' +
  'sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\\.?,?';
const ORD = '(?:st|nd|rd|th)?';

// Each pattern is tried over the whole text; overlapping matches of later patterns are dropped.
const ISO = /\b(\d{4})[-./](\d{1,2})[-./](\d{1,2})\b/g;
const MONTH_DAY = new RegExp(`\\b(?:${WEEKDAY}\\s+)?${MONTH}\\s+(\\d{1,2})${ORD}\\b(?![:.]\\d)(?:,?\\s+(\\d{4})\\b)?`, 'gi');
const DAY_MONTH = new RegExp(`\\b(?:${WEEKDAY}\\s+)?(\\d{1,2})${ORD}\\s+(?:of\\s+)?${MONTH}\\b(?:,?\\s+(\\d{4})\\b)?`, 'gi');
const NUMERIC = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b/g;
const RELATIVE = new RegExp(`\\b(today|tonight|tomorrow|(?:this|next|coming|on)\\s+(${WEEKDAY.slice(0, -6)}[a-z]*))\\b`, 'gi');

// A day of the week named alone, for routing ("Tuesdays agenda", "the Tues telecon"); "Sun", "Mon",
// "Fri" and "Sat" alone are too often other words to count.
const WEEKDAY_NAMED = /\b(?:(?:sun|mon|tues|wednes|thurs|fri|satur)day(?:'?s)?|tues?|thur?s?|wed)\b/i;

/** The day of the week a sentence names ("next Tuesday", "Tuesdays agenda"; 0 = Sunday), or null. */
export function namedWeekday(text: string): number | null {
  const m = WEEKDAY_NAMED.exec(text);
  return m ? WEEKDAYS.findIndex((w) => w.startsWith(m[0].slice(0, 3).toLowerCase())) : null;
}

/** Every date mention in `text`, read against the message's own local date `ref` ("YYYY-MM-DD"). */
export function dateMentions(text: string, ref: LocalDate): DateMention[] {
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  const add = (m: RegExpExecArray, dates: LocalDate[]): void => {
    const end = m.index + m[0].length;
    if (dates.length === 0 || taken.some(([a, b]) => m.index < b && end > a)) return;
    taken.push([m.index, end]);
    out.push({ text: m[0].trim(), index: m.index, dates: [...new Set(dates)] });
  };
  for (const m of text.matchAll(ISO)) add(m, valid(Number(m[1]), Number(m[2]), Number(m[3])));
  for (const m of text.matchAll(DAY_MONTH)) add(m, withYear(monthOf(m[2]!), Number(m[1]), m[3], ref));
  for (const m of text.matchAll(MONTH_DAY)) add(m, withYear(monthOf(m[1]!), Number(m[2]), m[3], ref));
  for (const m of text.matchAll(NUMERIC)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    // Month-first and day-first: the occurrence decides which (a "12-4-19" call exists on one only).
    // When both are calls (a fortnightly series has most dates), the reading nearer the message is
    // the one meant: "the 12.03.2024 call" written on 2024-03-11 is tomorrow's, not December's.
    const near = (d: LocalDate): number => Math.abs(daysBetween(ref, d));
    add(
      m,
      [...valid(y, a, b), ...valid(y, b, a)].sort((p, q) => near(p) - near(q)),
    );
  }
  for (const m of text.matchAll(RELATIVE)) add(m, relative(m[1]!.toLowerCase(), ref));
  return narrowedByNeighbours(out.sort((x, y) => x.index - y.index));
}

/**
 * "Next Tuesday's teleconference, Jan 13" written on a Monday: "next Tuesday" is tomorrow or the
 * week after, and the date beside it says which (Open MPI devel 2009). A mention with several
 * readings puts first those a mention right after it shares.
 */
function narrowedByNeighbours(mentions: DateMention[]): DateMention[] {
  return mentions.map((m, i) => {
    const next = mentions[i + 1];
    if (m.dates.length < 2 || !next || next.index - (m.index + m.text.length) > 40) return m;
    const shared = m.dates.filter((d) => next.dates.includes(d));
    return shared.length === 0 ? m : { ...m, dates: [...shared, ...m.dates.filter((d) => !shared.includes(d))] };
  });
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function valid(y: number, m: number, d: number): LocalDate[] {
  if (m < 1 || m > 12 || d < 1 || d > 31) return [];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 ? [iso(t)] : [];
}

/** A month and day with the written year, or the year that puts it nearest `ref` (ties: the later). */
function withYear(month: number, day: number, year: string | undefined, ref: LocalDate): LocalDate[] {
  if (month < 1) return [];
  const r = Number(ref.slice(0, 4));
  if (year) {
    // Last year's number, written out of habit early in a new year: "Next Tuesday's teleconference,
    // Jan 13 2008" on 2009-01-05 (Open MPI devel). The date as written stays the likelier; the
    // occurrences decide.
    const meant = Number(year) === r - 1 ? valid(r, month, day).filter((d) => Math.abs(daysBetween(ref, d)) <= 60) : [];
    return [...valid(Number(year), month, day), ...meant];
  }
  const options = [r - 1, r, r + 1].flatMap((y) => valid(y, month, day));
  const refMs = Date.parse(ref);
  return options.sort((a, b) => Math.abs(Date.parse(a) - refMs) - Math.abs(Date.parse(b) - refMs) || b.localeCompare(a)).slice(0, 1);
}

/** "today", "tomorrow", "this Wednesday" (the coming one, today included), "next Wednesday" (either of the next two). */
function relative(phrase: string, ref: LocalDate): LocalDate[] {
  const base = Date.parse(ref);
  const day = (n: number) => iso(new Date(base + n * 86_400_000));
  if (phrase === 'today' || phrase === 'tonight') return [day(0)];
  if (phrase === 'tomorrow') return [day(1)];
  const [which, name] = phrase.split(/\s+/) as [string, string];
  const want = WEEKDAYS.findIndex((w) => w.startsWith(name.slice(0, 3)));
  if (want < 0) return [];
  const ahead = (want - new Date(base).getUTCDay() + 7) % 7;
  if (which === 'next') return ahead === 0 ? [day(7)] : [day(ahead), day(ahead + 7)];
  return [day(ahead)];
}

function iso(d: Date): LocalDate {
  return d.toISOString().slice(0, 10);
}

/** Days from a to b (b − a), both "YYYY-MM-DD". */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

// What may stand beside a slot's date and time: the weekday, a zone, "at", a link, a booking state.
const SLOT_ASIDE = new RegExp(
  `\\((?:${WEEKDAY}|<?https?:[^)]*|(?:not\\s+(?:yet\\s+)?)?(?:reserved|booked|taken)|available|open|free|tentative|cancell?ed|tb[da])\\)`,
  'gi',
);
// Not a part of a longer dotted number: "0.4.2.6" is a release, no four times of day.
const TIME = /(?<![\d.])\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?![.:]?\d)(?=\W|$)/gi;
const SLOT_WORDS = new RegExp(`\\b(?:${WEEKDAY}|at|from|to|until|till|and)(?=\\W|$)`, 'gi');
const RELATIVE_WHEN = /\b(?:(?:next|this|last|coming)\s+(?:week|month|year|time)|today|tonight|tomorrow|yesterday)\b/gi;
const ZONE = /\b(?:[PMCE][SD]?T|UTC|GMT|[CEW]ES?T|BST|IST|JST|KST|AES?T|AEDT|HKT|SGT)\b/g;

// "Next call: 18th Feb 2021", "Next meeting: Thu 20th January 2022, 4pm GMT" closing a chair's agenda (the
// LLVM RISC-V sync-up, 2021-2022): when the series meets again, the label before the date.
const NEXT_ONE = /^\W*(?:the\s+)?next\s+(?:call|meeting|sync(?:-up)?|telecon(?:ference)?|session|one)\s*(?::|-|–|\bis\b|\bwill\s+be\b)/i;

/**
 * A slot that names only when, never what: "2024-12-09 (Mon) 18:00 PT (not yet reserved)", the
 * times a chair offers for topics (DAMON chat reminders). A date with a topic beside it is not one.
 */
export function namesOnlyWhen(text: string): boolean {
  // "Next meeting: Thu 6th January 2022 (we'll skip the 23rd December meeting as most people will be away for
  // the holidays)" (the LLVM RISC-V sync-up, 2021): after the label, an aside says more about when.
  const next = NEXT_ONE.test(text);
  let rest = text
    .replace(NEXT_ONE, ' ')
    .replace(next ? /\([^()]*\)/g : SLOT_ASIDE, ' ')
    .replace(/<?https?:\/\/\S+/g, ' ');
  const dated = dateMentions(rest, '2000-01-01');
  for (const m of dated) rest = rest.replace(m.text, ' ');
  // "Advancing netCDF-CF Workshop: next week" (CF metadata 2017): the subject's rest says only when.
  const timed = rest.replace(RELATIVE_WHEN, ' ').replace(TIME, ' ');
  if (dated.length === 0 && timed === rest) return false;
  return !/\p{L}/u.test(timed.replace(SLOT_WORDS, ' ').replace(ZONE, ' '));
}
