/**
 * Dates in queries, all in UTC with an injected clock: ISO (2019, 2019-05, 2019-05-01,
 * 2019-05-01T10:30), @UNIXSECONDS, now, today, yesterday, and relative "N units ago"
 * (2w, 3d, 6h, 30min, 1m = a month, 1y; long forms like 2weeks too).
 * A single date means its whole period (d:2019-05 is all of May); ranges A..B include B's period.
 */
export interface DateRange {
  /** Inclusive start (ms), or null when open. */
  readonly from: number | null;
  /** Exclusive end (ms), or null when open. */
  readonly to: number | null;
}

const DAY = 86_400_000;
const UNITS: Record<string, number> = { min: 60_000, h: 3_600_000, d: DAY, w: 7 * DAY };
const UNIT_NAMES: Record<string, string> = {
  min: 'min',
  mins: 'min',
  minute: 'min',
  minutes: 'min',
  h: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  w: 'w',
  week: 'w',
  weeks: 'w',
  m: 'm',
  month: 'm',
  months: 'm',
  y: 'y',
  year: 'y',
  years: 'y',
};

/** A period [start, end) for one date expression, or null when it cannot be read. */
export function datePeriod(text: string, now: number): { start: number; end: number } | null {
  const t = text.trim().toLowerCase();
  if (t === 'now') return { start: now, end: now };
  const today = Math.floor(now / DAY) * DAY;
  if (t === 'today') return { start: today, end: today + DAY };
  if (t === 'yesterday') return { start: today - DAY, end: today };
  const unix = /^@(\d{1,12})$/.exec(t);
  if (unix) return { start: Number(unix[1]) * 1000, end: Number(unix[1]) * 1000 + 1000 };
  const rel = /^(\d{1,6})\s*([a-z]+)$/.exec(t);
  if (rel) {
    const unit = UNIT_NAMES[rel[2]!];
    if (!unit) return null;
    const n = Number(rel[1]);
    const at = unit === 'm' || unit === 'y' ? minusMonths(now, unit === 'y' ? 12 * n : n) : now - n * UNITS[unit]!;
    return { start: at, end: at };
  }
  return isoPeriod(t);
}

function minusMonths(now: number, months: number): number {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.getTime();
}

/** 2019 | 2019-05 | 2019-05-01 | 2019-05-01T10 | 2019-05-01T10:30 | 2019-05-01T10:30:15 (also a space-free "t"). */
function isoPeriod(t: string): { start: number; end: number } | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:t(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?)?)?)?z?$/.exec(t);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => (v === undefined ? undefined : Number(v)));
  const parts = [y!, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0] as const;
  const start = Date.UTC(...parts);
  const back = new Date(start);
  // Reject 2019-02-30 and 25:00 rather than letting Date roll them over.
  if (
    back.getUTCFullYear() !== parts[0] ||
    back.getUTCMonth() !== parts[1] ||
    back.getUTCDate() !== parts[2] ||
    back.getUTCHours() !== parts[3] ||
    back.getUTCMinutes() !== parts[4] ||
    back.getUTCSeconds() !== parts[5]
  ) {
    return null;
  }
  const next = new Date(start);
  if (s !== undefined) next.setUTCSeconds(next.getUTCSeconds() + 1);
  else if (mi !== undefined) next.setUTCMinutes(next.getUTCMinutes() + 1);
  else if (h !== undefined) next.setUTCHours(next.getUTCHours() + 1);
  else if (d !== undefined) next.setUTCDate(next.getUTCDate() + 1);
  else if (mo !== undefined) next.setUTCMonth(next.getUTCMonth() + 1);
  else next.setUTCFullYear(next.getUTCFullYear() + 1);
  return { start, end: next.getTime() };
}

/** Why a date value could not be used, or the range it means. */
export type DateResult = { readonly ok: true; readonly range: DateRange } | { readonly ok: false; readonly problem: string };

/** A `date:` value: one date (its whole period), A..B, A.. or ..B. */
export function parseDateValue(value: string, now: number): DateResult {
  const dots = value.indexOf('..');
  const [a, b] = [value.slice(0, dots), value.slice(dots + 2)];
  if (dots === -1) {
    const p = datePeriod(value, now);
    if (!p) return { ok: false, problem: `cannot read date "${value}" (try 2019-05-01, 2019-05, 2w, yesterday)` };
    // A single instant ("2w", "now") means its whole UTC day.
    if (p.start === p.end) return { ok: true, range: { from: Math.floor(p.start / DAY) * DAY, to: Math.floor(p.start / DAY) * DAY + DAY } };
    return { ok: true, range: { from: p.start, to: p.end } };
  }
  if (a === '' && b === '') return { ok: false, problem: 'date range ".." has neither start nor end' };
  const from = a === '' ? null : datePeriod(a, now);
  if (from === null && a !== '') return { ok: false, problem: `cannot read date "${a}" (try 2019-05-01, 2019-05, 2w, yesterday)` };
  const to = b === '' ? null : datePeriod(b, now);
  if (to === null && b !== '') return { ok: false, problem: `cannot read date "${b}" (try 2019-05-01, 2019-05, 2w, yesterday)` };
  const range: DateRange = { from: from?.start ?? null, to: to === null ? null : Math.max(to.end, to.start) };
  if (range.from !== null && range.to !== null && range.to <= range.from) {
    return { ok: false, problem: `date range "${value}" ends before it starts` };
  }
  return { ok: true, range };
}
