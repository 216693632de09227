import type { Db } from '../store/db.js';

/** One row of meeting_overrides: an occurrence cancelled, moved or added by hand. */
export interface OverrideRow {
  readonly meetingId: string;
  readonly key: string;
  /** The configured start, or null for an extra occurrence. */
  readonly originalStart: number | null;
  readonly start: number;
  readonly cancelled: boolean;
  readonly extra: boolean;
  readonly sequence: number;
}

interface Raw {
  meeting_id: string;
  occ_key: string;
  original_start: number | null;
  start: number;
  cancelled: number;
  extra: number;
  sequence: number;
}

/** Every override of a meeting, by occurrence key. */
export function readOverrides(db: Db | null, meetingId: string): Map<string, OverrideRow> {
  const out = new Map<string, OverrideRow>();
  if (!db) return out;
  const rows = db.prepare<[string], Raw>('SELECT * FROM meeting_overrides WHERE meeting_id = ?').all(meetingId);
  for (const r of rows) {
    out.set(r.occ_key, {
      meetingId: r.meeting_id,
      key: r.occ_key,
      originalStart: r.original_start,
      start: r.start,
      cancelled: r.cancelled === 1,
      extra: r.extra === 1,
      sequence: r.sequence,
    });
  }
  return out;
}
