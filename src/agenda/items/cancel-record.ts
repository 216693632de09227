/**
 * A chair's cancellation notice (cancellation.ts), written: the call it names is cancelled as
 * `convene meeting cancel` would (meeting_overrides and the audit log, the notice's Message-ID as
 * the actor), so no digest goes out for it, and the proposals still waiting for it move to the
 * next call, keeping it in deferred_from. Proposals that later answer the cancelled call's thread
 * go to the next call too: a cancelled occurrence is no call to be put to (occurrences.ts).
 *
 * A decision already taken stands: an occurrence the operator (or an earlier notice) cancelled,
 * moved or reinstated is left as it is, so re-running extraction changes nothing, and items a
 * person has reviewed or edited never move (record.ts, THE INVARIANT).
 */
import type { MeetingConfig } from '../../config/meetings.js';
import { nextOccurrence } from '../../meetings/occurrences.js';
import { cancelOccurrence } from '../../meetings/overrides.js';
import { readOverrides } from '../../meetings/overrides-reader.js';
import { logAction } from '../../store/audit.js';
import type { Db } from '../../store/db.js';
import { assignOccurrence } from '../placement/assign.js';
import type { Cancellation } from '../extract/cancellation.js';
import { untouchedProposals } from './item-reader.js';
import { carryItem } from './item-store.js';
import type { ExtractWriteContext, WriteResult } from './record.js';

/** Cancel the call a chair's notice names and move its waiting proposals on. Call inside a transaction. */
export function recordCancellation(db: Db, cancel: Cancellation, c: ExtractWriteContext): WriteResult {
  const meeting = c.meetings.find((m) => m.id === cancel.meetingId);
  if (!meeting) return { action: 'ignored', itemId: null, reason: `no meeting "${cancel.meetingId}"` };
  const assigned = assignOccurrence(db, meeting, { date: cancel.date, mentions: cancel.mentions, announces: true });
  const occ = assigned.occurrence;
  // Only the call the notice names: "- CANCELED" under a date that is no call of ours cancels nothing.
  if (!occ || !assigned.why.startsWith('names the call')) return { action: 'ignored', itemId: null, reason: 'names no call' };
  if (readOverrides(db, meeting.id).has(occ.key)) return { action: 'unchanged', itemId: null, reason: 'already decided' };
  const actor = `mail <${cancel.messageId}>`;
  cancelOccurrence(db, meeting, occ, { actor, now: c.now });
  moveWaiting(db, meeting, occ.key, occ.start, actor, c.now);
  return { action: 'cancelled', itemId: null };
}

function moveWaiting(db: Db, meeting: MeetingConfig, from: string, start: number, actor: string, now: number): void {
  const next = nextOccurrence(db, meeting, start);
  if (!next) return;
  for (const item of untouchedProposals(db, meeting.id, from)) {
    carryItem(db, item.id, { occKey: next.key, occStart: next.originalStart ?? next.start, late: false }, now);
    logAction(db, {
      at: now,
      actor,
      action: 'extract.carry',
      itemId: item.id,
      meetingId: meeting.id,
      occurrenceKey: next.key,
      after: { from, why: 'its call was cancelled' },
    });
  }
}
