import type { Prepare } from '../mail/prepare-pool.js';
import type { Db } from '../store/db.js';
import type { Batch } from './batch.js';
import { derivedSteps, type FeedConfig } from './derived.js';
import { Ingester, type AfterStoreHook, type IngestOptions, type ReadyMessage } from './ingester.js';
import { addSummary, emptySummary, type IngestSummary } from './summary.js';

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
  let ahead: { batch: B; prepared: Promise<ReadyMessage[]> } | null = null;
  const commitAhead = async (): Promise<void> => {
    if (!ahead) return;
    const { batch, prepared } = ahead;
    ahead = null;
    let stored: IngestSummary;
    try {
      const cursor = batch.cursor;
      stored = ingester.commitBatch(await prepared, { ...base, ...(cursor ? { commit: (d: Db) => cursor.commit(d) } : {}) });
    } catch (err) {
      throw options.storeError ? options.storeError(err) : err;
    }
    addSummary(total, stored);
    options.onCommit?.(batch, stored);
  };
  try {
    for await (const batch of source) {
      const next = { batch, prepared: ingester.prepareBatch(batch.messages) };
      next.prepared.catch(() => undefined); // awaited in commitAhead; no unhandled rejection meanwhile
      await commitAhead();
      ahead = next;
      if (!options.readAhead) await commitAhead();
    }
  } catch (err) {
    // The source failed part-way (a truncated .gz, a read error): the batch it yielded before
    // is whole, so it is stored before the error goes on.
    await commitAhead();
    throw err;
  }
  await commitAhead();
  return total;
}
