/**
 * Extraction's recorder. THE INVARIANT (issue 4, kept by issue 8): extraction never changes an
 * item a person has touched. It adds items to the inbox (state 'proposed', or history when their
 * call was already over) and sources (proposals, supporters) to existing items; the one change it
 * makes to an existing row is to carry an UNTOUCHED item (proposed or history, never edited, never
 * reviewed) forward to a later call that restates it, or to give it the chair's wording when the
 * chair's list credits it to the member who proposed it. Every other change goes through review.ts.
 *
 * One topic is one item per meeting series: a candidate joins an existing item when it names the
 * same topic (topic-match.ts: the same words, weighed by how rare they are in the meeting's titles,
 * once presenter, status and "discuss"/"follow-up" are set aside) or shares a link with it. A
 * candidate already recorded for the same message is a no-op, so re-running extraction over the
 * archive is idempotent. Matching looks at the meeting's open and history items at any occurrence,
 * and at every item of the same occurrence, on calls no more than SAME_TOPIC_SPAN apart.
 */
import type { MeetingConfig } from '../../config/meetings.js';
import { nextOccurrence, occurrencesBetween } from '../../meetings/occurrences.js';
import type { Occurrence } from '../../meetings/types.js';
import type { Db } from '../../store/db.js';
import { logAction } from '../../store/audit.js';
import { dateOfMid } from '../../store/message-reader.js';
import { assignOccurrence, type Assignment } from '../placement/assign.js';
import { hasSource, itemByTitle, itemInThread, itemOfSource, itemsInScope, recordedProposal, survivor, untouched } from './item-reader.js';
import type { ItemRow } from './item-row.js';
import { carryItem, insertItem, insertSource, retitleItem } from './item-store.js';
import { sameTopic, sharesSubstance, statsOf } from '../wording/topic-match.js';
import { restatedFor } from './credited.js';
import { recordCancellation } from './cancel-record.js';
import { bareAddress } from '../../mail/mailbox.js';
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

/** Normalise a link for comparison: no fragment, no trailing slash, lower-case scheme and host. */
export function normaliseLink(url: string): string {
  return url
    .trim()
    .replace(/#.*$/, '')
    .replace(/\/+$/, '')
    .replace(/^(\w+:\/\/[^/]+)/, (h) => h.toLowerCase());
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

/**
 * How far apart two calls may be for a restatement to be the same item. Within a series of
 * weekly or monthly calls a topic raised again months later is still on the table (ClangBuiltLinux's
 * meetups: clang thread safety analysis in September, again for February); a topic proposed again
 * for next year's summit is a new proposal (the kernel summits' own practice). Eight months keeps
 * the two apart: 120 days and 300 days were measured too (npm run eval:agenda; 300 moved nothing
 * more, and a no-limit run lost fourteen of the kernel summits' yearly topics).
 */
const SAME_TOPIC_SPAN = 240 * 86_400_000;

const APART = new Set(['chair-call', 'subject-tag']);

/** The item a candidate duplicates, if any (see the file comment for what counts). */
function findDuplicate(
  db: Db,
  meeting: MeetingConfig,
  occ: Occurrence | null,
  span: number,
  cand: Candidate,
  norm: string,
): ItemRow | undefined {
  const { title, links } = cand;
  const start = occ ? (occ.originalStart ?? occ.start) : null;
  const scope = {
    meeting: meeting.id,
    occ: occ?.key ?? null,
    lo: start === null || span === Infinity ? -8.64e15 : start - span,
    hi: start === null || span === Infinity ? 8.64e15 : start + span,
  };
  const byTitle = itemByTitle(db, scope, norm);
  if (byTitle) return survivor(db, byTitle.id);
  // The same topic in other words: the scope's items, same call first, then the latest.
  const rows = itemsInScope(db, scope);
  const stats = statsOf([title, ...rows.map((r) => r.title)]);
  // Two tagged proposals, each starting its own thread, are two topics unless their titles really
  // agree: "Maintainer burnout" is not "Timing of releases ... impact on maintainer burnout"
  // (ksummit 2023); the same-call leniency is for a chair's list restating a proposal.
  const ownThreads = (r: ItemRow): boolean => cand.rule === 'subject-tag' && r.rule === 'subject-tag' && r.thread_id !== cand.threadId;
  const similar = rows.find((r) => sameTopic(title, r.title, stats, r.occ_key === scope.occ && !ownThreads(r)));
  if (similar) return survivor(db, similar.id);
  // The same member again in the same thread, for the same call, sharing a word of substance: "the next
  // git version protocol(s?)" and then "the git pack protocol v2" (git 2015) is one wish said twice.
  const again = rows.find(
    (r) =>
      r.occ_key === scope.occ &&
      scope.occ !== null &&
      r.thread_id === cand.threadId &&
      bareAddress(r.proposer).toLowerCase() === bareAddress(cand.proposer).toLowerCase() &&
      // A member's wishes in replies, each in its own mail: a chair's list, tagged proposals (each
      // its own topic: "[MAINTAINERS SUMMIT] Ensure ... regressions", "... Elevate handling of
      // regressions", ksummit 2024) and one mail's several topics stay apart.
      !APART.has(cand.rule) &&
      !APART.has(r.rule ?? '') &&
      !hasSource(db, r.id, cand.messageId),
  );
  if (again && sharesSubstance(title, again.title, [meeting.name, ...meeting.agenda.aliases], stats)) return survivor(db, again.id);
  // A bare host ("https://github.com") says nothing about the topic: only links with a path count.
  const wanted = new Set(links.map(normaliseLink).filter((l) => /^\w+:\/\/[^/]+\/./.test(l)));
  if (wanted.size === 0) return undefined;
  // Two items of one list that cite the same page ("Review the security policy: <url>", "Make
  // advisories available under: <url>") are two topics: the author listed them apart.
  const hit = rows.find(
    (r) =>
      r.links_json !== '[]' &&
      (JSON.parse(r.links_json) as string[]).some((l) => wanted.has(normaliseLink(l))) &&
      !hasSource(db, r.id, cand.messageId),
  );
  return hit ? survivor(db, hit.id) : undefined;
}
