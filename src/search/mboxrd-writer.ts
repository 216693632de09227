import { mboxrdEntry } from '../mail/mbox-format.js';
import { iterateRaw } from '../store/raw-reader.js';
import type { Db } from '../store/db.js';

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
  const meta = db.prepare<[number], { from_addr: string; date: number | null }>('SELECT from_addr, date FROM messages WHERE id = ?');
  // Ids first: better-sqlite3 allows no other statement on the connection while one iterates.
  const order =
    ids ??
    db
      .prepare<[], { id: number }>('SELECT id FROM messages ORDER BY id')
      .all()
      .map((r) => r.id);
  let n = 0;
  for (const { id, raw } of iterateRaw(db, order)) {
    const m = meta.get(id);
    if (!sink.write(mboxrdEntry(raw, m?.from_addr ?? '', m?.date ?? null)))
      await new Promise<void>((resolve) => sink.once('drain', resolve));
    n++;
  }
  return n;
}
