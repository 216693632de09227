import { addSummary, emptySummary, Ingester, type IngestOptions, type IngestSummary } from './ingester.js';
import { PreparePool } from '../mail/prepare-pool.js';
import type { PreparedMessage } from '../mail/prepare.js';
import type { RawMessage } from '../mail/types.js';
import { openLocalSource, type LocalSource, type SourceKind } from '../sources/detect.js';
import type { Db } from '../store/db.js';

export interface ImportProgress {
  readonly path: string;
  readonly done: number;
  readonly total: number;
  readonly summary: IngestSummary;
}

export interface PathSummary extends IngestSummary {
  readonly path: string;
  readonly kind: SourceKind;
}

export interface ImportOptions extends Pick<IngestOptions, 'afterStore'> {
  readonly batchSize?: number;
  readonly onProgress?: (p: ImportProgress) => void;
  /** Parse in worker threads (default: when the compiled worker is available). */
  readonly workers?: boolean;
  /** A follower's cursor per source (local-sync.ts); without one, every message is read and copies counted. */
  readonly cursor?: (source: LocalSource) => SourceCursor;
}

/**
 * Where a follower left off in one source, and how it moves on (DESIGN principle 7). A source
 * read with a cursor is followed while it grows, so an mbox's last message that is not yet closed
 * by its blank line (mbox.ts `unterminated`) is neither ingested nor counted: were it counted, the
 * next pass would skip it and the archive keep its first half for good. It is read once complete.
 */
export interface SourceCursor {
  /** Messages at the start of the source consumed before: passed over unread. */
  readonly skip: number;
  /** See IngestOptions.countCopies. */
  readonly countCopies: boolean;
  /** Runs inside each batch's transaction: `consumed` messages of the source (skip included) are now in. */
  readonly commit: (db: Db, consumed: number) => void;
  /** After the source's last batch: how many messages it yielded in all (skip included). */
  readonly end?: (seen: number) => void;
}

/**
 * Import local mboxes and maildirs, one transaction per batch, preparing the next batch in
 * worker threads while the current one commits. Re-running after a crash is safe: messages
 * already stored are recognised by their content hash and counted as duplicates.
 */
export async function importPaths(db: Db, paths: readonly string[], options: ImportOptions = {}): Promise<PathSummary[]> {
  const sources = paths.map((p) => openLocalSource(p)); // fail on a bad path before importing anything
  const pool = options.workers === false ? null : PreparePool.create();
  const ingester = pool ? new Ingester(db, pool.prepare) : new Ingester(db);
  const batchSize = options.batchSize ?? 500;
  const results: PathSummary[] = [];
  try {
    for (const source of sources) {
      const cursor = options.cursor?.(source);
      const ingestOptions: IngestOptions = {
        ...(options.afterStore ? { afterStore: options.afterStore } : {}),
        ...(cursor ? { countCopies: cursor.countCopies } : {}),
      };
      const summary = emptySummary();
      let batch: RawMessage[] = [];
      let position = 0;
      let seen = 0;
      let ahead: { prepared: Promise<PreparedMessage[]>; position: number; consumed: number } | null = null;
      const commitAhead = async (): Promise<void> => {
        if (!ahead) return;
        const { prepared, position: done, consumed } = ahead;
        ahead = null;
        const commit = cursor ? { commit: (d: Db) => cursor.commit(d, consumed) } : {};
        addSummary(summary, ingester.commitBatch(await prepared, { ...ingestOptions, ...commit }));
        options.onProgress?.({ path: source.path, done, total: source.total, summary });
      };
      const submit = async (): Promise<void> => {
        if (!batch.length) return;
        const next = { prepared: ingester.prepareBatch(batch), position, consumed: seen };
        next.prepared.catch(() => undefined); // awaited in commitAhead; avoid an unhandled rejection meanwhile
        batch = [];
        await commitAhead();
        ahead = next;
      };
      for await (const msg of source.messages()) {
        if (cursor && msg.unterminated) break; // the last message, still being written: next pass
        position = msg.position;
        if (++seen <= (cursor?.skip ?? 0)) continue;
        batch.push(msg);
        if (batch.length >= batchSize) await submit();
      }
      await submit();
      await commitAhead();
      cursor?.end?.(seen);
      results.push({ path: source.path, kind: source.kind, ...summary });
    }
  } finally {
    await pool?.close();
  }
  return results;
}
