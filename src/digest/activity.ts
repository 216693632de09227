/**
 * "On the list since the last call", chosen so that it is worth reading (issue 10): patch mail
 * (`[PATCH`, `[RFC PATCH`, `[PATCH v2 3/7]`, a series' cover letter) is review traffic with its
 * own tools; the call's own thread is the agenda being collected; a thread on a topic the digest
 * already lists (by thread, or by subject: a topic whose replies broke the thread) is listed
 * there; a message nobody answered is not a discussion. What is left is ranked by how many
 * people took part, then by replies, each topic once, at most `limit` of them. Pure.
 */
import type { ThreadActivity } from './types.js';

/** A patch or a patch series, replies included ("Re: [PATCH net-next v3 2/9] ..."). */
const PATCH = /^\s*(?:(?:re|aw|sv|fwd?)\s*:\s*)*(?:\[[^\]]*\]\s*)*\[[^\]]*\bpatch(?:es)?\b[^\]]*\]/i;

export function isPatchMail(subject: string): boolean {
  return PATCH.test(subject);
}

/** A subject or title as a topic: no "Re:" nor [tags], lower case, one space. */
export function topicOf(subject: string): string {
  return subject
    .replace(/^\s*(?:(?:re|aw|sv|fwd?)\s*:\s*|\[[^\]]*\]\s*)*/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface ActivityFilter {
  /** Threads not to show: the call for items' thread and the threads of the items listed. */
  readonly excludeThreads: ReadonlySet<number>;
  /** Topics (topicOf) of the items listed. */
  readonly excludeTopics: ReadonlySet<string>;
  readonly limit: number;
}

/** The threads the digest shows, best first. */
export function notableThreads(activity: readonly ThreadActivity[], filter: ActivityFilter): ThreadActivity[] {
  const seen = new Set<string>();
  return activity
    .filter((t) => t.messages > 1 && !filter.excludeThreads.has(t.threadId) && !isPatchMail(t.subject))
    .filter((t) => !filter.excludeTopics.has(topicOf(t.subject)))
    .sort((a, b) => b.participants - a.participants || b.messages - a.messages || a.firstDate - b.firstDate || a.threadId - b.threadId)
    .filter((t) => !seen.has(topicOf(t.subject)) && seen.add(topicOf(t.subject)))
    .slice(0, filter.limit);
}
