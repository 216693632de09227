import type { MeetingConfig } from '../config/meetings.js';
import { PreparePool } from '../mail/prepare-pool.js';
import { openLocalSource, type LocalSource, type SkippedEntry, type SourceKind } from '../sources/detect.js';
import type { Db } from '../store/db.js';
import { feed, type BatchWatch } from './feed.js';
import { localBatches, type SourceCursor } from './local-batches.js';
import { addSummary, emptySummary, type IngestSummary } from './summary.js';

export type { SourceCursor } from './local-batches.js';

export interface ImportProgress {
  readonly path: string;
  readonly done: number;
  readonly total: number;
  readonly summary: IngestSummary;
}

export interface PathSummary extends IngestSummary {
  readonly path: string;
  readonly kind: SourceKind;
  /** Entries of a maildir not read as messages, each with its reason. */
  readonly skipped: readonly SkippedEntry[];
  /** Files of a maildir outside cur/ and new/, not read. */
  readonly outside: number;
}

export interface ImportOptions {
  /** The meetings agenda items are extracted for (none: no extraction). */
  readonly meetings?: readonly MeetingConfig[];
  /** The clock agenda extraction records (the daemon's injected one). */
  readonly now?: () => number;
  readonly batchSize?: number;
  readonly onProgress?: (p: ImportProgress) => void;
  /** Parse in worker threads (default: when the compiled worker is available). */
  readonly workers?: boolean;
  /** A follower's cursor per source (local-sync.ts); without one, every message is read and copies counted. */
  readonly cursor?: (source: LocalSource) => SourceCursor;
  /** Told of each batch and of the parse pool's health (the daemon's health row). */
  readonly watch?: BatchWatch;
  /** Abandons the batch in flight (feed.ts `signal`). */
  readonly signal?: AbortSignal;
}

/**
 * Import local mboxes and maildirs, one transaction per batch, preparing the next batch in
 * worker threads while the current one commits. Re-running after a crash is safe: messages
 * already stored are recognised by their content hash and counted as duplicates.
 */
export async function importPaths(db: Db, paths: readonly string[], options: ImportOptions = {}): Promise<PathSummary[]> {
  const sources = paths.map((p) => openLocalSource(p)); // fail on a bad path before importing anything
  const pool = options.workers === false ? null : PreparePool.create();
  const batchSize = options.batchSize ?? 500;
  const results: PathSummary[] = [];
  try {
    for (const source of sources) {
      const cursor = options.cursor?.(source);
      const summary = emptySummary();
      await feed(db, { meetings: options.meetings ?? [] }, localBatches(source, batchSize, cursor), {
        ...(pool ? { prepare: pool.prepare } : {}),
        ...(cursor ? { countCopies: cursor.countCopies } : {}),
        ...(options.now ? { now: options.now } : {}),
        ...(options.watch ? { watch: options.watch } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        readAhead: true,
        onCommit: (batch, stored) => {
          options.watch?.pool(pool?.health() ?? null);
          addSummary(summary, stored);
          options.onProgress?.({ path: source.path, done: batch.done ?? 0, total: source.total, summary });
        },
      });
      results.push({ path: source.path, kind: source.kind, ...summary, skipped: source.skipped(), outside: source.outside });
    }
  } finally {
    await pool?.close();
  }
  return results;
}
