/**
 * Extraction's recorder. THE INVARIANT (issue 4, kept by issue 8): extraction never changes an
 * item a person has touched. It adds items to the inbox (state 'proposed', or history when their
 * call was already over) and sources (proposals, supporters) to existing items; the one change it
 * makes to an existing row is to carry an UNTOUCHED item (proposed or history, never edited, never
 * reviewed) forward to a later call that restates it, or to give it the chair's wording when the
 * chair's list credits it to the member who proposed it. Every other change goes through review.ts.
 *
 * One topic is one item per meeting series: a candidate joins the item duplicate.ts finds for it.
 * A candidate already recorded for the same message is a no-op, so re-running extraction over the
 * archive is idempotent.
 */
import type { MeetingConfig } from '../../config/meetings.js';
import { nextOccurrence, occurrencesBetween } from '../../meetings/occurrences.js';
import type { Db } from '../../store/db.js';
import { logAction } from '../../store/audit.js';
import { dateOfMid } from '../../store/message-reader.js';
import { assignOccurrence, type Assignment } from '../placement/assign.js';
import { hasSource, itemInThread, itemOfSource, recordedProposal, survivor, untouched } from './item-reader.js';
import { findDuplicate, SAME_TOPIC_SPAN } from './duplicate.js';
import type { ItemRow } from './item-row.js';
import { carryItem, insertItem, insertSource, retitleItem } from './item-store.js';
import { restatedFor } from './credited.js';
import { recordCancellation } from './cancel-record.js';
import { normaliseTitle } from '../wording/title.js';
import type { Candidate, ExtractResult, Support } from '../extract/types.js';

export interface ExtractWriteContext {
  readonly meetings: readonly MeetingConfig[];
  /** Used for a candidate without a date, and as the created/added time. */
  readonly now: number;
  /** Recorded in the audit log; default "convene". */
  readonly actor?: string;
}

export type WriteAction = 'created' | 'joined' | 'unchanged' | 'ignored' | 'cancelled';

export interface WriteResult {
  readonly action: WriteAction;
  readonly itemId: number | null;
  /** Why a candidate or support was ignored (unknown meeting, no item to support). */
  readonly reason?: string;
}

/** Write everything one message's extraction produced. Call inside the caller's transaction. */
export function recordExtraction(db: Db, result: ExtractResult, c: ExtractWriteContext): WriteResult[] {
  const credit = (cand: Candidate): string | undefined => cand.presenter?.toLowerCase();
  // Whether no later candidate of the message credits the same presenter (see credited.ts).
  const lastCredit = (i: number): boolean => !result.candidates.slice(i + 1).some((o) => credit(o) === credit(result.candidates[i]!));
  return [
    ...result.candidates.map((cand, i) => addCandidate(db, cand, c, lastCredit(i))),
    ...result.supports.map((s) => addSupport(db, s, c)),
    // Last the call a chair's notice takes off: what the same mail lists for it ("For future
    // topics: ...", PUCK 2023-06-28) was put to it, and moves on to the next call from there.
    ...(result.cancels ?? []).map((cancel) => recordCancellation(db, cancel, c)),
  ];
}

/**
 * Add one candidate: a new inbox item, a new source on a near-duplicate, or nothing when already
 * recorded. `lastCredit`: no later candidate of the same message names the candidate's presenter.
 */
