/**
 * A meeting's `schedule`, in either of two forms:
 *   schedule: "2015-05-06T16:00[Europe/London]/P14D"        the first call, its zone, the period
 *   schedule:                                              an RFC 5545 rule (time/rrule.ts)
 *     start: "2026-01-14T16:00"                            the first call (or a day before it)
 *     rrule: "FREQ=MONTHLY;BYDAY=2WE"                      second Wednesday of every month
 *     exdate: ["2026-08-12"]                               calls left out (local dates or date-times)
 * Both run on the wall clock of the meeting's zone. Errors name the key.
 */
import { isDateOnly, isZero, parseDuration, type Duration } from '../time/duration.js';
import { formatLocal, hasTimePart, parseLocal, type PlainDateTime } from '../time/plain-date-time.js';
import { recurrencesBetween } from '../time/recurrence.js';
import { parseRRule, RRuleError, type RRule } from '../time/rrule.js';
import { fromLocal } from '../time/time-zone.js';
import { CONFIG_KEYS } from './keys.js';
import { asObject, fail, onlyKeys, optString, optStringList } from './validate.js';

export interface MeetingSchedule {
  readonly first: PlainDateTime;
  /** The period; with a rule, its step (FREQ × INTERVAL), used only to estimate how far to look. */
  readonly period: Duration;
  readonly rule?: RRule;
  /** Local dates ("2026-08-12") or date-times ("2026-08-12T16:00") left out. */
  readonly exdates?: readonly string[];
  readonly text: string;
}

const PERIOD_FORM = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\[([^\]]+)\])?\/(P[0-9A-Z]+)$/i;
const START = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\[([^\]]+)\])?$/;

/** The zone a schedule names ("…[Europe/London]…"), if any: the meeting's zone when it gives none. */
export function scheduleZone(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value : value && typeof value === 'object' ? (value as { start?: unknown }).start : undefined;
  return typeof text === 'string' ? /\[([^\]]+)\]/.exec(text)?.[1] : undefined;
}

/** Validate `schedule` for a meeting in `zone`; `sameZone` checks a zone written inside it. */
export function validateSchedule(value: unknown, key: string, zone: string, sameZone: (z: string) => boolean): MeetingSchedule | undefined {
  if (value === undefined || value === null) return undefined;
  const zoneInside = scheduleZone(value);
  if (zoneInside !== undefined && !sameZone(zoneInside)) fail(key, `its zone ${zoneInside} differs from the meeting's zone ${zone}`);
  if (typeof value === 'string') return periodForm(value, key);
  const o = asObject(value, key);
  onlyKeys(o, key, CONFIG_KEYS.schedule);
  const startText = optString(o, 'start', key);
  if (startText === undefined) fail(`${key}.start`, 'is required: the first call, a local date and time like "2026-01-14T16:00"');
  const m = START.exec(startText.trim());
  const first = m ? parseLocal(m[1]!) : null;
  if (!first)
    fail(`${key}.start`, `"${startText}" is not a local date and time like "2026-01-14T16:00" (no offset: the zone is the meeting's)`);
  const ruleText = optString(o, 'rrule', key);
  if (ruleText === undefined) fail(`${key}.rrule`, 'is required: an RFC 5545 rule such as "FREQ=MONTHLY;BYDAY=2WE"');
  let rule: RRule;
  try {
    rule = parseRRule(ruleText);
  } catch (err) {
    if (err instanceof RRuleError) fail(`${key}.rrule`, `"${ruleText}": ${err.message}`);
    throw err;
  }
  const exdates = (optStringList(o, 'exdate', key) ?? []).map((x, i) => {
    const l = parseLocal(x);
    if (!l) fail(`${key}.exdate[${i}]`, `"${x}" is not a local date (2026-08-12) or date and time (2026-08-12T16:00)`);
    return hasTimePart(x) ? formatLocal(l) : x.trim();
  });
  const schedule: MeetingSchedule = { first, period: stepOf(rule), rule, exdates, text: `${formatLocal(first)} ${rule.text}` };
  const start = fromLocal(first, zone);
  if (recurrencesBetween({ ...schedule, zone }, start, start + 100 * 366 * 86_400_000, 1).length === 0) {
    fail(`${key}.rrule`, `"${ruleText}" gives no call on or after ${formatLocal(first)}`);
  }
  return schedule;
}

function periodForm(text: string, key: string): MeetingSchedule {
  const m = PERIOD_FORM.exec(text.trim());
  if (!m) {
    fail(
      key,
      `"${text}" is not FIRST[ZONE]/PERIOD, e.g. "2015-05-06T16:00[Europe/London]/P14D", ` +
        'or a mapping { start, rrule, exdate } for an RFC 5545 rule',
    );
  }
  const first = parseLocal(m[1]!);
  if (!first) fail(key, `"${m[1]}" is not a valid local date and time`);
  const period = parseDuration(m[3]!);
  if (!period || isZero(period)) fail(key, `"${m[3]}" is not an ISO 8601 period such as P7D, P14D or P1M`);
  if (!isDateOnly(period)) fail(key, 'the period must be in years, months, weeks or days (P7D, P14D, P1M)');
  return { first, period, text: text.trim() };
}

function stepOf(rule: RRule): Duration {
  const zero = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
  const n = rule.interval;
  if (rule.freq === 'DAILY') return { ...zero, days: n };
  if (rule.freq === 'WEEKLY') return { ...zero, days: 7 * n };
  if (rule.freq === 'MONTHLY') return { ...zero, months: n };
  return { ...zero, years: n };
}
