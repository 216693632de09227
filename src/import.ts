import { addSummary, emptySummary, Ingester, type IngestOptions, type IngestSummary } from './ingest.js';
import { PreparePool } from './mail/prepare-pool.js';
import type { PreparedMessage } from './mail/prepare.js';
import type { RawMessage } from './mail/types.js';
import { openLocalSource, type SourceKind } from './sources/detect.js';
import type { Db } from './store/db.js';

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
  const ingestOptions: IngestOptions = options.afterStore ? { afterStore: options.afterStore } : {};
  const results: PathSummary[] = [];
  try {
    for (const source of sources) {
      const summary = emptySummary();
      let batch: RawMessage[] = [];
      let position = 0;
      let ahead: { prepared: Promise<PreparedMessage[]>; position: number } | null = null;
      const commitAhead = async (): Promise<void> => {
        if (!ahead) return;
        const { prepared, position: done } = ahead;
        ahead = null;
        addSummary(summary, ingester.commitBatch(await prepared, ingestOptions));
        options.onProgress?.({ path: source.path, done, total: source.total, summary });
      };
      const submit = async (): Promise<void> => {
        if (!batch.length) return;
        const next = { prepared: ingester.prepareBatch(batch), position };
        next.prepared.catch(() => undefined); // awaited in commitAhead; avoid an unhandled rejection meanwhile
        batch = [];
        await commitAhead();
        ahead = next;
      };
      for await (const msg of source.messages()) {
        batch.push(msg);
        position = msg.position;
        if (batch.length >= batchSize) await submit();
      }
      await submit();
      await commitAhead();
      results.push({ path: source.path, kind: source.kind, ...summary });
    }
  } finally {
    await pool?.close();
  }
  return results;
}
