import { isTransient } from '../errors.js';

/** Retry delays for transient SMTP failures: 1, 2, 4 ... minutes, capped at 30. Deterministic. */
export function retryDelay(attempts: number): number {
  const n = Math.max(1, attempts);
  return Math.min(30 * 60_000, 60_000 * 2 ** Math.min(n - 1, 10));
}

export type Failure = 'transient' | 'permanent';

/**
 * Sort an SMTP failure (RFC 5321 section 4.2.1): 4yz replies and network errors are transient
 * (try again later); 5yz replies, rejected credentials and anything unrecognised are permanent
 * (retrying would not help and could get the sender blocked).
 */
export function classifySendError(err: unknown): Failure {
  const e = err as { responseCode?: number; code?: string } | undefined;
  if (typeof e?.responseCode === 'number') return e.responseCode >= 400 && e.responseCode < 500 ? 'transient' : 'permanent';
  if (e?.code === 'EAUTH') return 'permanent';
  return isTransient(err) ? 'transient' : 'permanent';
}
