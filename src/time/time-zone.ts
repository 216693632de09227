/**
 * Time-zone math on top of Intl.DateTimeFormat only (the ICU tz data Node ships): no library.
 * What Temporal.ZonedDateTime does for convene: wall time ↔ instant in an IANA zone.
 *
 * Local → UTC is the hard direction. A wall-clock time in an IANA zone maps to zero, one or two
 * instants:
 *  - one: the usual case;
 *  - two (a "fold": clocks go back, 01:30 happens twice in Europe/London on the last Sunday of
 *    October): we take the FIRST, earlier instant, as RFC 5545 section 3.3.5 requires
 *    ("the DATE-TIME value refers to the first occurrence of the referenced time");
 *  - none (a "gap": clocks go forward, 02:30 does not exist in America/Los_Angeles on the second
 *    Sunday of March): we read the time with the offset in force BEFORE the gap, which shifts it
 *    forward by the gap's length (02:30 → 03:30 PDT), again as RFC 5545 section 3.3.5 says.
 * Method: the candidate offsets are the ones in force two days before and two days after the
 * wall time (no real zone changes offset twice within four days); each candidate instant is
 * checked by formatting it back.
 */
import { ConveneError } from '../errors.js';
import { exactMs, type Duration } from './duration.js';
import { addDateParts, formatLocalDate, fromWallMs, pad, wallMs, type PlainDateTime } from './plain-date-time.js';
import { checkZone } from './zone-name.js';

export { isOffsetZone } from './zone-name.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * The canonical IANA name ("europe/london" → "Europe/London"), or null when the name is refused
 * (zone-name.ts says why and what to use instead).
 */
export function canonicalZone(zone: string): string | null {
  const c = checkZone(zone);
  return c.ok ? c.zone : null;
}

/** The wall-clock fields of an instant in a zone. */
export function toLocal(instant: number, zone: string): PlainDateTime {
  const parts = formatter(zone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const era = parts.find((p) => p.type === 'era')?.value;
  const y = get('year');
  return {
    year: era === 'BC' || era === 'B' ? 1 - y : y,
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The zone's UTC offset at an instant, in ms (Europe/London in summer: +3_600_000). */
export function offsetAt(instant: number, zone: string): number {
  const whole = Math.floor(instant / 1000) * 1000; // Intl formats whole seconds
  return wallMs(toLocal(whole, zone)) - whole;
}

const TWO_DAYS = 2 * 86_400_000;

/**
 * The instant of a wall-clock time in a zone. Folds give the earlier instant, gaps shift forward
 * by the gap's length (RFC 5545 section 3.3.5; see the file comment).
 */
export function fromLocal(local: PlainDateTime, zone: string): number {
  const wall = wallMs(local);
  const before = offsetAt(wall - TWO_DAYS, zone);
  const after = offsetAt(wall + TWO_DAYS, zone);
  const valid = [wall - before, wall - after].filter((t) => t + offsetAt(t, zone) === wall);
  if (valid.length > 0) return Math.min(...valid);
  // A gap: no instant shows this wall time. Use the offset before the transition.
  return wall - before;
}

/** How a wall-clock time resolves in a zone: for messages and tests that want to say so. */
export function localKind(local: PlainDateTime, zone: string): 'normal' | 'fold' | 'gap' {
  const wall = wallMs(local);
  const cands = [...new Set([wall - offsetAt(wall - TWO_DAYS, zone), wall - offsetAt(wall + TWO_DAYS, zone)])];
  const valid = cands.filter((t) => t + offsetAt(t, zone) === wall);
  return valid.length === 0 ? 'gap' : valid.length === 2 ? 'fold' : 'normal';
}

/**
 * Add (sign 1) or subtract (sign -1) a duration from an instant as seen in a zone: date parts on
 * the wall clock (then back to an instant, fold/gap rules applied), time parts as exact time.
 */
export function addDuration(instant: number, d: Duration, zone: string, sign: 1 | -1 = 1): number {
  let t = instant;
  if (d.years || d.months || d.weeks || d.days) t = fromLocal(addDateParts(toLocal(t, zone), d, sign), zone) + (instant % 1000);
  return t + sign * exactMs(d);
}

/** The zone's offset as "+01:00" / "-08:00". */
export function formatOffset(instant: number, zone: string): string {
  return offsetText(offsetAt(instant, zone));
}

/** An offset in ms as "+01:00" / "-08:00" (rounded to the minute). */
export function offsetText(offsetMs: number): string {
  const off = Math.round(offsetMs / 60_000);
  const a = Math.abs(off);
  return `${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** The local date "YYYY-MM-DD" of an instant in a zone. */
export function localDate(instant: number, zone: string): string {
  return formatLocalDate(toLocal(instant, zone));
}

/** Parse a local time in a zone or throw a MEETING error naming what was wrong. */
export function requireZone(zone: string, what: string): string {
  const c = checkZone(zone);
  if (!c.ok) throw new ConveneError('MEETING', `${what}: ${c.problem}`);
  return c.zone;
}

export { fromWallMs };
