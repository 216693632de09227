/**
 * Wall-clock ("local") date-times with no zone attached: what a person writes in a config or on
 * the command line ("2025-12-10T09:00"). Named after Temporal.PlainDateTime, which can replace
 * this file once Node ships Temporal. Arithmetic here is calendar arithmetic on the fields;
 * turning one into an instant needs a zone (time-zone.ts).
 */
import type { Duration } from './duration.js';

export interface PlainDateTime {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Parse "YYYY-MM-DD[THH:MM[:SS]]"; a date alone is midnight unless `defaultTime` says otherwise. Null when invalid. */
export function parseLocal(text: string, defaultTime?: { hour: number; minute: number; second?: number }): PlainDateTime | null {
  const m = LOCAL.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hasTime = m[4] !== undefined;
  const hour = hasTime ? Number(m[4]) : (defaultTime?.hour ?? 0);
  const minute = hasTime ? Number(m[5]) : (defaultTime?.minute ?? 0);
  const second = m[6] !== undefined ? Number(m[6]) : hasTime ? 0 : (defaultTime?.second ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second };
}

/** True when the text has a time part (not just a date). */
export function hasTimePart(text: string): boolean {
  return /T|\s\d/.test(text.trim());
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The wall-clock fields read as if they were UTC: a monotone number for comparing local times. */
export function wallMs(l: PlainDateTime): number {
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
}

/** The inverse of wallMs. */
export function fromWallMs(ms: number): PlainDateTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/**
 * Add (sign 1) or subtract (sign -1) the DATE parts of a duration on the wall clock: years and
 * months first with the day clamped to the month's length (Jan 31 + P1M = Feb 28/29), then weeks
 * and days. Time parts are ignored here: they are exact and belong to instants (time-zone.ts).
 */
export function addDateParts(l: PlainDateTime, d: Duration, sign: 1 | -1 = 1): PlainDateTime {
  const totalMonths = l.year * 12 + (l.month - 1) + sign * (d.years * 12 + d.months);
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12 + 1;
  const day = Math.min(l.day, daysInMonth(year, month));
  const base = Date.UTC(year, month - 1, day, l.hour, l.minute, l.second);
  return fromWallMs(base + sign * (d.weeks * 7 + d.days) * 86_400_000);
}

/** A number zero-padded to `w` digits ("05"). */
export function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** "YYYY-MM-DD". */
export function formatLocalDate(l: PlainDateTime): string {
  return `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}`;
}

/** "YYYY-MM-DDTHH:MM" (seconds only when non-zero). */
export function formatLocal(l: PlainDateTime): string {
  return `${formatLocalDate(l)}T${pad(l.hour)}:${pad(l.minute)}${l.second ? ':' + pad(l.second) : ''}`;
}

/** ISO weekday, 1 = Monday .. 7 = Sunday. */
export function weekday(l: PlainDateTime): number {
  const d = new Date(Date.UTC(l.year, l.month - 1, l.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The English weekday name ("Wednesday"), as mails and notes print it. */
export function weekdayName(l: PlainDateTime): string {
  return WEEKDAYS[weekday(l) - 1]!;
}
