/**
 * What every source of mail looks like to ingest: an async iterable of batches, each with the
 * position to record once it is stored. IMAP (ingest/sync.ts), a local mbox or maildir
 * (ingest/local-batches.ts) and the archive itself (db reindex) are all such sources, and
 * feed.ts is the one loop over them.
 */
import type { RawMessage } from '../mail/types.js';
import type { Db } from '../store/db.js';

/** A message the archive already holds, fed again to rebuild what is derived from it (db reindex). */
export interface StoredRef {
  readonly id: number;
  readonly mid: string;
}

export type FeedMessage = RawMessage & { readonly stored?: StoredRef };

/**
 * Where a source stands. `commit` runs inside the transaction that stores the batch, last, so the
 * position and the stored mail never disagree after a crash (DESIGN principle 7).
 */
export interface Cursor {
  commit(db: Db): void;
}

export interface Batch {
  readonly messages: readonly FeedMessage[];
  readonly cursor?: Cursor;
  /** How far through the source this batch reaches, for progress (bytes, files or messages). */
  readonly done?: number;
  readonly total?: number;
}