export function addCandidate(db: Db, cand: Candidate, c: ExtractWriteContext, lastCredit = false): WriteResult {
  const meeting = c.meetings.find((m) => m.id === cand.meetingId);
  if (!meeting) return { action: 'ignored', itemId: null, reason: `no meeting "${cand.meetingId}"` };
  const norm = normaliseTitle(cand.title) || cand.title.trim().toLowerCase();
  if (!norm) return { action: 'ignored', itemId: null, reason: 'empty title' };

  const recorded = recordedProposal(db, cand.messageId, norm, meeting.id);
  if (recorded !== undefined) return { action: 'unchanged', itemId: survivor(db, recorded)?.id ?? recorded };

  const assigned = assign(db, meeting, cand, c.now);
  // A chair's reply in the call's thread sent once the call had begun is its notes, not its agenda.
  if (cand.followUp && assigned.afterNamedCall) return { action: 'ignored', itemId: null, reason: 'notes after the call' };
  if (assigned.notThisMeeting) return { action: 'ignored', itemId: null, reason: assigned.why };
  const occ = assigned.occurrence;
  // A chair's agenda restating a topic continues it, however long ago it was raised; a member's
  // new proposal joins an old item only within SAME_TOPIC_SPAN.
  const span = cand.announces ? Infinity : SAME_TOPIC_SPAN;
  const duplicate = findDuplicate(db, meeting, occ, span, cand, norm);
  const restated = !duplicate && lastCredit ? restatedFor(db, meeting, occ, cand) : undefined;
  const match = duplicate ?? restated;
  if (match) {
    addSource(db, match.id, cand, norm, c.now);
    // The chair's list names the topic the member described: the digest prints the chair's words.
    const retitled = restated !== undefined && untouched(db, restated);
    if (retitled) retitleItem(db, restated.id, { title: cand.title.trim(), norm, presenter: cand.presenter ?? null }, c.now);
    const carried = carryForward(db, match, assigned, c.now);
    logAction(db, {
      at: c.now,
      actor: c.actor ?? 'convene',
      action: carried ? 'extract.carry' : 'extract.join',
      itemId: match.id,
      meetingId: meeting.id,
      occurrenceKey: carried ? (occ?.key ?? null) : match.occ_key,
      after: {
        mid: cand.messageId,
        title: cand.title,
        rule: cand.rule,
        ...(carried ? { from: match.occ_key, why: assigned.why } : {}),
        ...(retitled ? { retitled: true } : {}),
      },
    });
    return { action: 'joined', itemId: match.id };
  }

  const id = insertItem(
    db,
    {
      meetingId: meeting.id,
      occKey: occ?.key ?? null,
      occStart: occ ? (occ.originalStart ?? occ.start) : null,
      title: cand.title.trim(),
      norm,
      proposer: cand.proposer,
      presenter: cand.presenter ?? null,
      durationMin: cand.durationMinutes ?? null,
      links: cand.links,
      rule: cand.rule,
      confidence: cand.confidence,
      late: assigned.late,
      carriedOver: cand.carriedOver ?? false,
      chairEdited: false,
      threadId: cand.threadId,
      sourceDate: cand.date,
      history: assigned.history,
    },
    c.now,
  );
  addSource(db, id, cand, norm, c.now);
  logAction(db, {
    at: c.now,
    actor: c.actor ?? 'convene',
    action: 'extract.add',
    itemId: id,
    meetingId: meeting.id,
    occurrenceKey: occ?.key ?? null,
    after: {
      title: cand.title,
      rule: cand.rule,
      mid: cand.messageId,
      late: assigned.late,
      why: assigned.why,
      ...(assigned.history ? { history: assigned.history } : {}),
    },
  });
  return { action: 'created', itemId: id };
}

/**
 * Carry an untouched item forward to the later call a restatement puts it to ("Followup on X" in
 * the next reminder): it keeps the first call it was put to in deferred_from. Returns true when
 * it moved. Items a person has touched never move (review.ts decides for them).
 */
function carryForward(db: Db, item: ItemRow, to: Assignment, now: number): boolean {
  const occ = to.occurrence;
  if (!occ || item.state !== 'proposed' || occ.key === item.occ_key || !untouched(db, item)) return false;
  const start = occ.originalStart ?? occ.start;
  if (item.occ_start !== null && start <= item.occ_start) return false;
  carryItem(db, item.id, { occKey: occ.key, occStart: start, late: to.late }, now);
  return true;
}

/**
 * Record a supporter ("+1", "I'd like to add to this topic"): on the item its parent message
 * proposed or supported, else on the meeting's most recent open item of the same thread.
 */
export function addSupport(db: Db, s: Support, c: ExtractWriteContext): WriteResult {
  let target: ItemRow | undefined;
  if (s.parentMid) {
    const viaParent = itemOfSource(db, s.parentMid, s.meetingId);
    if (viaParent !== undefined) target = survivor(db, viaParent);
  }
  if (!target && s.threadId !== null) {
    const inThread = itemInThread(db, s.threadId, s.meetingId);
    if (inThread !== undefined) target = survivor(db, inThread);
  }
  if (!target) return { action: 'ignored', itemId: null, reason: 'no item to support' };
  if (hasSource(db, target.id, s.messageId)) return { action: 'unchanged', itemId: target.id };
  const date = dateOfMid(db, s.messageId);
  insertSource(db, { itemId: target.id, mid: s.messageId, role: 'support', person: s.supporter, rule: null, candNorm: '', date }, c.now);
  logAction(db, {
    at: c.now,
    actor: c.actor ?? 'convene',
    action: 'extract.support',
    itemId: target.id,
    meetingId: target.meeting_id,
    occurrenceKey: target.occ_key,
    after: { mid: s.messageId, supporter: s.supporter },
  });
  return { action: 'joined', itemId: target.id };
}

function addSource(db: Db, itemId: number, cand: Candidate, norm: string, now: number): void {
  insertSource(
    db,
    { itemId, mid: cand.messageId, role: 'proposal', person: cand.proposer, rule: cand.rule, candNorm: norm, date: cand.date },
    now,
  );
}

function assign(db: Db, meeting: MeetingConfig, cand: Candidate, now: number): Assignment {
  if (cand.occurrenceStart !== null) {
    const exact = occurrencesBetween(db, meeting, cand.occurrenceStart, cand.occurrenceStart + 1)[0];
    const occurrence = exact ?? nextOccurrence(db, meeting, cand.occurrenceStart - 1);
    return { occurrence, late: false, history: null, why: 'the call it was given' };
  }
  const input = { date: cand.date ?? now, announces: cand.announces === true, ...(cand.mentions ? { mentions: cand.mentions } : {}) };
  return assignOccurrence(db, meeting, input);
}
