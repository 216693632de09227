import type { PoolHealth, Prepare } from '../mail/prepare-pool.js';
import type { Db } from '../store/db.js';
import type { Batch } from './batch.js';
import { derivedSteps, type FeedConfig } from './derived.js';
import { Ingester, type AfterStoreHook, type IngestOptions, type ReadyMessage } from './ingester.js';
import { addSummary, emptySummary, type IngestSummary } from './summary.js';

/**
 * Told what ingestion is doing, for a daemon's health row (health.ts): each batch when it arrives
 * and when it ends (committed or not), and the parse pool's health when the caller has a pool.
 */
export interface BatchWatch {
  started(messages: number, bytes: number): void;
  ended(committed: boolean): void;
  pool(health: PoolHealth | null): void;
}

export interface FeedOptions<B extends Batch> {
  /** Parse, hash and compress (a worker pool for bulk imports); in-thread by default. */
  readonly prepare?: Prepare;
  /** Replaces the derived steps (derived.ts); tests use it to fail a batch on purpose. */
  readonly afterStore?: readonly AfterStoreHook[];
  /** See IngestOptions.countCopies. */
  readonly countCopies?: boolean;
  /** The clock the derived steps record (the daemon's injected one). */
  readonly now?: () => number;
  /**
   * Prepare the next batch while this one commits. Right for files read in bulk; IMAP keeps one
   * batch in flight, so that a stop or a dropped connection finds every fetched batch stored.
   */
  readonly readAhead?: boolean;
  /** After each batch has committed, with what storing it did. */
  readonly onCommit?: (batch: B, stored: IngestSummary) => void;
  /** Maps an error from storing (never one from the source) to the caller's error. */
  readonly storeError?: (err: unknown) => unknown;
  readonly watch?: BatchWatch;
  /**
   * Abandons the batch in flight: a preparation that has not finished is no longer waited for,
   * nothing more is committed, and feed rejects with the signal's reason. The daemon aborts it at
   * its stop deadline (a hung parse must not keep SIGTERM from ending the process). The batch's
   * cursor has not moved, so the source gives it again next time: nothing is lost.
   */
  readonly signal?: AbortSignal;
}

/**
 * The one ingest loop, whatever the source: for each batch, prepare its messages outside the
 * transaction, then in ONE transaction store them raw with their header rows, thread, index, run
 * the derived steps (agenda extraction), and advance the batch's cursor. A crash leaves a batch
 * wholly stored with its cursor moved, or not at all.
 */
export async function feed<B extends Batch>(
  db: Db,
  config: FeedConfig,
  source: AsyncIterable<B>,
  options: FeedOptions<B> = {},
): Promise<IngestSummary> {
  const afterStore = options.afterStore ?? (await derivedSteps(db, config, options.now));
  const ingester = new Ingester(db, options.prepare);
  const base: IngestOptions = { afterStore, ...(options.countCopies !== undefined ? { countCopies: options.countCopies } : {}) };
  const total = emptySummary();
  let open = 0; // batches the watch was told of that have not ended
  const ended = (committed: boolean): void => {
    open--;
    options.watch?.ended(committed);
  };
  let ahead: { batch: B; prepared: Promise<ReadyMessage[]> } | null = null;
  const commitAhead = async (): Promise<void> => {
    if (!ahead) return;
    const { batch, prepared } = ahead;
    ahead = null;
    const ready = await untilAborted(prepared, options.signal);
    let stored: IngestSummary;
    try {
      const cursor = batch.cursor;
      stored = ingester.commitBatch(ready, { ...base, ...(cursor ? { commit: (d: Db) => cursor.commit(d) } : {}) });
    } catch (err) {
      throw options.storeError ? options.storeError(err) : err;
    }
    ended(true);
    addSummary(total, stored);
    options.onCommit?.(batch, stored);
  };
  try {
    try {
      for await (const batch of source) {
        if (options.signal?.aborted) throw options.signal.reason;
        open++;
        options.watch?.started(batch.messages.length, bytesOf(batch));
        const next = { batch, prepared: ingester.prepareBatch(batch.messages) };
        next.prepared.catch(() => undefined); // awaited in commitAhead; no unhandled rejection meanwhile
        await commitAhead();
        ahead = next;
        if (!options.readAhead) await commitAhead();
      }
    } catch (err) {
      // The source failed part-way (a truncated .gz, a read error): the batch it yielded before
      // is whole, so it is stored before the error goes on (not when the batch was abandoned).
      if (!options.signal?.aborted) await commitAhead();
      throw err;
    }
    await commitAhead();
  } finally {
    while (open > 0) ended(false);
  }
  return total;
}

function bytesOf(batch: Batch): number {
  let n = 0;
  for (const m of batch.messages) n += m.raw.length;
  return n;
}

/** `p`, or a rejection with the signal's reason as soon as it aborts. */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e as Error);
      },
    );
  });
}
