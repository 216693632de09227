/**
 * The audit log (table agenda_log, its owner): who did what when. Every human write (review
 * actions, meeting overrides) and every item extraction adds one row, in the same transaction as
 * the change. A store/ leaf because agenda/ and meetings/ both write it.
 */
import type { Db } from './db.js';

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

/** One audit-log entry. */
export interface LogEntry {
  readonly id: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly itemId: number | null;
  readonly meetingId: string | null;
  readonly occurrenceKey: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

/** The audit log, oldest first (the last `limit` entries). */
export function readLog(
  db: Db,
  filter: { itemId?: number; meetingId?: string; limit?: number; includeExtraction?: boolean } = {},
): LogEntry[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.itemId !== undefined) {
    where.push('item_id = ?');
    args.push(filter.itemId);
  }
  if (filter.meetingId !== undefined) {
    where.push('meeting_id = ?');
    args.push(filter.meetingId);
  }
  if (filter.includeExtraction === false) where.push("action NOT LIKE 'extract.%'");
  const rows = db
    .prepare<
      (string | number)[],
      {
        id: number;
        at: number;
        actor: string;
        action: string;
        item_id: number | null;
        meeting_id: string | null;
        occ_key: string | null;
        before_json: string | null;
        after_json: string | null;
      }
    >(`SELECT * FROM (SELECT * FROM agenda_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ?) ORDER BY id`)
    .all(...args, filter.limit ?? 1000);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    itemId: r.item_id,
    meetingId: r.meeting_id,
    occurrenceKey: r.occ_key,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
  }));
}
