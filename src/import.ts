import { addSummary, emptySummary, Ingester, type IngestOptions, type IngestSummary } from './ingest.js';
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

export interface ImportOptions extends Pick<IngestOptions, 'afterStore' | 'parse'> {
  readonly batchSize?: number;
  readonly onProgress?: (p: ImportProgress) => void;
}

/**
 * Import local mboxes and maildirs, one transaction per batch. Re-running after a crash is safe:
 * messages already stored are recognised by their content hash and counted as duplicates.
 */
export async function importPaths(db: Db, paths: readonly string[], options: ImportOptions = {}): Promise<PathSummary[]> {
  const ingester = new Ingester(db);
  const batchSize = options.batchSize ?? 500;
  const sources = paths.map((p) => openLocalSource(p)); // fail on a bad path before importing anything
  const results: PathSummary[] = [];
  for (const source of sources) {
    const summary = emptySummary();
    let batch: RawMessage[] = [];
    let position = 0;
    const flush = async (): Promise<void> => {
      if (!batch.length) return;
      const ingestOptions: IngestOptions = {
        ...(options.afterStore ? { afterStore: options.afterStore } : {}),
        ...(options.parse ? { parse: options.parse } : {}),
      };
      addSummary(summary, await ingester.ingestBatch(batch, ingestOptions));
      batch = [];
      options.onProgress?.({ path: source.path, done: position, total: source.total, summary });
    };
    for await (const msg of source.messages()) {
      batch.push(msg);
      position = msg.position;
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    results.push({ path: source.path, kind: source.kind, ...summary });
  }
  return results;
}
