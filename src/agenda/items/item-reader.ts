/**
 * Readers of the agenda_items and agenda_sources tables (item-store.ts is their writer). The
 * agenda's views (reader.ts), extraction's duplicate matching (record.ts) and the chair's review
 * read items through here; nothing else in src/ selects from these tables.
 */
import { readLog } from '../../store/audit.js';
import type { Db } from '../../store/db.js';
import type { AgendaItem, ItemSource, ItemState } from './item-types.js';
import { HISTORY_AFTER, toItem, type ItemRow, type SourceRow } from './item-row.js';

/** The states an item is still open in: it may be accepted, moved or joined. */
const OPEN = "('proposed','accepted','deferred')";

/** One item row, or undefined. */
export function itemRow(db: Db, id: number): ItemRow | undefined {
  return db.prepare<[number], ItemRow>('SELECT * FROM agenda_items WHERE id = ?').get(id);
}

/** Follow merged_into to the surviving item (bounded: merges never form long chains). */
export function survivor(db: Db, id: number): ItemRow | undefined {
  let row = itemRow(db, id);
  for (let i = 0; row && row.state === 'merged' && row.merged_into !== null && i < 100; i++) row = itemRow(db, row.merged_into);
  return row;
}

/**
 * Rows to items, with their sources loaded in one query per 500 items, in the order they were
 * recorded: the first proposal stays the item's source and link, so a later mail with a forged
 * early Date cannot take them over (issue 13 item 5).
 */
export function toItems(db: Db, rows: readonly ItemRow[], now?: number): AgendaItem[] {
  const sources = new Map<number, ItemSource[]>();
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    const found = db
      .prepare<number[], SourceRow>(
        `SELECT item_id, mid, role, person, rule, date FROM agenda_sources WHERE item_id IN (${ids.map(() => '?').join(',')})
         ORDER BY role = 'support', rowid`,
      )
      .all(...ids);
    for (const s of found) {
      const list = sources.get(s.item_id) ?? [];
      if (!list.some((x) => x.mid === s.mid && x.role === s.role))
        list.push({ mid: s.mid, role: s.role, person: s.person, rule: s.rule as ItemSource['rule'], date: s.date });
      sources.set(s.item_id, list);
    }
  }
  return rows.map((r) => toItem(r, sources.get(r.id) ?? [], now));
}

export interface ItemFilter {
  readonly meetingId?: string;
  readonly occurrenceKey?: string;
  /** Default: every state. */
  readonly states?: readonly ItemState[];
  /** The reader's clock: an unreviewed proposal whose call is over by then is 'history' (without one: only stored history). */
  readonly now?: number;
}

/** Rows matching a filter, by meeting, occurrence, position, then id. */
export function itemRows(db: Db, filter: ItemFilter = {}): ItemRow[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.meetingId !== undefined) {
    where.push('meeting_id = ?');
    args.push(filter.meetingId);
  }
  if (filter.occurrenceKey !== undefined) {
    where.push('occ_key = ?');
    args.push(filter.occurrenceKey);
  }
  if (filter.states && filter.states.length > 0) {
    // 'history' and 'proposed' share the stored state; the history column tells them apart.
    const stored = filter.states.filter((s) => s !== 'history' && s !== 'proposed');
    const parts = stored.length ? [`state IN (${stored.map(() => '?').join(',')})`] : [];
    args.push(...stored);
    // The same rule as item-row.ts historyOf, in SQL.
    const past = filter.now === undefined ? -8.64e15 : filter.now - HISTORY_AFTER;
    if (filter.states.includes('proposed')) {
      parts.push("(state = 'proposed' AND history IS NULL AND (occ_start IS NULL OR occ_start >= ?))");
      args.push(past);
    }
    if (filter.states.includes('history')) {
      parts.push("(state = 'proposed' AND (history IS NOT NULL OR occ_start < ?))");
      args.push(past);
    }
    where.push(`(${parts.join(' OR ')})`);
  }
  return db
    .prepare<(string | number)[], ItemRow>(
      `SELECT * FROM agenda_items ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY meeting_id, occ_start IS NULL, occ_start, position IS NULL, position, id`,
    )
    .all(...args);
}

/** An occurrence's own items that are on the table or on its agenda. */
export function occurrenceRows(db: Db, meetingId: string, occKey: string): ItemRow[] {
  return db
    .prepare<[string, string], ItemRow>(
      `SELECT * FROM agenda_items WHERE meeting_id = ? AND occ_key = ? AND state IN ('proposed','accepted','done','deferred')
         AND history IS NULL`,
    )
    .all(meetingId, occKey);
}

/** Items accepted at another occurrence that started in [since, until): what rolls over. */
export function acceptedElsewhere(db: Db, meetingId: string, occKey: string, since: number, until: number): ItemRow[] {
  return db
    .prepare<[string, string, number, number], ItemRow>(
      `SELECT * FROM agenda_items WHERE meeting_id = ? AND state = 'accepted' AND occ_key IS NOT ? AND occ_start >= ? AND occ_start < ?`,
    )
    .all(meetingId, occKey, since, until);
}

/** The accepted and done items of an occurrence in their current order (positions.ts). */
export function positionedRows(db: Db, meetingId: string, occKey: string | null): { id: number; position: number | null }[] {
  return db
    .prepare<[string, string | null], { id: number; position: number | null }>(
      `SELECT id, position FROM agenda_items WHERE meeting_id = ? AND occ_key IS ? AND state IN ('accepted','done')
       ORDER BY position IS NULL, position, updated_at, id`,
    )
    .all(meetingId, occKey);
}

