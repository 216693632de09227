/**
 * Occurrences: the configured ones (schedule.ts) with the one-off overrides from the database
 * applied. A cancelled occurrence is hidden unless asked for; a moved one keeps its key (the
 * local date of its ORIGINAL start), appears at its new start and carries the raised sequence;
 * an extra one is added. Windows are half-open: from ≤ start < to.
 */
import type { MeetingConfig } from '../config/meetings.js';
import type { Db } from '../store/db.js';
import { approxMs } from '../time/duration.js';
import { parseLocal } from '../time/plain-date-time.js';
import { readOverrides, type OverrideRow } from './overrides-reader.js';
import { baseOccurrencesBetween, MAX_OCCURRENCES, type BaseOccurrence } from './schedule.js';
import type { Occurrence } from './types.js';
import { addDuration, fromLocal, toLocal } from '../time/time-zone.js';

export interface OccurrenceOptions {
  /** Include cancelled occurrences (status 'cancelled'). Default false. */
  readonly includeCancelled?: boolean;
  readonly limit?: number;
}

/** The occurrences of a meeting starting in [from, to), in start order. `db` null: config only. */
export function occurrencesBetween(
  db: Db | null,
  meeting: MeetingConfig,
  from: number,
  to: number,
  options: OccurrenceOptions = {},
): Occurrence[] {
  const overrides = readOverrides(db, meeting.id);
  const limit = options.limit ?? MAX_OCCURRENCES;
  const out: Occurrence[] = [];
  for (const base of baseOccurrencesBetween(meeting, from, to, limit)) {
    const o = overrides.get(base.key);
    if (o && o.start !== base.start && !o.cancelled) continue; // moved: placed below at its new start
    out.push(fromBase(meeting, base, o));
  }
  for (const o of overrides.values()) {
    if (o.start < from || o.start >= to) continue;
    const moved = o.originalStart !== null && o.start !== o.originalStart;
    if (o.extra || (moved && !o.cancelled)) out.push(fromOverride(meeting, o));
  }
  return out
    .filter((occ) => options.includeCancelled || occ.status !== 'cancelled')
    .sort((a, b) => a.start - b.start || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/** The first occurrence starting strictly after `after` (not cancelled), or null when there is none. */
export function nextOccurrence(db: Db | null, meeting: MeetingConfig, after: number): Occurrence | null {
  return scan(db, meeting, after, 1);
}

/** The last occurrence starting strictly before `before` (not cancelled), or null. */
export function previousOccurrence(db: Db | null, meeting: MeetingConfig, before: number): Occurrence | null {
  return scan(db, meeting, before, -1);
}

/** The next `count` occurrences starting after `after`. */
export function nextOccurrences(db: Db | null, meeting: MeetingConfig, after: number, count: number): Occurrence[] {
  const out: Occurrence[] = [];
  let t = after;
  for (let i = 0; i < count; i++) {
    const occ = nextOccurrence(db, meeting, t);
    if (!occ) break;
    out.push(occ);
    t = occ.start;
  }
  return out;
}

/**
 * The occurrence a user names: its key ("mirage/2025-12-10"), a local date ("2025-12-10": the
 * occurrence whose original or current start falls on that day in the meeting's zone), or a
 * local date-time. Cancelled occurrences are found too (to un-cancel or inspect them).
 */
export function findOccurrence(db: Db | null, meeting: MeetingConfig, text: string): Occurrence | null {
  const t = text.trim();
  const isKey = t.startsWith(`${meeting.id}/`);
  const localText = isKey ? t.slice(meeting.id.length + 1).replace(/T(\d\d)(\d\d)$/, 'T$1:$2') : t;
  const local = parseLocal(localText);
  if (!local) return null;
  const dayStart = fromLocal({ ...local, hour: 0, minute: 0, second: 0 }, meeting.zone);
  const near = occurrencesBetween(db, meeting, dayStart - 3 * 86_400_000, dayStart + 4 * 86_400_000, { includeCancelled: true });
  if (isKey) return near.find((o) => o.key === t) ?? findMovedByKey(db, meeting, t);
  if (localText.length > 10) {
    const at = fromLocal(local, meeting.zone);
    return near.find((o) => o.start === at) ?? near.find((o) => o.originalStart === at) ?? null;
  }
  const onDay = (instant: number): boolean => {
    const l = toLocal(instant, meeting.zone);
    return l.year === local.year && l.month === local.month && l.day === local.day;
  };
  const current = near.filter((o) => onDay(o.start));
  const original = near.filter((o) => o.originalStart !== undefined && onDay(o.originalStart));
  return current.find((o) => o.status !== 'cancelled') ?? original[0] ?? current[0] ?? null;
}

/** The occurrence with this key, wherever it now is. */
export function occurrenceByKey(db: Db | null, meeting: MeetingConfig, key: string): Occurrence | null {
  const o = findOccurrence(db, meeting, key);
  return o && o.key === key ? o : null;
}

function findMovedByKey(db: Db | null, meeting: MeetingConfig, key: string): Occurrence | null {
  const o = readOverrides(db, meeting.id).get(key);
  return o ? fromOverride(meeting, o) : null;
}

function scan(db: Db | null, meeting: MeetingConfig, at: number, dir: 1 | -1): Occurrence | null {
  const period = meeting.schedule ? approxMs(meeting.schedule.period) : 30 * 86_400_000;
  const overrides = [...readOverrides(db, meeting.id).values()].map((o) => o.start);
  const dates = meeting.dates.map((d) => fromLocal(d, meeting.zone));
  // Widen the window until something turns up or nothing can: no schedule and no date or
  // override left on that side.
  for (let span = period * 3, i = 0; i < 40; span *= 2, i++) {
    const [from, to] = dir === 1 ? [at + 1, at + 1 + span] : [at - span, at];
    const found = occurrencesBetween(db, meeting, from, to);
    if (found.length) return dir === 1 ? found[0]! : found[found.length - 1]!;
    const more = [...dates, ...overrides].some((s) => (dir === 1 ? s >= to : s < from));
    const scheduleMore = meeting.schedule !== undefined && (dir === 1 || from > fromLocal(meeting.schedule.first, meeting.zone));
    if (!more && !scheduleMore) return null;
  }
  return null;
}

function endOf(meeting: MeetingConfig, start: number): number {
  return addDuration(start, meeting.duration, meeting.zone);
}

function fromBase(meeting: MeetingConfig, base: BaseOccurrence, o: OverrideRow | undefined): Occurrence {
  const start = o?.cancelled ? o.start : base.start;
  const moved = o !== undefined && o.start !== base.start;
  return {
    meetingId: meeting.id,
    key: base.key,
    start,
    end: endOf(meeting, start),
    zone: meeting.zone,
    status: o?.cancelled ? 'cancelled' : 'scheduled',
    ...(moved ? { originalStart: base.start } : {}),
    sequence: o?.sequence ?? 0,
  };
}

function fromOverride(meeting: MeetingConfig, o: OverrideRow): Occurrence {
  const moved = o.originalStart !== null && o.start !== o.originalStart;
  return {
    meetingId: meeting.id,
    key: o.key,
    start: o.start,
    end: endOf(meeting, o.start),
    zone: meeting.zone,
    status: o.cancelled ? 'cancelled' : o.extra ? 'extra' : moved ? 'moved' : 'scheduled',
    ...(moved ? { originalStart: o.originalStart! } : {}),
    sequence: o.sequence,
  };
}
