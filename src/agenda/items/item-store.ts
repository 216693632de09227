/**
 * The writer of the agenda_items and agenda_sources tables (item-reader.ts reads them). Extraction
 * (record.ts) only inserts through here; the chair's review (review.ts) and the positions it keeps
 * (positions.ts) are the only updates. Call inside the caller's transaction.
 */
import type { Db } from '../../store/db.js';

/** A new item, in state 'proposed': from extraction, or added by the chair (`chairEdited`). */
export interface NewItem {
  readonly meetingId: string;
  readonly occKey: string | null;
  /** The occurrence's original start, for ordering occurrences. */
  readonly occStart: number | null;
  readonly title: string;
  /** The normalised title, also kept as the extracted one (orig_norm) for dedupe after edits. */
  readonly norm: string;
  readonly proposer: string;
  readonly presenter: string | null;
  readonly durationMin: number | null;
  readonly links: readonly string[];
  readonly rule: string | null;
  readonly confidence: number | null;
  readonly late: boolean;
  readonly carriedOver: boolean;
  readonly chairEdited: boolean;
  readonly threadId: number | null;
  readonly sourceDate: number | null;
  /** Why it is history (its call was over when read), or null when it is live. */
  readonly history?: string | null;
}

/** Insert an item; returns its id. */
export function insertItem(db: Db, item: NewItem, now: number): number {
  const info = db
    .prepare(
      `INSERT INTO agenda_items (meeting_id, occ_key, occ_start, state, title, title_norm, orig_norm, proposer, presenter,
         duration_min, links_json, rule, confidence, late, carried_over, chair_edited, thread_id, source_date, history,
         created_at, updated_at)
       VALUES (?, ?, ?, 'proposed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      item.meetingId,
      item.occKey,
      item.occStart,
      item.title,
      item.norm,
      item.norm,
      item.proposer,
      item.presenter,
      item.durationMin,
      JSON.stringify(item.links),
      item.rule,
      item.confidence,
      item.late ? 1 : 0,
      item.carriedOver ? 1 : 0,
      item.chairEdited ? 1 : 0,
      item.threadId,
      item.sourceDate,
      item.history ?? null,
      now,
      now,
    );
  return Number(info.lastInsertRowid);
}

/** A message that proposed or supported an item (kept once per item, message, role and title). */
export interface NewSource {
  readonly itemId: number;
  readonly mid: string;
  readonly role: 'proposal' | 'support';
  readonly person: string;
  readonly rule: string | null;
  /** The normalised title extraction produced from this message ('' for a support). */
  readonly candNorm: string;
  readonly date: number | null;
}

export function insertSource(db: Db, s: NewSource, now: number): void {
  db.prepare(
    `INSERT OR IGNORE INTO agenda_sources (item_id, mid, role, person, rule, cand_norm, date, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.itemId, s.mid, s.role, s.person, s.rule, s.candNorm, s.date, now);
}

/**
 * Set columns of one item (names as in the table) and its updated_at. A person's decision makes
 * an item live again: it is no longer history.
 */
export function updateItem(db: Db, id: number, fields: Record<string, unknown>, now: number): void {
  const keys = Object.keys(fields);
  const set = keys.map((k) => `${k} = @${k}`).join(', ');
  db.prepare(`UPDATE agenda_items SET ${set}, history = NULL, updated_at = @updated_at WHERE id = @id`).run({
    ...fields,
    updated_at: now,
    id,
  });
}

/**
 * Carry an untouched item forward to a later call that restated it (record.ts): the first call it
 * was put to stays in deferred_from.
 */
export function carryItem(
  db: Db,
  id: number,
  to: { readonly occKey: string; readonly occStart: number; readonly late: boolean },
  now: number,
): void {
  db.prepare(
    `UPDATE agenda_items SET occ_key = ?, occ_start = ?, deferred_from = COALESCE(deferred_from, occ_key), carried_over = 1,
       late = ?, history = NULL, updated_at = ? WHERE id = ?`,
  ).run(to.occKey, to.occStart, to.late ? 1 : 0, now, id);
}

/**
 * Give an untouched item the chair's wording of it (record.ts): the extracted norm stays in
 * orig_norm, so the member's wording still finds the item.
 */
export function retitleItem(
  db: Db,
  id: number,
  to: { readonly title: string; readonly norm: string; readonly presenter: string | null },
  now: number,
): void {
  db.prepare('UPDATE agenda_items SET title = ?, title_norm = ?, presenter = COALESCE(?, presenter), updated_at = ? WHERE id = ?').run(
    to.title,
    to.norm,
    to.presenter,
    now,
    id,
  );
}

/** Move every source of item `from` to item `to` (a merge); one already on `to` stays once. */
export function moveSources(db: Db, from: number, to: number): void {
  db.prepare('UPDATE OR IGNORE agenda_sources SET item_id = ? WHERE item_id = ?').run(to, from);
}

/** A writer of positions, statement prepared once: updated_at changes only with the position. */
export function positionWriter(db: Db): (id: number, position: number, now: number) => void {
  const update = db.prepare(
    'UPDATE agenda_items SET position = ?, updated_at = CASE WHEN position IS ? THEN updated_at ELSE ? END WHERE id = ?',
  );
  return (id, position, now) => void update.run(position, position, now, id);
}
