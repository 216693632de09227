/** Small databases for search and thread tests: generated edge cases and the real ext4 slice. */
import { fileURLToPath } from 'node:url';
import { Ingester } from '../../src/ingest/ingester.js';
import { readMbox } from '../../src/sources/mbox.js';
import { openDb, type Db } from '../../src/store/db.js';

export const EXT4_THREADS = fileURLToPath(new URL('../fixtures/search/ext4-threads.mbox.gz', import.meta.url));

/** A fresh in-memory archive holding `raws`, ingested in batches of `batch`. */
export async function dbWith(raws: readonly Buffer[], batch = 50): Promise<Db> {
  const db = openDb(':memory:');
  const ingester = new Ingester(db);
  for (let i = 0; i < raws.length; i += batch) {
    await ingester.ingestBatch(
      raws.slice(i, i + batch).map((raw) => ({ raw })),
      { now: () => 0 },
    );
  }
  return db;
}

/** The raw messages of the ext4 thread slice, in file order. */
export async function ext4Threads(): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const m of readMbox(EXT4_THREADS, true)) out.push(m.raw);
  return out;
}
