import { Ingester, type AfterStoreHook } from './ingester.js';
import { parseMessage } from '../mail/parse.js';
import type { Db } from '../store/db.js';
import { decodeRaw } from '../mail/raw-codec.js';

export interface ReindexSummary {
  readonly messages: number;
  readonly threads: number;
  readonly failures: number;
}

/**
 * Rebuild every derived table from the stored raw bytes (raw mail is the truth): header rows,
 * threads and ghosts, the search index, then the after-store hooks (agenda extraction only ever
 * adds). Identity (stored id, hash, variant links) is kept. Dates that came from a fallback
 * (IMAP INTERNALDATE, From_ line) are not in the raw bytes, so the stored one is passed back in.
 * One transaction: a crash leaves the old derived tables intact.
 */
export async function reindex(db: Db, hooks: readonly AfterStoreHook[] = [], batchSize = 500): Promise<ReindexSummary> {
  const ingester = new Ingester(db);
  const rows = db
    .prepare<[], { id: number; mid: string; date: number | null; date_source: string }>(
      'SELECT id, mid, date, date_source FROM messages ORDER BY id',
    )
    .all();
  const raws = db.prepare<[number], { codec: string; bytes: Buffer }>('SELECT codec, bytes FROM raw WHERE id = ?');
  let failures = 0;
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  begin.run();
  try {
    db.exec(`DELETE FROM ghosts; DELETE FROM thread_seq; DELETE FROM sqlite_sequence WHERE name = 'thread_seq';
             DELETE FROM messages_fts; UPDATE messages SET thread_id = NULL, parent_mid = NULL;`);
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      const parsed = await Promise.all(
        batch.map((r) => {
          const raw = raws.get(r.id)!;
          const fallback =
            r.date_source === 'internal'
              ? { internalDate: r.date ?? undefined }
              : r.date_source === 'from-line'
                ? { fromLineDate: r.date ?? undefined }
                : {};
          return parseMessage({ raw: decodeRaw(raw.codec, raw.bytes), ...(fallback as object) });
        }),
      );
      batch.forEach((r, j) => {
        const msg = parsed[j]!;
        if (msg.parseError) failures++;
        ingester.writer.updateParsed(r.id, msg);
        ingester.derive(r, msg);
        for (const hook of hooks) hook(db, { row: { status: 'stored', id: r.id, mid: r.mid }, parsed: msg });
      });
    }
    commit.run();
  } catch (err) {
    if (db.inTransaction) rollback.run();
    throw err;
  }
  const threads = (db.prepare('SELECT count(DISTINCT thread_id) AS n FROM messages').get() as { n: number }).n;
  return { messages: rows.length, threads, failures };
}
