import type { MeetingConfig } from '../config/meetings.js';
import { decodeRaw } from '../mail/raw-codec.js';
import type { Db } from '../store/db.js';
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

interface Row {
  id: number;
  mid: string;
  date: number | null;
  date_source: string;
}

/**
 * Rebuild every derived table from the stored raw bytes (raw mail is the truth): header rows,
 * threads and ghosts, the search index, then the derived steps (agenda extraction only ever
 * adds). The archive is fed to ingest like any other source, each message marked as stored.
 * Identity (stored id, hash, variant links) is kept. Dates that came from a fallback (IMAP
 * INTERNALDATE, From_ line) are not in the raw bytes, so the stored one is passed back in.
 * One transaction: a crash leaves the old derived tables intact.
 */
export async function reindex(db: Db, options: ReindexOptions = {}): Promise<ReindexSummary> {
  const rows = db.prepare<[], Row>('SELECT id, mid, date, date_source FROM messages ORDER BY id').all();
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  let failures = 0;
  begin.run();
  try {
    db.exec(`DELETE FROM ghosts; DELETE FROM thread_seq; DELETE FROM sqlite_sequence WHERE name = 'thread_seq';
             DELETE FROM messages_fts; UPDATE messages SET thread_id = NULL, parent_mid = NULL;`);
    const summary = await feed(db, { meetings: options.meetings ?? [] }, storedBatches(db, rows, options.batchSize ?? 500));
    failures = summary.failed;
    commit.run();
  } catch (err) {
    if (db.inTransaction) rollback.run();
    throw err;
  }
  const threads = (db.prepare('SELECT count(DISTINCT thread_id) AS n FROM messages').get() as { n: number }).n;
  return { messages: rows.length, threads, failures };
}

/** The stored messages as batches, each with its raw bytes and the fallback date it was stored with. */
async function* storedBatches(db: Db, rows: readonly Row[], size: number): AsyncGenerator<Batch> {
  const raws = db.prepare<[number], { codec: string; bytes: Buffer }>('SELECT codec, bytes FROM raw WHERE id = ?');
  for (let i = 0; i < rows.length; i += size) {
    const messages = rows.slice(i, i + size).map((r): FeedMessage => {
      const raw = raws.get(r.id)!;
      const fallback =
        r.date_source === 'internal'
          ? { internalDate: r.date ?? undefined }
          : r.date_source === 'from-line'
            ? { fromLineDate: r.date ?? undefined }
            : {};
      return { raw: decodeRaw(raw.codec, raw.bytes), ...(fallback as object), stored: { id: r.id, mid: r.mid } };
    });
    yield { messages };
  }
}
