/**
 * Wall-clock time in IANA zones with Intl only (no Temporal in Node 20). UTC in storage, zones
 * only at the edges (DESIGN principle 12).
 */

export interface WallTime {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

export interface ZoneParts extends WallTime {
  readonly second: number;
  readonly weekday: string; // Monday..Sunday
}

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, hourCycle: 'h23', weekday: 'long',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The local date, time and weekday of an instant in a zone. */
export function zoneParts(instant: number, zone: string): ZoneParts {
  const p: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(new Date(instant))) p[part.type] = part.value;
  return {
    year: Number(p.year), month: Number(p.month), day: Number(p.day),
    hour: Number(p.hour), minute: Number(p.minute), second: Number(p.second), weekday: p.weekday ?? '',
  };
}

/** The zone's UTC offset at an instant, in ms (Europe/London in summer: +3_600_000). */
export function offsetMs(instant: number, zone: string): number {
  const p = zoneParts(instant, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a wall-clock time in a zone. Ambiguous times (the repeated hour when clocks go
 * back) resolve to the earlier instant; times that do not exist (the skipped hour when clocks go
 * forward) shift forward by the gap, so 02:30 on the US spring-forward day is 03:30 EDT. These are
 * the "compatible" rules of RFC 5545 section 3.3.5 and of Temporal.
 */
export function wallToInstant(w: WallTime, zone: string): number {
  const t = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  const before = offsetMs(t - DAY, zone);
  const after = offsetMs(t + DAY, zone);
  const valid = [t - before, t - after].filter((c) => sameWall(zoneParts(c, zone), w)).sort((a, b) => a - b);
  return valid[0] ?? t - before;
}

function sameWall(p: WallTime, w: WallTime): boolean {
  return p.year === w.year && p.month === w.month && p.day === w.day && p.hour === w.hour && p.minute === w.minute;
}

/** The civil date `days` away from a local date (no zone involved: calendar arithmetic). */
export function addDays(w: WallTime, days: number): WallTime {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { ...w, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** YYYY-MM-DD of an instant in a zone. */
export function localDate(instant: number, zone: string): string {
  const p = zoneParts(instant, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "+01:00" style offset text. */
export function offsetText(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const m = Math.abs(ms) / 60_000;
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}
