/**
 * A recurring wall-clock time in a zone, in one of two forms:
 *  - FIRST + k × PERIOD ("2015-05-06T16:00[Europe/London]/P14D"): the k-th one is computed from
 *    FIRST each time, not by repeated addition, so "31st + P1M" stays on month ends;
 *  - an RFC 5545 RRULE from FIRST ("FREQ=MONTHLY;BYDAY=2WE": rrule.ts, rrule-expand.ts), on the
 *    zone's calendar, every occurrence at FIRST's time of day.
 * Either form may leave dates out (EXDATE). Each occurrence's wall time becomes an instant with the
 * zone's gap/fold rules (time-zone.ts), so a 16:00 call stays at 16:00 local across DST. Iterative
 * and bounded.
 */
import { approxMs, scaleDuration, type Duration } from './duration.js';
import { addDateParts, formatLocal, formatLocalDate, type PlainDateTime } from './plain-date-time.js';
import type { RRule } from './rrule.js';
import { dateOf, dayNumber, periodDays, periodOf } from './rrule-expand.js';
import { fromLocal, toLocal } from './time-zone.js';

export interface Recurrence {
  readonly first: PlainDateTime;
  /** Date parts only (P7D, P14D, P1M): the wall time stays put across DST changes. With a rule, its step (for estimates). */
  readonly period: Duration;
  readonly zone: string;
  /** An RFC 5545 rule: the occurrences are its dates from `first`, at `first`'s time of day. */
  readonly rule?: RRule;
  /** Left out (EXDATE): local dates ("2026-08-03") or local date-times ("2026-08-03T16:00"). */
  readonly exdates?: readonly string[];
}

/** One recurrence: its wall-clock time and its instant (ms UTC). */
export interface Recurring {
  readonly local: PlainDateTime;
  readonly start: number;
}

/** The k-th recurrence (k ≥ 0) of the period form; with a rule, the k-th occurrence counted from the start. */
export function recurrenceAt(r: Recurrence, k: number): Recurring {
  if (r.rule) {
    const all = ruleBetween(r, fromLocal(r.first, r.zone), Number.MAX_SAFE_INTEGER, k + 1);
    return all[k] ?? all[all.length - 1] ?? { local: r.first, start: fromLocal(r.first, r.zone) };
  }
  const local = addDateParts(r.first, scaleDuration(r.period, k));
  return { local, start: fromLocal(local, r.zone) };
}

function excluded(r: Recurrence, local: PlainDateTime): boolean {
  if (!r.exdates?.length) return false;
  const day = formatLocalDate(local);
  const full = formatLocal(local);
  return r.exdates.some((x) => x === day || x === full);
}

/** Recurrences with from ≤ start < to, in order, at most `limit`. */
export function recurrencesBetween(r: Recurrence, from: number, to: number, limit: number): Recurring[] {
  if (to <= from) return [];
  if (r.rule) return ruleBetween(r, from, to, limit);
  const first = recurrenceAt(r, 0);
  // Jump close to the window: months are estimated as 30 days, so undershoot by 3% and a few.
  let k = from > first.start ? Math.max(0, Math.floor(((from - first.start) / approxMs(r.period)) * 0.97) - 2) : 0;
  const out: Recurring[] = [];
  for (let guard = 0; guard < limit * 2 + 1000 && out.length < limit; guard++, k++) {
    const occ = recurrenceAt(r, k);
    if (occ.start >= to) break;
    if (occ.start >= from && !excluded(r, occ.local)) out.push(occ);
  }
  return out;
}

/** Periods in a row without an occurrence after which a rule is taken to have none left. */
const EMPTY_PERIODS = 5000;

function ruleBetween(r: Recurrence, from: number, to: number, limit: number): Recurring[] {
  const rule = r.rule!;
  const startDn = dayNumber(r.first.year, r.first.month, r.first.day);
  const { hour, minute, second } = r.first;
  // COUNT counts from the start, so only a rule without one may jump close to the window.
  const fromLocalDay = from > fromLocal(r.first, r.zone) ? toLocal(from, r.zone) : r.first;
  let p =
    rule.count !== undefined
      ? 0
      : Math.max(0, periodOf(rule, startDn, dayNumber(fromLocalDay.year, fromLocalDay.month, fromLocalDay.day)) - 1);
  const out: Recurring[] = [];
  let seen = 0;
  for (let empty = 0; empty < EMPTY_PERIODS; p++) {
    const days = periodDays(rule, startDn, p).filter((d) => d >= startDn);
    empty = days.length ? 0 : empty + 1;
    for (const d of days) {
      const local = { ...dateOf(d), hour, minute, second };
      const start = fromLocal(local, r.zone);
      const u = rule.until;
      if (u && (u.kind === 'date' ? formatLocalDate(local) > u.date : u.kind === 'local' ? formatLocal(local) > u.local : start > u.ms))
        return out;
      if (rule.count !== undefined && ++seen > rule.count) return out;
      if (start >= to) return out;
      if (start >= from && !excluded(r, local)) {
        out.push({ local, start });
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}
