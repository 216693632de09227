import { mboxrdEntry } from '../mail/mbox-format.js';
import { iterateRaw } from '../store/raw-reader.js';
import type { Db } from '../store/db.js';
import { allIds, envelopeReader } from '../store/message-reader.js';

/** Where entries go: a stream (awaits 'drain' when full). */
export interface Sink {
  write(chunk: Buffer): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/**
 * Write the messages `ids` (in that order; every stored message when undefined) as mboxrd.
 * Returns how many were written.
 */
export async function writeMboxrd(db: Db, sink: Sink, ids?: readonly number[]): Promise<number> {
  const meta = envelopeReader(db);
  // Ids first: better-sqlite3 allows no other statement on the connection while one iterates.
  const order = ids ?? allIds(db);
  let n = 0;
  for (const { id, raw } of iterateRaw(db, order)) {
    const m = meta(id);
    if (!sink.write(mboxrdEntry(raw, m?.from_addr ?? '', m?.date ?? null)))
      await new Promise<void>((resolve) => sink.once('drain', resolve));
    n++;
  }
  return n;
}
