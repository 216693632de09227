/**
 * "On the list since the last call", chosen so that it is worth reading (issue 10): patch mail
 * (`[PATCH`, `[RFC PATCH`, `[PATCH v2 3/7]`, a series' cover letter) is review traffic with its
 * own tools, the call's own thread is the agenda being collected, and a thread already on the
 * agenda is listed there. What is left is ranked by how many people took part, then by replies,
 * and at most `limit` threads are shown, each once. Pure.
 */
import type { ThreadActivity } from './types.js';

/** A patch or a patch series, replies included ("Re: [PATCH net-next v3 2/9] ..."). */
const PATCH = /^\s*(?:(?:re|aw|sv|fwd?)\s*:\s*)*(?:\[[^\]]*\]\s*)*\[[^\]]*\bpatch(?:es)?\b[^\]]*\]/i;

export function isPatchMail(subject: string): boolean {
  return PATCH.test(subject);
}

export interface ActivityFilter {
  /** Threads not to show: the call for items' thread and the threads of items on the agenda. */
  readonly excludeThreads: ReadonlySet<number>;
  readonly limit: number;
}

/** The threads the digest shows, best first. */
export function notableThreads(activity: readonly ThreadActivity[], filter: ActivityFilter): ThreadActivity[] {
  const seen = new Set<number>();
  return activity
    .filter((t) => !filter.excludeThreads.has(t.threadId) && !isPatchMail(t.subject))
    .sort((a, b) => b.participants - a.participants || b.messages - a.messages || a.firstDate - b.firstDate || a.threadId - b.threadId)
    .filter((t) => !seen.has(t.threadId) && seen.add(t.threadId))
    .slice(0, filter.limit);
}
