import type { MeetingConfig } from '../config/meetings.js';
import { IndexWriter } from '../search/index-writer.js';
import { inImmediateTransaction, type Db } from '../store/db.js';
import { storedIdentities } from '../store/message-reader.js';
import { threadCount } from '../store/message-threads.js';
import { MessageWriter } from '../store/message-writer.js';
import { rawReader } from '../store/raw-reader.js';
import { GhostStore } from '../thread/ghosts.js';
import { ThreadSummaryStore } from '../thread/summary-store.js';
import type { Batch, FeedMessage } from './batch.js';
import { feed } from './feed.js';

export interface ReindexSummary {
  readonly messages: number;
  readonly threads: number;
  readonly failures: number;
}

export interface ReindexOptions {
  /** The meetings agenda items are extracted for (extraction only ever adds). */
  readonly meetings?: readonly MeetingConfig[];
  readonly batchSize?: number;
}

type Identity = ReturnType<typeof storedIdentities>[number];

/**
 * Rebuild every derived table from the stored raw bytes (raw mail is the truth): header rows,
 * threads and ghosts, the search index, then the derived steps (agenda extraction only ever
 * adds). Each owner empties its own tables; then the archive is fed to ingest like any other
 * source, each message marked as stored. Identity (stored id, hash, variant links) is kept.
 * Dates that came from a fallback (IMAP INTERNALDATE, From_ line) are not in the raw bytes, so
 * the stored one is passed back in. One transaction: a crash leaves the old derived tables intact.
 *
 * The list of messages is read inside that IMMEDIATE transaction, after the write lock is taken:
 * it sees every row committed before, and no writer (an import, the daemon's sync) commits until
 * it ends, so maintenance and writers never interleave. Read before the lock, a batch committed
 * while reindex waited for it lost its threads and search rows for good (issue 13, item 2).
 */
export async function reindex(db: Db, options: ReindexOptions = {}): Promise<ReindexSummary> {
  let messages = 0;
  const summary = await inImmediateTransaction(db, async () => {
    const rows = storedIdentities(db);
    messages = rows.length;
    new GhostStore(db).clear();
    new IndexWriter(db).clear();
    new MessageWriter(db).clearThreads();
    new ThreadSummaryStore(db).clear();
    return feed(db, { meetings: options.meetings ?? [] }, storedBatches(db, rows, options.batchSize ?? 500));
  });
  return { messages, threads: threadCount(db), failures: summary.failed };
}

/** The stored messages as batches, each with its raw bytes and the fallback date it was stored with. */
async function* storedBatches(db: Db, rows: readonly Identity[], size: number): AsyncGenerator<Batch> {
  const readRaw = rawReader(db);
  for (let i = 0; i < rows.length; i += size) {
    const messages = rows.slice(i, i + size).map((r): FeedMessage => {
      const fallback =
        r.date_source === 'internal'
          ? { internalDate: r.date ?? undefined }
          : r.date_source === 'from-line'
            ? { fromLineDate: r.date ?? undefined }
            : {};
      return { raw: readRaw(r.id)!, ...(fallback as object), stored: { id: r.id, mid: r.mid } };
    });
    yield { messages };
  }
}
