/**
 * ISO 8601 durations ("P14D", "P1M", "PT1H", "P1DT2H30M"), in Temporal.Duration's role. Date parts
 * (years, months, weeks, days) are nominal: they move the wall clock in the meeting's zone, so "P7D before 16:00" is
 * 16:00 a week earlier even across a DST change. Time parts are exact elapsed time. This is the
 * split RFC 5545 section 3.3.6 makes for DURATION values.
 */
export interface Duration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Parse an ISO 8601 duration, or return null when it is not one (or is empty, like "P" or "PT"). */
export function parseDuration(text: string): Duration | null {
  const s = text.trim().toUpperCase();
  const m = DURATION.exec(s);
  if (!m || s === 'P' || s.endsWith('T')) return null;
  const n = (i: number): number => (m[i] === undefined ? 0 : Number(m[i]));
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/** The exact (time) part in milliseconds. */
export function exactMs(d: Duration): number {
  return ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000;
}

/** True when the duration has only date parts (Y, M, W, D). */
export function isDateOnly(d: Duration): boolean {
  return exactMs(d) === 0;
}

/** True when every part is zero. */
export function isZero(d: Duration): boolean {
  return d.years + d.months + d.weeks + d.days === 0 && exactMs(d) === 0;
}

/**
 * A rough length in ms (months as 30 days, years as 365), for estimates and sorting only:
 * never for computing an instant.
 */
export function approxMs(d: Duration): number {
  const day = 86_400_000;
  return (d.years * 365 + d.months * 30 + d.weeks * 7 + d.days) * day + exactMs(d);
}

/** The duration back in ISO form, e.g. "P14D", "PT1H30M". */
export function formatDuration(d: Duration): string {
  const part = (n: number, unit: string): string => (n ? `${n}${unit}` : '');
  const date = `${part(d.years, 'Y')}${part(d.months, 'M')}${part(d.weeks, 'W')}${part(d.days, 'D')}`;
  const time = `${d.hours ? d.hours + 'H' : ''}${d.minutes ? d.minutes + 'M' : ''}${d.seconds ? d.seconds + 'S' : ''}`;
  if (!date && !time) return 'PT0S';
  return `P${date}${time ? 'T' + time : ''}`;
}

/** Multiply every part (schedule expansion: the k-th occurrence is first + k × period). */
export function scaleDuration(d: Duration, k: number): Duration {
  return {
    years: d.years * k,
    months: d.months * k,
    weeks: d.weeks * k,
    days: d.days * k,
    hours: d.hours * k,
    minutes: d.minutes * k,
    seconds: d.seconds * k,
  };
}
