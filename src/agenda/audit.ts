/**
 * The audit log: who did what when. Every human write (review actions, meeting overrides) and
 * every item extraction adds one row, in the same transaction as the change.
 */
import type { Db } from '../store/db.js';

export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly itemId?: number | null;
  readonly meetingId?: string | null;
  readonly occurrenceKey?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly at: number;
}

/** Append one entry. */
export function logAction(db: Db, e: AuditEntry): void {
  db.prepare(
    `INSERT INTO agenda_log (at, actor, action, item_id, meeting_id, occ_key, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.at,
    e.actor,
    e.action,
    e.itemId ?? null,
    e.meetingId ?? null,
    e.occurrenceKey ?? null,
    e.before === undefined ? null : JSON.stringify(e.before),
    e.after === undefined ? null : JSON.stringify(e.after),
  );
}

/** The actor for CLI writes: --as, else $USER, else "unknown". */
export function actorFrom(explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  return explicit?.trim() || env.USER?.trim() || env.LOGNAME?.trim() || 'unknown';
}
