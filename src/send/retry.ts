import { isTransient } from '../errors.js';

/** Retry delays after a failed send: 1, 2, 4 ... minutes, capped at 30. Deterministic. */
export function retryDelay(attempts: number): number {
  const n = Math.max(1, attempts);
  return Math.min(30 * 60_000, 60_000 * 2 ** Math.min(n - 1, 10));
}

/**
 * transient: try again later; permanent: the server (or our config) refused, retrying helps only
 * once something changes; unknown: the mail may have been delivered, so it is looked for before
 * anything is sent again.
 */
export type Failure = 'transient' | 'permanent' | 'unknown';

/**
 * Sort an SMTP failure (RFC 5321 section 4.2.1). A reply code is an answer: 4yz transient, 5yz
 * permanent, whenever it came. Without one, what matters is whether the body had been handed
 * over (`afterData`): a dropped connection or a timeout after the final "." is not a failure to
 * send but an unknown outcome (section 4.1.1.4: the server may already have taken the mail), and
 * retrying it as transient sent the list one more copy per pass (issue 13 item 4). Before that,
 * network errors are transient; rejected credentials and anything unrecognised, permanent.
 */
export function classifySendError(err: unknown, afterData = false): Failure {
  const e = err as { responseCode?: number; code?: string } | undefined;
  if (typeof e?.responseCode === 'number') return e.responseCode >= 400 && e.responseCode < 500 ? 'transient' : 'permanent';
  if (afterData) return 'unknown';
  if (e?.code === 'EAUTH') return 'permanent';
  return isTransient(err) ? 'transient' : 'permanent';
}
