/** Row ↔ AgendaItem mapping shared by the reader and the writers. */
import type { Db } from '../store/db.js';
import type { AgendaItem, ItemSource, ItemState } from './item-types.js';
import type { RuleName } from './types.js';

export interface ItemRow {
  id: number;
  meeting_id: string;
  occ_key: string | null;
  occ_start: number | null;
  state: ItemState;
  position: number | null;
  title: string;
  title_norm: string;
  orig_norm: string;
  proposer: string;
  presenter: string | null;
  duration_min: number | null;
  links_json: string;
  rule: string | null;
  confidence: number | null;
  late: number;
  history: string | null;
  carried_over: number;
  chair_edited: number;
  reason: string | null;
  merged_into: number | null;
  deferred_from: string | null;
  thread_id: number | null;
  source_date: number | null;
  created_at: number;
  updated_at: number;
}

interface SourceRow {
  item_id: number;
  mid: string;
  role: 'proposal' | 'support';
  person: string;
  rule: string | null;
  date: number | null;
}

/** Rows to items, with their sources loaded in one query per 500 items. */
export function toItems(db: Db, rows: readonly ItemRow[]): AgendaItem[] {
  const sources = new Map<number, ItemSource[]>();
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    const found = db
      .prepare<number[], SourceRow>(
        `SELECT item_id, mid, role, person, rule, date FROM agenda_sources WHERE item_id IN (${ids.map(() => '?').join(',')}) ORDER BY role = 'support', date IS NULL, date, added_at, mid`,
      )
      .all(...ids);
    for (const s of found) {
      const list = sources.get(s.item_id) ?? [];
      if (!list.some((x) => x.mid === s.mid && x.role === s.role))
        list.push({ mid: s.mid, role: s.role, person: s.person, rule: s.rule as RuleName | null, date: s.date });
      sources.set(s.item_id, list);
    }
  }
  return rows.map((r) => toItem(r, sources.get(r.id) ?? []));
}

function toItem(r: ItemRow, sources: readonly ItemSource[]): AgendaItem {
  const proposals = sources.filter((s) => s.role === 'proposal');
  const people = new Set<string>();
  for (const s of sources) if (s.person && s.person !== r.proposer) people.add(s.person);
  return {
    id: r.id,
    meetingId: r.meeting_id,
    occurrenceKey: r.occ_key,
    state: r.state === 'proposed' && r.history ? 'history' : r.state,
    position: r.position,
    title: r.title,
    proposer: r.proposer,
    presenter: r.presenter,
    durationMinutes: r.duration_min,
    links: JSON.parse(r.links_json) as string[],
    rule: r.rule as RuleName | null,
    confidence: r.confidence,
    late: r.late === 1,
    history: r.state === 'proposed' ? r.history : null,
    carriedOver: r.carried_over === 1,
    chairEdited: r.chair_edited === 1,
    reason: r.reason,
    mergedInto: r.merged_into,
    deferredFrom: r.deferred_from,
    threadId: r.thread_id,
    sourceDate: r.source_date,
    messageIds: [...new Set(proposals.map((s) => s.mid))],
    supporters: [...people],
    sources,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

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
