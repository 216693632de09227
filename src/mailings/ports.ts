import type { MeetingConfig } from '../config/meetings.js';
import { agendaFor } from '../agenda/items/reader.js';
import type { AgendaItem } from '../agenda/items/reader.js';
import type { AgendaEntry, AgendaSnapshot, MeetingInfo } from '../digest/types.js';
import { exactMs } from '../time/duration.js';
import { findOccurrence, nextOccurrence, occurrencesBetween, previousOccurrence } from '../meetings/occurrences.js';
import type { Occurrence } from '../meetings/types.js';
import type { Db } from '../store/db.js';
import { messageByMid } from '../store/message-reader.js';
import { threadPlacement } from '../store/message-threads.js';

/**
 * The one place mailings meet the meetings and agenda modules: their readers,
 * mapped onto the digest's small local types (src/digest/types.ts).
 */
export function meetingInfo(m: MeetingConfig): MeetingInfo {
  return {
    id: m.id,
    name: m.name,
    zone: m.zone,
    ...(m.chair ? { chair: m.chair } : {}),
    durationMs: exactMs(m.duration),
    lists: m.lists,
    standingItems: m.standingItems,
    subjectTags: m.agenda.subjectTags.filter((t) => !t.startsWith('/')),
  };
}

function entry(i: AgendaItem): AgendaEntry {
  return {
    id: String(i.id),
    title: i.title,
    proposer: i.proposer,
    ...(i.presenter ? { presenter: i.presenter } : {}),
    ...(i.durationMinutes ? { durationMinutes: i.durationMinutes } : {}),
    messageIds: i.messageIds,
    late: i.late,
    byChair: i.rule === null,
    threadId: i.threadId,
  };
}

/** The agenda of one occurrence, from the agenda module's reader. */
export function agendaSnapshot(db: Db, meeting: MeetingConfig, occ: Occurrence): AgendaSnapshot {
  const view = agendaFor(db, meeting, occ);
  const dates = [...view.agenda, ...view.carriedOver, ...view.awaiting].map((i) => i.sourceDate).filter((d): d is number => d !== null);
  return {
    ...(dates.length ? { firstProposedAt: Math.min(...dates) } : {}),
    items: view.agenda.map(entry),
    carriedOver: view.carriedOver.map(entry),
    awaitingReview: view.awaiting.map(entry),
    standing: view.standing.map((s, i) => ({ id: `standing-${i + 1}`, title: s.title, messageIds: [] })),
  };
}

export function occurrences(db: Db, meeting: MeetingConfig, from: number, to: number): Occurrence[] {
  return occurrencesBetween(db, meeting, from, to, { includeCancelled: true });
}

export function previousOf(db: Db, meeting: MeetingConfig, occ: Occurrence): Occurrence | undefined {
  return previousOccurrence(db, meeting, occ.start) ?? undefined;
}

export function nextOf(db: Db, meeting: MeetingConfig, occ: Occurrence): Occurrence | undefined {
  return nextOccurrence(db, meeting, occ.start) ?? undefined;
}

/** The occurrence named on the command line (key or local date), or the next one after `now`. */
export function pickOccurrence(db: Db, meeting: MeetingConfig, text: string | undefined, now: number): Occurrence | null {
  return text ? findOccurrence(db, meeting, text) : nextOccurrence(db, meeting, now);
}

/** The thread of a stored message by its Message-ID (the list's echo of our call for items), or null. */
export function threadOfMessage(db: Db, messageId: string): number | null {
  const row = messageByMid(db, messageId);
  return row ? (threadPlacement(db, row.id)?.thread_id ?? null) : null;
}
