/**
 * A recurring wall-clock time in a zone: FIRST, FIRST + PERIOD, FIRST + 2 × PERIOD, ... The k-th
 * one is computed from FIRST each time, not by repeated addition, so "31st + P1M" stays on month
 * ends instead of drifting; each is turned into an instant with the zone's gap/fold rules
 * (time-zone.ts). Iterative and bounded.
 */
import { approxMs, scaleDuration, type Duration } from './duration.js';
import { addDateParts, type PlainDateTime } from './plain-date-time.js';
import { fromLocal } from './time-zone.js';

export interface Recurrence {
  readonly first: PlainDateTime;
  /** Date parts only (P7D, P14D, P1M): the wall time stays put across DST changes. */
  readonly period: Duration;
  readonly zone: string;
}

/** One recurrence: its wall-clock time and its instant (ms UTC). */
export interface Recurring {
  readonly local: PlainDateTime;
  readonly start: number;
}

/** The k-th recurrence (k ≥ 0). */
export function recurrenceAt(r: Recurrence, k: number): Recurring {
  const local = addDateParts(r.first, scaleDuration(r.period, k));
  return { local, start: fromLocal(local, r.zone) };
}

/** Recurrences with from ≤ start < to, in order, at most `limit`. */
export function recurrencesBetween(r: Recurrence, from: number, to: number, limit: number): Recurring[] {
  if (to <= from) return [];
  const first = recurrenceAt(r, 0);
  // Jump close to the window: months are estimated as 30 days, so undershoot by 3% and a few.
  let k = from > first.start ? Math.max(0, Math.floor(((from - first.start) / approxMs(r.period)) * 0.97) - 2) : 0;
  const out: Recurring[] = [];
  for (let guard = 0; guard < limit * 2 + 1000 && out.length < limit; guard++, k++) {
    const occ = recurrenceAt(r, k);
    if (occ.start >= to) break;
    if (occ.start >= from) out.push(occ);
  }
  return out;
}