/** The item a message already proposed under this normalised title, if extraction recorded it. */
export function recordedProposal(db: Db, mid: string, norm: string, meetingId: string): number | undefined {
  return db
    .prepare<[string, string, string], { item_id: number }>(
      `SELECT s.item_id FROM agenda_sources s JOIN agenda_items i ON i.id = s.item_id
       WHERE s.mid = ? AND s.role = 'proposal' AND s.cand_norm = ? AND i.meeting_id = ? LIMIT 1`,
    )
    .get(mid, norm, meetingId)?.item_id;
}

/** The item a message proposed or supported (proposals first, newest first). */
export function itemOfSource(db: Db, mid: string, meetingId: string): number | undefined {
  return db
    .prepare<[string, string], { item_id: number }>(
      `SELECT s.item_id FROM agenda_sources s JOIN agenda_items i ON i.id = s.item_id
       WHERE s.mid = ? AND i.meeting_id = ? ORDER BY s.role = 'proposal' DESC, s.item_id DESC LIMIT 1`,
    )
    .get(mid, meetingId)?.item_id;
}

/**
 * The meeting's most recent item (open ones first) whose source messages are in this thread, found
 * through the messages' CURRENT thread ids (db reindex renumbers threads, so the item's own
 * thread_id column is only informative).
 */
export function itemInThread(db: Db, threadId: number, meetingId: string): number | undefined {
  return db
    .prepare<[number, string], { id: number }>(
      `SELECT i.id FROM messages m JOIN agenda_sources s ON s.mid = m.mid JOIN agenda_items i ON i.id = s.item_id
       WHERE m.thread_id = ? AND i.meeting_id = ? AND i.state != 'merged' ORDER BY i.state IN ${OPEN} DESC, i.id DESC LIMIT 1`,
    )
    .get(threadId, meetingId)?.id;
}

/** Is this message already a source of this item? */
export function hasSource(db: Db, itemId: number, mid: string): boolean {
  return (
    db.prepare<[number, string], { n: number }>('SELECT 1 AS n FROM agenda_sources WHERE item_id = ? AND mid = ?').get(itemId, mid) !==
    undefined
  );
}

/**
 * Where a candidate's duplicate may be: the meeting's open items (history ones included: they are
 * stored as proposed) at any occurrence and every item of the same occurrence, on calls within
 * [lo, hi] (record.ts: a topic proposed again for next year's summit is a new item).
 */
export interface DuplicateScope {
  readonly meeting: string;
  readonly occ: string | null;
  readonly lo: number;
  readonly hi: number;
}

/** By title: the same normalised current, extracted or proposed title. */
export function itemByTitle(db: Db, scope: DuplicateScope, norm: string): ItemRow | undefined {
  return db
    .prepare<DuplicateScope & { norm: string }, ItemRow>(
      `SELECT * FROM agenda_items WHERE ${DUPLICATE_SCOPE}
         AND (title_norm = @norm OR orig_norm = @norm
              OR id IN (SELECT item_id FROM agenda_sources WHERE cand_norm = @norm AND role = 'proposal'))
       ORDER BY occ_key IS @occ DESC, state IN ${OPEN} DESC, id DESC LIMIT 1`,
    )
    .get({ ...scope, norm });
}

/** Every item in the scope, same occurrence first, then the latest: for matching by words or links. */
export function itemsInScope(db: Db, scope: DuplicateScope): ItemRow[] {
  return db
    .prepare<DuplicateScope, ItemRow>(`SELECT * FROM agenda_items WHERE ${DUPLICATE_SCOPE} ORDER BY occ_key IS @occ DESC, id DESC`)
    .all(scope);
}

const DUPLICATE_SCOPE = `meeting_id = @meeting AND state != 'merged' AND (state IN ${OPEN} OR occ_key IS @occ)
  AND (occ_start IS NULL OR occ_start BETWEEN @lo AND @hi)`;

/** A lookup of an unmerged item by normalised title, statement prepared once (extraction context). */
export function existingItemFinder(db: Db): (meetingId: string, norm: string) => number | null {
  const existing = db.prepare<[string, string, string], { id: number }>(
    "SELECT id FROM agenda_items WHERE meeting_id = ? AND state != 'merged' AND (title_norm = ? OR orig_norm = ?) ORDER BY id DESC LIMIT 1",
  );
  return (meetingId, norm) => existing.get(meetingId, norm, norm)?.id ?? null;
}

/** Nobody has edited or reviewed the item: extraction may still move or retitle it (record.ts). */
export function untouched(db: Db, item: ItemRow): boolean {
  if ((item.state !== 'proposed' && item.state !== 'history') || item.chair_edited === 1) return false;
  return readLog(db, { itemId: item.id, includeExtraction: false, limit: 1 }).length === 0;
}

/** An occurrence's proposals nobody has reviewed or edited yet (cancel-record.ts moves them on). */
export function untouchedProposals(db: Db, meetingId: string, occKey: string): ItemRow[] {
  return db
    .prepare<[string, string], ItemRow>(
      `SELECT * FROM agenda_items WHERE meeting_id = ? AND occ_key = ? AND state = 'proposed' ORDER BY id`,
    )
    .all(meetingId, occKey)
    .filter((r) => untouched(db, r));
}
