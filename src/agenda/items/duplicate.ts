/**
 * When a candidate names a topic the meeting series already holds. It joins an existing item when it
 * names the same topic (topic-match.ts: the same words, weighed by how rare they are in the meeting's
 * titles, once presenter, status and "discuss"/"follow-up" are set aside) or shares a link with it.
 * Matching looks at the meeting's open and history items at any occurrence, and at every item of the
 * same occurrence, on calls no more than SAME_TOPIC_SPAN apart.
 */
import type { MeetingConfig } from '../../config/meetings.js';
import type { Occurrence } from '../../meetings/types.js';
import type { Db } from '../../store/db.js';
import { bareAddress } from '../../mail/mailbox.js';
import { sameTopic, sharesSubstance, statsOf } from '../wording/topic-match.js';
import type { Candidate } from '../extract/types.js';
import { hasSource, itemByTitle, itemsInScope, survivor } from './item-reader.js';
import type { ItemRow } from './item-row.js';

/** Normalise a link for comparison: no fragment, no trailing slash, lower-case scheme and host. */
export function normaliseLink(url: string): string {
  return url
    .trim()
    .replace(/#.*$/, '')
    .replace(/\/+$/, '')
    .replace(/^(\w+:\/\/[^/]+)/, (h) => h.toLowerCase());
}

/**
 * How far apart two calls may be for a restatement to be the same item. Within a series of
 * weekly or monthly calls a topic raised again months later is still on the table (ClangBuiltLinux's
 * meetups: clang thread safety analysis in September, again for February); a topic proposed again
 * for next year's summit is a new proposal (the kernel summits' own practice). Eight months keeps
 * the two apart: 120 days and 300 days were measured too (npm run eval:agenda; 300 moved nothing
 * more, and a no-limit run lost fourteen of the kernel summits' yearly topics).
 */
export const SAME_TOPIC_SPAN = 240 * 86_400_000;

const APART = new Set(['chair-call', 'subject-tag']);

/** The item a candidate duplicates, if any (see the file comment for what counts). */
export function findDuplicate(
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
