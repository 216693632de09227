import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { prepareMessage, type HashedRawMessage, type PreparedMessage } from './prepare.js';

/** Messages above this size are prepared on the calling thread (see PreparePool.prepare). */
const IN_THREAD_BYTES = 1024 * 1024;

export type Prepare = (batch: readonly HashedRawMessage[], dict?: { key: string; bytes: Buffer }) => Promise<PreparedMessage[]>;

/** In-thread preparation: the default, and what tests running TypeScript sources use. */
export const prepareInThread: Prepare = async (batch, dict) => {
  const out: PreparedMessage[] = [];
  for (const m of batch) out.push(await prepareMessage(m, dict));
  return out;
};

/**
 * A pool of worker threads for bulk imports: parsing (mailparser), hashing and deflate are most
 * of ingest's CPU, and SQLite writes must stay on one thread. Each batch is split across the
 * workers; results come back in order. Falls back to in-thread work when the compiled worker
 * script is not there (vitest runs the TypeScript sources).
 */
export class PreparePool {
  private readonly workers: Worker[] = [];
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (p: PreparedMessage[]) => void; reject: (e: Error) => void }>();

  static create(size = Math.min(4, availableParallelism())): PreparePool | null {
    const script = fileURLToPath(new URL('./prepare-worker.js', import.meta.url));
    if (size < 2 || !existsSync(script) || import.meta.url.endsWith('.ts')) return null;
    return new PreparePool(script, size);
  }

  private constructor(script: string, size: number) {
    for (let i = 0; i < size; i++) {
      // Small heaps keep peak RSS flat: each worker holds one slice of one batch at a time.
      const w = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 } });
      w.on('message', (msg: { seq: number; prepared: WorkerResult[] }) => {
        const p = this.pending.get(msg.seq);
        this.pending.delete(msg.seq);
        p?.resolve(msg.prepared as never);
      });
      w.on('error', (err) => {
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
      this.workers.push(w);
    }
  }

  readonly prepare: Prepare = async (batch, dict) => {
    // Big messages (huge attachments) are prepared here: a worker's small heap is sized for
    // ordinary mail, and cloning megabytes to a worker costs more than it saves.
    const big = batch.map((m) => m.raw.length > IN_THREAD_BYTES);
    const small = batch.filter((_, i) => !big[i]);
    const [fromWorkers, inThread] = await Promise.all([
      this.spread(small, dict),
      prepareInThread(
        batch.filter((_, i) => big[i]),
        dict,
      ),
    ]);
    let s = 0;
    let b = 0;
    return batch.map((_, i) => (big[i] ? inThread[b++]! : fromWorkers[s++]!));
  };

  /** Split a batch across the workers; results come back in the batch's order. */
  private async spread(batch: readonly HashedRawMessage[], dict?: { key: string; bytes: Buffer }): Promise<PreparedMessage[]> {
    const n = this.workers.length;
    const size = Math.ceil(batch.length / n);
    const parts = await Promise.all(
      this.workers.map((w, i) => {
        const slice = batch.slice(i * size, (i + 1) * size);
        if (slice.length === 0) return Promise.resolve([] as PreparedMessage[]);
        const seq = ++this.seq;
        return new Promise<WorkerResult[]>((resolve, reject) => {
          this.pending.set(seq, { resolve: resolve as never, reject });
          // A copy of each message in a buffer of its own: a view into a big read chunk would
          // clone the whole chunk.
          const messages = slice.map((m) => ({ ...m, raw: new Uint8Array(m.raw) }));
          w.postMessage({ seq, messages, ...(dict ? { dict } : {}) });
        }).then((results) => results.map((r, j) => revive(slice[j]!.raw, r)));
      }),
    );
    return parts.flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

interface WorkerResult {
  readonly parsed: PreparedMessage['parsed'];
  readonly hash: string;
  readonly encoded?: { readonly codec: string; readonly bytes: Uint8Array };
}

/** Join a worker's result to the raw bytes the main thread kept; Uint8Arrays become Buffers. */
function revive(raw: Buffer, r: WorkerResult): PreparedMessage {
  const e = r.encoded;
  return {
    raw,
    parsed: r.parsed,
    hash: r.hash,
    ...(e ? { encoded: { codec: e.codec, bytes: Buffer.from(e.bytes.buffer, e.bytes.byteOffset, e.bytes.byteLength) } } : {}),
  };
}

/**
 * A pool started only when a batch is big enough to be worth it: a sync with no new mail, or the
 * daemon's trickle of one message at a time, never pays for starting worker threads.
 */
export function lazyPool(minBatch = 64): { prepare: Prepare; close: () => Promise<void> } {
  let pool: PreparePool | null | undefined;
  return {
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
