/**
 * The dates an RRULE (rrule.ts) yields, period by period, as local calendar days: the expansion
 * and limiting table of RFC 5545 section 3.3.10 for the parts we support. Days are numbered from
 * 1970-01-01 (a proleptic Gregorian day count, so weekday and month arithmetic is exact); the
 * caller gives them the start's time of day and turns them into instants in the meeting's zone.
 */
import { daysInMonth } from './plain-date-time.js';
import type { ByDay, RRule } from './rrule.js';

const DAY = 86_400_000;

/** The day number of a calendar date. */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY;
}

/** The calendar date of a day number. */
export function dateOf(dn: number): { year: number; month: number; day: number } {
  const d = new Date(dn * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Monday = 0 .. Sunday = 6 (1970-01-01 was a Thursday). */
export function weekdayOf(dn: number): number {
  return (((dn + 3) % 7) + 7) % 7;
}

/** The days of [first, last] on one weekday, in order. */
function weekdaysIn(first: number, last: number, weekday: number): number[] {
  const out: number[] = [];
  for (let d = first + ((weekday - weekdayOf(first) + 7) % 7); d <= last; d += 7) out.push(d);
  return out;
}

/** BYDAY within [first, last]: every such weekday, or the n-th (from the end when negative). */
function byDayIn(first: number, last: number, byDay: readonly ByDay[]): number[] {
  return byDay.flatMap(({ weekday, ordinal }) => {
    const all = weekdaysIn(first, last, weekday);
    if (ordinal === 0) return all;
    const pick = ordinal > 0 ? all[ordinal - 1] : all[all.length + ordinal];
    return pick === undefined ? [] : [pick];
  });
}

/** The candidate days of one month: BYMONTHDAY and/or BYDAY, else the start's day of month. */
function monthDays(rule: RRule, year: number, month: number, startDay: number): number[] {
  const first = dayNumber(year, month, 1);
  const len = daysInMonth(year, month);
  const last = first + len - 1;
  let days: number[] | null = null;
  if (rule.byMonthDay.length) {
    days = rule.byMonthDay
      .map((md) => (md > 0 ? md : len + md + 1))
      .filter((d) => d >= 1 && d <= len)
      .map((d) => first + d - 1);
  }
  if (rule.byDay.length) {
    const wd = byDayIn(first, last, rule.byDay);
    days = days === null ? wd : days.filter((d) => wd.includes(d));
  }
  // RFC 5545: a month without the start's day (the 31st in April) has no occurrence, it does not move.
  return days ?? (startDay <= len ? [first + startDay - 1] : []);
}

/** Limit by BYMONTH, sort, de-duplicate, then pick BYSETPOS from the period's set. */
function finish(rule: RRule, days: number[]): number[] {
  const inMonths = rule.byMonth.length ? days.filter((d) => rule.byMonth.includes(dateOf(d).month)) : days;
  const set = [...new Set(inMonths)].sort((a, b) => a - b);
  if (!rule.bySetPos.length) return set;
  const picked = rule.bySetPos.map((p) => (p > 0 ? set[p - 1] : set[set.length + p])).filter((d): d is number => d !== undefined);
  return [...new Set(picked)].sort((a, b) => a - b);
}

/** The days of period `p` (0: the period holding the start), before the start's own filtering. */
export function periodDays(rule: RRule, startDn: number, p: number): number[] {
  const start = dateOf(startDn);
  const step = p * rule.interval;
  switch (rule.freq) {
    case 'DAILY': {
      const d = startDn + step;
      const md = dateOf(d);
      const len = daysInMonth(md.year, md.month);
      const okMonthDay = !rule.byMonthDay.length || rule.byMonthDay.some((x) => (x > 0 ? x : len + x + 1) === md.day);
      const okWeekday = !rule.byDay.length || rule.byDay.some((b) => b.weekday === weekdayOf(d));
      return okMonthDay && okWeekday ? finish(rule, [d]) : [];
    }
    case 'WEEKLY': {
      const weekStart = startDn - ((weekdayOf(startDn) - rule.wkst + 7) % 7) + 7 * step;
      const wds = rule.byDay.length ? rule.byDay.map((b) => b.weekday) : [weekdayOf(startDn)];
      return finish(
        rule,
        wds.map((wd) => weekStart + ((wd - rule.wkst + 7) % 7)),
      );
    }
    case 'MONTHLY': {
      const total = start.year * 12 + start.month - 1 + step;
      return finish(rule, monthDays(rule, Math.floor(total / 12), (total % 12) + 1, start.day));
    }
    case 'YEARLY': {
      const year = start.year + step;
      if (rule.byDay.length && !rule.byMonth.length && !rule.byMonthDay.length) {
        // BYDAY alone in a yearly rule counts within the whole year (20MO: the 20th Monday).
        return finish(rule, byDayIn(dayNumber(year, 1, 1), dayNumber(year, 12, 31), rule.byDay));
      }
      const months = rule.byMonth.length ? rule.byMonth : [start.month];
      const plain = !rule.byDay.length && !rule.byMonthDay.length;
      return finish(
        rule,
        months.flatMap((m) =>
          plain ? (start.day <= daysInMonth(year, m) ? [dayNumber(year, m, start.day)] : []) : monthDays(rule, year, m, start.day),
        ),
      );
    }
  }
}

/** The period holding a day (for jumping close to a window instead of counting from the start). */
export function periodOf(rule: RRule, startDn: number, dn: number): number {
  const s = dateOf(startDn);
  const d = dateOf(dn);
  const span =
    rule.freq === 'DAILY'
      ? dn - startDn
      : rule.freq === 'WEEKLY'
        ? Math.floor((dn - (startDn - ((weekdayOf(startDn) - rule.wkst + 7) % 7))) / 7)
        : rule.freq === 'MONTHLY'
          ? (d.year - s.year) * 12 + d.month - s.month
          : d.year - s.year;
  return Math.floor(span / rule.interval);
}
