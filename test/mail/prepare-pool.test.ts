import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Issue 13, item 1: a parse worker died (64 MB heap) and ingestion stopped for good. The pool
 * runs compiled (vitest runs sources, where PreparePool.create() has no worker), so these tests
 * import dist, which `npm test` builds first.
 */
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const { PreparePool } = (await import(dist + 'src/mail/prepare-pool.js')) as { PreparePool: PoolClass };
/** Dies on an `X-Test-Worker` header; see test/helpers/crashing-prepare-worker.ts. */
const crashing = dist + 'test/helpers/crashing-prepare-worker.js';

interface Prepared {
  readonly raw: Buffer;
  readonly parsed: { readonly messageId: string | null } | null;
}
interface Health {
  readonly workers: number;
  readonly deaths: number;
  readonly retried: number;
  readonly degraded: boolean;
  readonly lastDeath: string | null;
}
interface Pool {
  prepare(batch: readonly { raw: Buffer }[]): Promise<Prepared[]>;
  health(): Health;
  close(): Promise<void>;
}
interface PoolClass {
  create(size?: number, options?: { script?: string; maxDeaths?: number }): Pool | null;
}

function mail(id: string, body: string, cue?: 'oom' | 'exit'): { raw: Buffer } {
  const extra = cue ? `X-Test-Worker: ${cue}\n` : '';
  return { raw: Buffer.from(`From: a@x\nSubject: ${id}\nMessage-ID: <${id}@x>\n${extra}Content-Type: text/plain\n\n${body}\n`) };
}

/**
 * What killed the worker in the issue: ~1 MB text mails (under the in-thread cut-off), 90 of them
 * in one worker's share of the batch, then small ones. `cues` makes chosen big ones kill their worker.
 */
function heavyBatch(cues: Readonly<Record<number, 'oom' | 'exit'>> = {}): { raw: Buffer }[] {
  const big = Array.from({ length: 90 }, (_, i) => mail(`big${i}`, 'word '.repeat(199_000), cues[i]));
  const small = Array.from({ length: 90 }, (_, i) => mail(`small${i}`, 'hello'));
  return [...big, ...small];
}

/** Every message prepared, each in its place. */
function expectAllPrepared(batch: readonly { raw: Buffer }[], out: readonly Prepared[]): void {
  expect(out.map((p) => p.parsed?.messageId)).toEqual(batch.map((m) => /Message-ID: <([^>]+)>/.exec(m.raw.toString('latin1', 0, 200))![1]));
  expect(out.every((p, i) => p.raw === batch[i]!.raw)).toBe(true);
}

function open(options?: { script?: string; maxDeaths?: number }): Pool {
  const pool = PreparePool.create(2, options);
  expect(pool).not.toBeNull();
  return pool!;
}

describe('prepare pool health', () => {
  it('prepares a batch of big text mails that used to exhaust a worker heap, without a death', async () => {
    const pool = open();
    try {
      const batch = heavyBatch();
      expectAllPrepared(batch, await pool.prepare(batch));
      expect(pool.health()).toMatchObject({ deaths: 0, retried: 0, workers: 2 });
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('re-runs the slice of a worker that died holding it (heap limit) and replaces the worker', async () => {
    const pool = open({ script: crashing });
    try {
      const batch = heavyBatch({ 5: 'oom' });
      expectAllPrepared(batch, await pool.prepare(batch));
      const health = pool.health();
      expect(health).toMatchObject({ deaths: 1, workers: 2, degraded: false });
      expect(health.retried).toBeGreaterThan(0);
      expect(health.lastDeath).toMatch(/memory limit/);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('serves a later batch after a worker died, whatever became of the batch it died in', async () => {
    // The daemon keeps one pool across IMAP restarts: the old pool posted the next batch to the
    // dead worker and waited forever (../shared/repro/pool-hang.mjs).
    const pool = open({ script: crashing });
    await pool.prepare(heavyBatch({ 0: 'oom' })).catch(() => null);
    const later = Array.from({ length: 100 }, (_, i) => mail(`later${i}`, 'hello'));
    expectAllPrepared(later, await pool.prepare(later));
    expect(pool.health()).toMatchObject({ deaths: 1, workers: 2 });
    await pool.close();
  }, 15_000);

  it('after repeated deaths prepares on the calling thread, and close() still returns', async () => {
    const pool = open({ script: crashing, maxDeaths: 2 });
    const batch = heavyBatch({ 5: 'exit', 80: 'exit' });
    expectAllPrepared(batch, await pool.prepare(batch));
    expect(pool.health()).toMatchObject({ deaths: 2, workers: 0, degraded: true });
    const later = Array.from({ length: 100 }, (_, i) => mail(`later${i}`, 'hello', i === 0 ? 'exit' : undefined));
    expectAllPrepared(later, await pool.prepare(later));
    expect(pool.health().deaths).toBe(2);
    await pool.close();
  }, 30_000);

  it('close() rejects a batch in flight instead of leaving it pending, and a batch after close()', async () => {
    const pool = open();
    const batch = Array.from({ length: 40 }, (_, i) => mail(`m${i}`, 'word '.repeat(40_000)));
    const inFlight = expect(pool.prepare(batch)).rejects.toThrow(/closed/);
    await pool.close();
    await inFlight;
    await expect(pool.prepare(batch)).rejects.toThrow(/closed/);
  }, 15_000);
});
