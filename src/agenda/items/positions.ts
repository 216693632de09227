/**
 * Positions on an occurrence's agenda: its accepted and done items are numbered 1..n in the
 * chair's order. Every review action that takes an item off an agenda, puts one on, or moves one
 * renumbers, so the numbers never have gaps or repeats.
 */
import type { Db } from '../../store/db.js';
import { positionedRows } from './item-reader.js';
import { positionWriter } from './item-store.js';

/** A position past every other: `place` at LAST puts an item at the end. */
export const LAST = Number.MAX_SAFE_INTEGER;

/**
 * Renumber the accepted/done items of an occurrence 1..n, keeping their order; `place` puts one
 * item at a position (clamped to 1..n+1). Only rows whose position changes get a new updated_at.
 * Call inside the review action's transaction.
 */
export function renumber(db: Db, meetingId: string, occKey: string | null, now: number, place?: { id: number; position: number }): void {
  const rows = positionedRows(db, meetingId, occKey);
  const order = rows.map((r) => r.id).filter((id) => id !== place?.id);
  if (place) order.splice(Math.max(0, Math.min(place.position - 1, order.length)), 0, place.id);
  const setPosition = positionWriter(db);
  order.forEach((id, i) => setPosition(id, i + 1, now));
}
