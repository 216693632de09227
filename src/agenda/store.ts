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
import { survivor, type ItemRow } from './item-row.js';
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

const OPEN = "('proposed','accepted','deferred')";

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

  const recorded = db
    .prepare<[string, string, string], { item_id: number }>(
      `SELECT s.item_id FROM agenda_sources s JOIN agenda_items i ON i.id = s.item_id
       WHERE s.mid = ? AND s.role = 'proposal' AND s.cand_norm = ? AND i.meeting_id = ? LIMIT 1`,
    )
    .get(cand.messageId, norm, meeting.id);
  if (recorded) return { action: 'unchanged', itemId: survivor(db, recorded.item_id)?.id ?? recorded.item_id };

  const assigned = assign(db, meeting, cand, c.now);
  const match = findDuplicate(db, meeting.id, assigned?.occurrence.key ?? null, norm, cand.links);
  if (match) {
    insertSource(db, match.id, cand.messageId, 'proposal', cand.proposer, cand.rule, norm, cand.date, c.now);
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
  const info = db
    .prepare(
      `INSERT INTO agenda_items (meeting_id, occ_key, occ_start, state, title, title_norm, orig_norm, proposer, presenter,
         duration_min, links_json, rule, confidence, late, carried_over, thread_id, source_date, created_at, updated_at)
       VALUES (?, ?, ?, 'proposed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      meeting.id,
      occ?.key ?? null,
      occ ? (occ.originalStart ?? occ.start) : null,
      cand.title.trim(),
      norm,
      norm,
      cand.proposer,
      cand.presenter ?? null,
      cand.durationMinutes ?? null,
      JSON.stringify(cand.links),
      cand.rule,
      cand.confidence,
      assigned?.late ? 1 : 0,
      cand.carriedOver ? 1 : 0,
      cand.threadId,
      cand.date,
      c.now,
      c.now,
    );
  const id = Number(info.lastInsertRowid);
  insertSource(db, id, cand.messageId, 'proposal', cand.proposer, cand.rule, norm, cand.date, c.now);
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
    const viaParent = db
      .prepare<[string, string], { item_id: number }>(
        `SELECT s.item_id FROM agenda_sources s JOIN agenda_items i ON i.id = s.item_id
         WHERE s.mid = ? AND i.meeting_id = ? ORDER BY s.role = 'proposal' DESC, s.item_id DESC LIMIT 1`,
      )
      .get(s.parentMid, s.meetingId);
    if (viaParent) target = survivor(db, viaParent.item_id);
  }
  if (!target && s.threadId !== null) {
    // Through the source messages' CURRENT thread ids (db reindex renumbers threads, so the
    // item's own thread_id column is only informative).
    const inThread = db
      .prepare<[number, string], { id: number }>(
        `SELECT i.id FROM messages m JOIN agenda_sources s ON s.mid = m.mid JOIN agenda_items i ON i.id = s.item_id
         WHERE m.thread_id = ? AND i.meeting_id = ? AND i.state != 'merged' ORDER BY i.state IN ${OPEN} DESC, i.id DESC LIMIT 1`,
      )
      .get(s.threadId, s.meetingId);
    if (inThread) target = survivor(db, inThread.id);
  }
  if (!target) return { action: 'ignored', itemId: null, reason: 'no item to support' };
  const known = db
    .prepare<[number, string], { n: number }>('SELECT 1 AS n FROM agenda_sources WHERE item_id = ? AND mid = ?')
    .get(target.id, s.messageId);
  if (known) return { action: 'unchanged', itemId: target.id };
  const date = db.prepare<[string], { date: number | null }>('SELECT date FROM messages WHERE mid = ?').get(s.messageId)?.date ?? null;
  insertSource(db, target.id, s.messageId, 'support', s.supporter, null, '', date, c.now);
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

function insertSource(
  db: Db,
  itemId: number,
  mid: string,
  role: 'proposal' | 'support',
  person: string,
  rule: string | null,
  candNorm: string,
  date: number | null,
  now: number,
): void {
  db.prepare(
    `INSERT OR IGNORE INTO agenda_sources (item_id, mid, role, person, rule, cand_norm, date, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(itemId, mid, role, person, rule, candNorm, date, now);
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
  const scope = `meeting_id = @meeting AND state != 'merged' AND (state IN ${OPEN} OR occ_key IS @occ)`;
  const byTitle = db
    .prepare<{ meeting: string; occ: string | null; norm: string }, ItemRow>(
      `SELECT * FROM agenda_items WHERE ${scope}
         AND (title_norm = @norm OR orig_norm = @norm
              OR id IN (SELECT item_id FROM agenda_sources WHERE cand_norm = @norm AND role = 'proposal'))
       ORDER BY occ_key IS @occ DESC, state IN ${OPEN} DESC, id DESC LIMIT 1`,
    )
    .get({ meeting: meetingId, occ: occKey, norm });
  const found = byTitle ? survivor(db, byTitle.id) : undefined;
  if (found) return found;
  // A bare host ("https://github.com") says nothing about the topic: only links with a path count.
  const wanted = new Set(links.map(normaliseLink).filter((l) => /^\w+:\/\/[^/]+\/./.test(l)));
  if (wanted.size === 0) return undefined;
  const withLinks = db
    .prepare<{ meeting: string; occ: string | null }, ItemRow>(
      `SELECT * FROM agenda_items WHERE ${scope} AND links_json != '[]' ORDER BY occ_key IS @occ DESC, id DESC`,
    )
    .all({ meeting: meetingId, occ: occKey });
  const hit = withLinks.find((r) => (JSON.parse(r.links_json) as string[]).some((l) => wanted.has(normaliseLink(l))));
  return hit ? survivor(db, hit.id) : undefined;
}
