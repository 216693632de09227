/**
 * Reconnect delays: exponential, capped, with jitter so that many clients dropped by the same
 * server restart do not come back in lockstep. Pure: the random source is injected.
 */
export interface BackoffPolicy {
  /** Delay ceiling for the first retry, ms. */
  readonly baseMs: number;
  /** Cap on any delay, ms. */
  readonly maxMs: number;
  /** Growth per attempt (2 doubles). */
  readonly factor: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 5 * 60_000, factor: 2 };

/**
 * The delay before retry number `attempt` (0 for the first retry): "equal jitter" from the AWS
 * Architecture Blog's "Exponential Backoff And Jitter", i.e. half the exponential ceiling plus a
 * random share of the other half, so a delay is never near zero (no retry storm) yet spread out.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const n = Math.max(0, Math.floor(attempt));
  // Cap the exponent first: factor ** n overflows to Infinity for long outages.
  const ceiling = Math.min(policy.maxMs, policy.baseMs * Math.pow(policy.factor, Math.min(n, 64)));
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}

/** Wait `ms`, or less when the signal aborts (resolves either way; callers check the signal). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
