/** Row ↔ AgendaItem mapping: the columns as SQLite returns them, and the item readers return. */
import type { AgendaItem, ItemSource, ItemState } from './item-types.js';
import type { RuleName } from '../extract/types.js';

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

export interface SourceRow {
  item_id: number;
  mid: string;
  role: 'proposal' | 'support';
  person: string;
  rule: string | null;
  date: number | null;
}

/** A row and its sources as the item readers return it. */
/**
 * How long after its call an unreviewed proposal is history (issue 8: "whose call is long past"):
 * a day, so the chair can still act on the evening of the call.
 */
export const HISTORY_AFTER = 86_400_000;

/**
 * Why an unreviewed proposal is history, or null while it is live. Without a clock only the stored
 * reason counts (an item read by the chair's own actions); listings pass theirs.
 */
export function historyOf(r: Pick<ItemRow, 'state' | 'history' | 'occ_start'>, now?: number): string | null {
  if (r.state !== 'proposed') return null;
  if (r.history) return r.history;
  return now !== undefined && r.occ_start !== null && r.occ_start < now - HISTORY_AFTER ? 'its call is over' : null;
}

export function toItem(r: ItemRow, sources: readonly ItemSource[], now?: number): AgendaItem {
  const history = historyOf(r, now);
  const proposals = sources.filter((s) => s.role === 'proposal');
  const people = new Set<string>();
  for (const s of sources) if (s.person && s.person !== r.proposer) people.add(s.person);
  return {
    id: r.id,
    meetingId: r.meeting_id,
    occurrenceKey: r.occ_key,
    state: history ? 'history' : r.state,
    position: r.position,
    title: r.title,
    proposer: r.proposer,
    presenter: r.presenter,
    durationMinutes: r.duration_min,
    links: JSON.parse(r.links_json) as string[],
    rule: r.rule as RuleName | null,
    confidence: r.confidence,
    late: r.late === 1,
    history,
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
