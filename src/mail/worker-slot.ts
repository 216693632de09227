import { Worker } from 'node:worker_threads';
import type { PreparedMessage } from './prepare.js';

/** One message as it crosses to a worker: its bytes in an ArrayBuffer of their own (transferred). */
export type WireMessage = {
  readonly raw: Uint8Array;
  readonly hash?: string;
  readonly internalDate?: number;
  readonly fromLineDate?: number;
};

/** What a worker sends back per message: what the main thread lacks (it kept the raw bytes). */
export interface WorkerResult {
  readonly parsed: PreparedMessage['parsed'];
  readonly hash: string;
  readonly encoded?: { readonly codec: string; readonly bytes: Uint8Array };
}

/** Worker → pool: a run of results for request `seq` (`done` on the last), or the error it threw. */
export type WorkerReply =
  | { readonly seq: number; readonly prepared: readonly WorkerResult[]; readonly done: boolean }
  | { readonly seq: number; readonly error: string };

/** A slice came back without results: the worker died, was stopped, or threw. `died`: the thread is gone. */
export class WorkerFailed extends Error {
  constructor(
    message: string,
    readonly died: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WorkerFailed';
  }
}

export interface SlotOptions {
  readonly script: string;
  readonly heapMb: number;
  /** Called once when the thread is gone for any reason other than stop(): the pool replaces it. */
  readonly onDeath: (slot: WorkerSlot, reason: Error) => void;
}

interface Job {
  readonly seq: number;
  readonly results: WorkerResult[];
  readonly resolve: (r: WorkerResult[]) => void;
  readonly reject: (e: Error) => void;
}

let nextSeq = 0;

/**
 * One worker thread and the one slice it holds at a time. The slice's promise settles on every
 * path: results, the worker's own error, or the thread's death ('error' for an uncaught throw or
 * the heap limit, 'exit' for everything, 'messageerror' for a reply that cannot be read). The old
 * pool listened to 'error' only and kept posting to dead threads; a slice left pending stalled
 * ingestion for good (issue 13, item 1).
 */
export class WorkerSlot {
  private readonly worker: Worker;
  private job: Job | null = null;
  private stopping = false;
  alive = true;

  constructor(private readonly options: SlotOptions) {
    // Small heaps keep peak RSS flat; the pool sizes slices to fit (prepare-pool.ts).
    this.worker = new Worker(options.script, { resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: options.heapMb } });
    this.worker.on('message', (reply: WorkerReply) => this.receive(reply));
    this.worker.on('error', (err) => this.die(err));
    this.worker.on('exit', (code) => this.die(new Error(`parse worker exited with code ${code}`)));
    this.worker.on('messageerror', (err) => {
      // A lost reply leaves the slice without results: give up on this thread, the pool respawns.
      this.die(err);
      void this.worker.terminate();
    });
  }

  /** Prepare one slice; the buffers in `transfer` move to the worker. Only one slice at a time. */
  run(
    messages: readonly WireMessage[],
    dict: { key: string; bytes: Buffer } | undefined,
    transfer: ArrayBuffer[],
  ): Promise<WorkerResult[]> {
    if (!this.alive) return Promise.reject(new WorkerFailed('parse worker is gone', true));
    if (this.job) return Promise.reject(new Error('parse worker is busy (pool bug)'));
    const seq = ++nextSeq;
    return new Promise<WorkerResult[]>((resolve, reject) => {
      // Posted first: a message that cannot be cloned rejects here and leaves the slot idle.
      this.worker.postMessage({ seq, messages, ...(dict ? { dict } : {}) }, transfer);
      this.job = { seq, results: [], resolve, reject };
    });
  }

  /** Terminate the thread; a slice it holds is rejected now, not when the thread is gone. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.die(new Error('parse pool closed'));
    await this.worker.terminate();
  }

  private receive(reply: WorkerReply): void {
    const job = this.job;
    if (!job || reply.seq !== job.seq) return; // a late reply for a slice already given up on
    if ('error' in reply) {
      this.job = null;
      job.reject(new WorkerFailed(`parse worker failed: ${reply.error}`, false));
      return;
    }
    for (const r of reply.prepared) job.results.push(r);
    if (!reply.done) return;
    this.job = null;
    job.resolve(job.results);
  }

  /** First sign of the end of the thread: settle its slice, tell the pool (once). */
  private die(reason: Error): void {
    if (!this.alive) return;
    this.alive = false;
    const job = this.job;
    this.job = null;
    job?.reject(new WorkerFailed(`parse worker died: ${reason.message}`, true, { cause: reason }));
    if (!this.stopping) this.options.onDeath(this, reason);
  }
}

/** Join a worker's result to the raw bytes the main thread kept; Uint8Arrays become Buffers. */
export function revive(raw: Buffer, r: WorkerResult): PreparedMessage {
  const e = r.encoded;
  return {
    raw,
    parsed: r.parsed,
    hash: r.hash,
    ...(e ? { encoded: { codec: e.codec, bytes: Buffer.from(e.bytes.buffer, e.bytes.byteOffset, e.bytes.byteLength) } } : {}),
  };
}
