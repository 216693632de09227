import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { prepareMessage, type HashedRawMessage, type PreparedMessage } from './prepare.js';
import { revive, WorkerFailed, WorkerSlot, type WireMessage, type WorkerResult } from './worker-slot.js';

/** Messages above this size are prepared on the calling thread (see PreparePool.prepare). */
const IN_THREAD_BYTES = 1024 * 1024;

/** A slice never shrinks below this after deaths: one big message alone is still worth a worker. */
const MIN_SLICE_BYTES = IN_THREAD_BYTES;

export type Prepare = (batch: readonly HashedRawMessage[], dict?: { key: string; bytes: Buffer }) => Promise<PreparedMessage[]>;

/** In-thread preparation: the default, and what tests running TypeScript sources use. */
export const prepareInThread: Prepare = async (batch, dict) => {
  const out: PreparedMessage[] = [];
  for (const m of batch) out.push(await prepareMessage(m, dict));
  return out;
};

export interface PoolOptions {
  /** Old-generation heap of each worker, in MB. */
  readonly heapMb?: number;
  /** Bytes of mail a worker holds at once; default a quarter of its heap. */
  readonly sliceBytes?: number;
  /** Worker deaths after which the pool stops respawning and prepares on the calling thread. */
  readonly maxDeaths?: number;
  /** The compiled worker script (tests inject one that dies on cue). */
  readonly script?: string;
}

/** How the pool is doing: for logs and `status`. */
export interface PoolHealth {
  readonly workers: number;
  readonly deaths: number;
  /** Messages prepared on the calling thread because the worker holding them died or failed. */
  readonly retried: number;
  /** True after `maxDeaths`: every batch is prepared on the calling thread. */
  readonly degraded: boolean;
  readonly sliceBytes: number;
  readonly lastDeath: string | null;
}

/**
 * A pool of worker threads for bulk imports: parsing (mailparser), hashing and deflate are most
 * of ingest's CPU, and SQLite writes must stay on one thread. Results come back in order. Falls
 * back to in-thread work when the compiled worker script is not there (vitest runs the
 * TypeScript sources).
 *
 * Health model (issue 13, item 1: one worker's death used to stop ingestion for good):
 * - work is handed out in slices of at most `sliceBytes` (bytes, not messages: 300 mails of 1 MB
 *   in one slice filled a 64 MB heap), one slice per worker at a time, from a queue;
 * - a slice whose worker dies or throws is prepared again on this thread, whose heap is not
 *   capped, so the batch completes; the dead worker is replaced and later slices are halved;
 * - after `maxDeaths` deaths the pool stops respawning and prepares everything on this thread;
 * - close() rejects what is in flight and terminates every thread; no promise is left pending.
 */
export class PreparePool {
  private readonly slots = new Set<WorkerSlot>();
  private readonly idle: WorkerSlot[] = [];
  private readonly waiting: ((slot: WorkerSlot | null) => void)[] = [];
  private readonly heapMb: number;
  private sliceBytes: number;
  private deaths = 0;
  private retried = 0;
  private lastDeath: string | null = null;
  private degraded = false;
  private closed = false;

  static create(size = Math.min(4, availableParallelism()), options: PoolOptions = {}): PreparePool | null {
    if (!options.script && import.meta.url.endsWith('.ts')) return null;
    const script = options.script ?? fileURLToPath(new URL('./prepare-worker.js', import.meta.url));
    if (size < 2 || !existsSync(script)) return null;
    return new PreparePool(script, size, options);
  }

