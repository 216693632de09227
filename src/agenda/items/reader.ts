/**
 * Agenda readers. The digest, the CLI's read commands and the daemon's reminders import this
 * file only, never the writers (DESIGN principle 3).
 */
import type { MeetingConfig } from '../../config/meetings.js';
import { previousOccurrence } from '../../meetings/occurrences.js';
import type { Occurrence } from '../../meetings/types.js';
import type { Db } from '../../store/db.js';
import { acceptedElsewhere, itemRow, itemRows, occurrenceRows, toItems, type ItemFilter } from './item-reader.js';
import type { AgendaItem, ItemState } from './item-types.js';

export type { AgendaItem, ItemSource, ItemState } from './item-types.js';
export { ITEM_STATES } from './item-types.js';
export type { ItemFilter } from './item-reader.js';

/** One item by id, or null. */
export function getItem(db: Db, id: number, now?: number): AgendaItem | null {
  const row = itemRow(db, id);
  return row ? toItems(db, [row], now)[0]! : null;
}

/** Items matching a filter, by meeting, occurrence, position, then id. */
export function listItems(db: Db, filter: ItemFilter = {}): AgendaItem[] {
  return toItems(db, itemRows(db, filter), filter.now);
}

/** A standing item: on every agenda, from the meeting's config. */
export interface StandingItem {
  readonly title: string;
  readonly standing: true;
}

/**
 * Everything the digest (and `convene agenda list`) needs for one occurrence.
 *  - agenda: the final agenda in the chair's order: this occurrence's accepted (and, after the
 *    call, done) items by position.
 *  - carriedOver: items from the last call that are still on the table: accepted at the
 *    previous held occurrence (or at a cancelled one since) and not marked done, and items
 *    deferred to this occurrence. Oldest first. Not positioned: the chair accepts one here
 *    (accept --occurrence) to place it, and it then rolls on from here. Rolling over one call
 *    at a time keeps a chair who never marks items done from growing an endless list.
 *  - awaiting: the inbox for this occurrence (state proposed), oldest proposal first; late ones
 *    are flagged (AgendaItem.late) and extracted carry-overs flagged carriedOver.
 *  - standing: the meeting's standing items, in config order.
 */
export interface AgendaView {
  readonly meetingId: string;
  readonly meetingName: string;
  readonly occurrence: Occurrence;
  readonly agenda: readonly AgendaItem[];
  readonly carriedOver: readonly AgendaItem[];
  readonly awaiting: readonly AgendaItem[];
  readonly standing: readonly StandingItem[];
}

/** The agenda of one occurrence: see AgendaView. */
export function agendaFor(db: Db, meeting: MeetingConfig, occurrence: Occurrence): AgendaView {
  const until = occurrence.originalStart ?? occurrence.start;
  const prev = previousOccurrence(db, meeting, Math.min(occurrence.start, until));
  const since = prev ? Math.min(prev.start, prev.originalStart ?? prev.start) : -8.64e15;
  const own = occurrenceRows(db, meeting.id, occurrence.key);
  const earlier = acceptedElsewhere(db, meeting.id, occurrence.key, since, until);
  const items = toItems(db, [...own, ...earlier]);
  const byId = (a: AgendaItem, b: AgendaItem) => a.id - b.id;
  const bySource = (a: AgendaItem, b: AgendaItem) => (a.sourceDate ?? a.createdAt) - (b.sourceDate ?? b.createdAt) || byId(a, b);
  const mine = items.filter((i) => i.occurrenceKey === occurrence.key);
  return {
    meetingId: meeting.id,
    meetingName: meeting.name,
    occurrence,
    agenda: mine
      .filter((i) => i.state === 'accepted' || i.state === 'done')
      .sort((a, b) => (a.position ?? 1e9) - (b.position ?? 1e9) || byId(a, b)),
    carriedOver: [...items.filter((i) => i.occurrenceKey !== occurrence.key), ...mine.filter((i) => i.state === 'deferred')].sort(bySource),
    awaiting: mine.filter((i) => i.state === 'proposed').sort(bySource),
    standing: meeting.standingItems.map((title) => ({ title, standing: true as const })),
  };
}
