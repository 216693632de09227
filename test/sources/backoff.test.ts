import { describe, expect, test } from 'vitest';
import { backoffDelay, sleep } from '../../src/sources/backoff.js';

const policy = { baseMs: 1000, maxMs: 30_000, factor: 2 };

describe('backoffDelay', () => {
  test('doubles the ceiling per attempt and caps it', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 10].map((a) => backoffDelay(a, policy, () => 1));
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  test('equal jitter: never below half the ceiling, spread over the upper half', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(4000);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(6000);
    expect(backoffDelay(3, policy, () => 0.999)).toBe(7996);
  });

  test('a very long outage neither overflows nor goes negative', () => {
    expect(backoffDelay(10_000, policy, () => 0.5)).toBe(22_500);
    expect(backoffDelay(-3, policy, () => 0)).toBe(500);
  });
});

describe('sleep', () => {
  test('returns early when the signal aborts', async () => {
    const stop = new AbortController();
    const slept = sleep(60_000, stop.signal);
    stop.abort();
    await expect(slept).resolves.toBeUndefined();
  });

  test('returns at once for an already aborted signal', async () => {
    await expect(sleep(60_000, AbortSignal.abort())).resolves.toBeUndefined();
  });
});
