/**
 * The event log (table event_log, its owner): things the archive's operator may want to know
 * later, each a kind and a detail. Written by ingest (a UIDVALIDITY change, a rewritten local
 * source, a sync pass) and by agenda extraction (a message it could not read).
 */
import type { Db } from './db.js';

/** Append one event. `detail` is stored as given (JSON for most kinds). */
export function recordEvent(db: Db, at: number, kind: string, detail: string): void {
  db.prepare('INSERT INTO event_log (at, kind, detail) VALUES (?, ?, ?)').run(at, kind, detail);
}

/** When an event of this kind last happened (ms UTC), or null. */
export function lastEventAt(db: Db, kind: string): number | null {
  return (db.prepare('SELECT MAX(at) AS t FROM event_log WHERE kind = ?').get(kind) as { t: number | null }).t;
}

/** The latest event of this kind with its detail, or null. */
export function lastEvent(db: Db, kind: string): { readonly at: number; readonly detail: string } | null {
  const row = db.prepare('SELECT at, detail FROM event_log WHERE kind = ? ORDER BY at DESC, id DESC LIMIT 1').get(kind);
  return (row as { at: number; detail: string } | undefined) ?? null;
}
