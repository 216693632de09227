/**
 * The writer of the meeting_overrides table (overrides-reader.ts reads it): one row per occurrence
 * the operator cancelled, moved or added. Call inside the change's transaction (overrides.ts).
 */
import type { Db } from '../store/db.js';

/** Who changed an occurrence, and when. */
export interface ChangeContext {
  readonly actor: string;
  readonly now: number;
}

/** Insert the override of one occurrence, or update its start, cancellation and sequence. */
export function upsertOverride(
  db: Db,
  meetingId: string,
  key: string,
  row: { originalStart: number | null; start: number; cancelled: boolean; extra: boolean; sequence: number },
  c: ChangeContext,
): void {
  db.prepare(
    `INSERT INTO meeting_overrides (meeting_id, occ_key, original_start, start, cancelled, extra, sequence, actor, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(meeting_id, occ_key) DO UPDATE SET start = excluded.start, cancelled = excluded.cancelled,
       sequence = excluded.sequence, actor = excluded.actor, updated_at = excluded.updated_at`,
  ).run(meetingId, key, row.originalStart, row.start, row.cancelled ? 1 : 0, row.extra ? 1 : 0, row.sequence, c.actor, c.now);
}
