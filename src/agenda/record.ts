/**
 * Extraction writers. THE INVARIANT (issue 4): extraction only ever INSERTS — a new item in the
 * inbox (state 'proposed'), or a new source (proposal or supporter) on an existing item. It never
 * UPDATEs an agenda_items row, so nothing the chair decided or edited can change. Every change to
 * an existing item goes through review.ts.
 *
 * Near-duplicates join one item instead of making a second: the same normalised title (the
 * item's current or extracted title, or a title an earlier source proposed), or a shared link.
 * A candidate already recorded for the same message is a no-op, so re-running extraction over
 * the archive is idempotent. Matching looks at the meeting's open items (proposed, accepted,
 * deferred) at any occurrence, and at every item of the same occurrence.
 */
import type { MeetingConfig } from '../config/meetings.js';
import { occurrenceForMessage } from '../meetings/assign.js';
import { nextOccurrence, occurrencesBetween } from '../meetings/occurrences.js';
import type { Occurrence } from '../meetings/types.js';
import type { Db } from '../store/db.js';
import { logAction } from '../store/audit.js';
import { dateOfMid } from '../store/message-reader.js';
import { hasSource, itemByTitle, itemInThread, itemOfSource, itemsWithLinks, recordedProposal, survivor } from './item-reader.js';
import type { ItemRow } from './item-row.js';
import { insertItem, insertSource } from './item-store.js';
import { normaliseTitle } from './title.js';
import type { Candidate, ExtractResult, Support } from './types.js';

export interface ExtractWriteContext {
  readonly meetings: readonly MeetingConfig[];
  /** Used for a candidate without a date, and as the created/added time. */
  readonly now: number;
  /** Recorded in the audit log; default "convene". */
  readonly actor?: string;
}

export type WriteAction = 'created' | 'joined' | 'unchanged' | 'ignored';

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
  return [...result.candidates.map((cand) => addCandidate(db, cand, c)), ...result.supports.map((s) => addSupport(db, s, c))];
}

/** Add one candidate: a new inbox item, a new source on a near-duplicate, or nothing when already recorded. */
export function addCandidate(db: Db, cand: Candidate, c: ExtractWriteContext): WriteResult {
  const meeting = c.meetings.find((m) => m.id === cand.meetingId);
  if (!meeting) return { action: 'ignored', itemId: null, reason: `no meeting "${cand.meetingId}"` };
  const norm = normaliseTitle(cand.title) || cand.title.trim().toLowerCase();
  if (!norm) return { action: 'ignored', itemId: null, reason: 'empty title' };

  const recorded = recordedProposal(db, cand.messageId, norm, meeting.id);
  if (recorded !== undefined) return { action: 'unchanged', itemId: survivor(db, recorded)?.id ?? recorded };

  const assigned = assign(db, meeting, cand, c.now);
  const match = findDuplicate(db, meeting.id, assigned?.occurrence.key ?? null, norm, cand.links);
  if (match) {
    addSource(db, match.id, cand, norm, c.now);
    logAction(db, {
      at: c.now,
      actor: c.actor ?? 'convene',
      action: 'extract.join',
      itemId: match.id,
      meetingId: meeting.id,
      occurrenceKey: match.occ_key,
      after: { mid: cand.messageId, title: cand.title, rule: cand.rule },
    });
    return { action: 'joined', itemId: match.id };
  }

  const occ = assigned?.occurrence ?? null;
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
      late: assigned?.late ?? false,
      carriedOver: cand.carriedOver ?? false,
      chairEdited: false,
      threadId: cand.threadId,
      sourceDate: cand.date,
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
    after: { title: cand.title, rule: cand.rule, mid: cand.messageId, late: assigned?.late ?? false },
  });
  return { action: 'created', itemId: id };
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

function assign(db: Db, meeting: MeetingConfig, cand: Candidate, now: number): { occurrence: Occurrence; late: boolean } | null {
  if (cand.occurrenceStart !== null) {
    const exact = occurrencesBetween(db, meeting, cand.occurrenceStart, cand.occurrenceStart + 1)[0];
    const occ = exact ?? nextOccurrence(db, meeting, cand.occurrenceStart - 1);
    return occ ? { occurrence: occ, late: false } : null;
  }
  return occurrenceForMessage(db, meeting, cand.date ?? now, cand.namedDate);
}

/** The item a candidate duplicates, if any (see the file comment for what counts). */
function findDuplicate(db: Db, meetingId: string, occKey: string | null, norm: string, links: readonly string[]): ItemRow | undefined {
  const byTitle = itemByTitle(db, meetingId, occKey, norm);
  const found = byTitle ? survivor(db, byTitle.id) : undefined;
  if (found) return found;
  // A bare host ("https://github.com") says nothing about the topic: only links with a path count.
  const wanted = new Set(links.map(normaliseLink).filter((l) => /^\w+:\/\/[^/]+\/./.test(l)));
  if (wanted.size === 0) return undefined;
  const withLinks = itemsWithLinks(db, meetingId, occKey);
  const hit = withLinks.find((r) => (JSON.parse(r.links_json) as string[]).some((l) => wanted.has(normaliseLink(l))));
  return hit ? survivor(db, hit.id) : undefined;
}