  private constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly options: PoolOptions,
  ) {
    this.heapMb = options.heapMb ?? 64;
    this.sliceBytes = options.sliceBytes ?? (this.heapMb * 1024 * 1024) / 4;
    for (let i = 0; i < size; i++) this.spawn();
  }

  health(): PoolHealth {
    const { deaths, retried, degraded, sliceBytes, lastDeath } = this;
    return { workers: this.slots.size, deaths, retried, degraded, sliceBytes, lastDeath };
  }

  readonly prepare: Prepare = async (batch, dict) => {
    if (this.closed) throw new Error('parse pool closed');
    // Big messages (huge attachments) are prepared here: a worker's small heap is sized for
    // ordinary mail, and cloning megabytes to a worker costs more than it saves.
    const big = batch.map((m) => m.raw.length > IN_THREAD_BYTES);
    const small = batch.filter((_, i) => !big[i]);
    const bytes = small.reduce((n, m) => n + m.raw.length, 0);
    // At least one slice per worker, so a small batch is still spread over all of them.
    const slices = sliceByBytes(small, Math.min(this.sliceBytes, Math.ceil(bytes / this.size)));
    const [parts, inThread] = await Promise.all([
      Promise.all(slices.map((s) => this.runSlice(s, dict))),
      prepareInThread(
        batch.filter((_, i) => big[i]),
        dict,
      ),
    ]);
    const fromWorkers = parts.flat();
    let s = 0;
    let b = 0;
    return batch.map((_, i) => (big[i] ? inThread[b++]! : fromWorkers[s++]!));
  };

  /** Terminate every worker; a batch in flight is rejected. Safe after deaths and twice. */
  async close(): Promise<void> {
    this.closed = true;
    for (const wake of this.waiting.splice(0)) wake(null);
    this.idle.length = 0;
    const slots = [...this.slots];
    this.slots.clear();
    await Promise.all(slots.map((s) => s.stop()));
  }

  private async runSlice(slice: readonly HashedRawMessage[], dict?: { key: string; bytes: Buffer }): Promise<PreparedMessage[]> {
    const slot = await this.acquire();
    if (this.closed) throw new Error('parse pool closed');
    if (!slot) return prepareInThread(slice, dict);
    // A copy of each message in a buffer of its own, moved to the worker: a view into a big read
    // chunk would clone the whole chunk, and the caller keeps the original bytes.
    const wire: WireMessage[] = slice.map((m) => ({ ...m, raw: new Uint8Array(m.raw) }));
    let results: WorkerResult[];
    try {
      results = await slot.run(
        wire,
        dict,
        wire.map((m) => m.raw.buffer as ArrayBuffer),
      );
    } catch (err) {
      if (this.closed) throw new Error('parse pool closed', { cause: err });
      if (!(err instanceof WorkerFailed)) throw err;
      this.retried += slice.length;
      return prepareInThread(slice, dict);
    } finally {
      this.release(slot);
    }
    return results.map((r, j) => revive(slice[j]!.raw, r));
  }

  /** An idle worker, after waiting for one if all are busy; null: prepare on this thread. */
  private acquire(): Promise<WorkerSlot | null> {
    const slot = this.idle.pop();
    if (slot) return Promise.resolve(slot);
    if (this.closed || this.degraded) return Promise.resolve(null);
    return new Promise((wake) => this.waiting.push(wake));
  }

  private release(slot: WorkerSlot): void {
    if (!slot.alive || !this.slots.has(slot)) return;
    if (this.degraded) {
      this.slots.delete(slot);
      void slot.stop();
      return;
    }
    const wake = this.waiting.shift();
    if (wake) wake(slot);
    else this.idle.push(slot);
  }

  private spawn(): void {
    let slot: WorkerSlot;
    try {
      slot = new WorkerSlot({ script: this.script, heapMb: this.heapMb, onDeath: (s, why) => this.onDeath(s, why) });
    } catch (err) {
      this.lastDeath = `cannot start a parse worker: ${err instanceof Error ? err.message : String(err)}`;
      return this.giveUp();
    }
    this.slots.add(slot);
    this.release(slot);
  }

  /** A worker is gone: its slice is already rejected (and re-run by runSlice). Replace it, or give up on threads. */
  private onDeath(slot: WorkerSlot, why: Error): void {
    if (!this.slots.delete(slot)) return;
    const at = this.idle.indexOf(slot);
    if (at >= 0) this.idle.splice(at, 1);
    this.deaths++;
    this.lastDeath = why.message;
    // A death means the bytes-to-heap estimate was wrong for this mail: hand out less at once.
    this.sliceBytes = Math.max(MIN_SLICE_BYTES, Math.floor(this.sliceBytes / 2));
    if (this.closed) return;
    if (this.deaths < (this.options.maxDeaths ?? 3)) return this.spawn();
    this.giveUp();
  }

  /** Repeated deaths: stop using threads. Busy workers finish their slice and are stopped then. */
  private giveUp(): void {
    this.degraded = true;
    for (const wake of this.waiting.splice(0)) wake(null);
    for (const s of this.idle.splice(0)) {
      this.slots.delete(s);
      void s.stop();
    }
  }
}

/** Consecutive runs of messages of at most `target` bytes each (a bigger message alone). */
export function sliceByBytes<T extends { readonly raw: Buffer }>(items: readonly T[], target: number): T[][] {
  const slices: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const m of items) {
    if (current.length && bytes + m.raw.length > target) {
      slices.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += m.raw.length;
  }
  if (current.length) slices.push(current);
  return slices;
}

/**
 * A pool started only when a batch is big enough to be worth it: a sync with no new mail, or the
 * daemon's trickle of one message at a time, never pays for starting worker threads.
 */
export function lazyPool(minBatch = 64): { prepare: Prepare; close: () => Promise<void>; health: () => PoolHealth | null } {
  let pool: PreparePool | null | undefined;
  return {
    /** null until a batch was big enough to start the pool (or without a compiled worker). */
    health: () => pool?.health() ?? null,
    prepare: (batch, dict) => {
      if (batch.length < minBatch) return prepareInThread(batch, dict);
      if (pool === undefined) pool = PreparePool.create();
      return (pool?.prepare ?? prepareInThread)(batch, dict);
    },
    close: async () => {
      await pool?.close();
    },
  };
}
