import { mboxrdEntry } from '../mail/mbox-format.js';
import { iterateRaw, type CorruptMessage } from '../store/raw-reader.js';
import type { Db } from '../store/db.js';
import { allIds, envelopeReader } from '../store/message-reader.js';

/** Where entries go: a stream (awaits 'drain' when full; its 'error' ends the export). */
export interface Sink {
  write(chunk: Buffer): boolean;
  once(event: 'drain' | 'error', listener: (err?: Error) => void): unknown;
  off(event: 'drain' | 'error', listener: (err?: Error) => void): unknown;
}

export interface MboxrdOptions {
  /**
   * A message whose stored bytes fail their content hash (store/raw-reader.ts): reported here and
   * left out. Without it the export stops there with a CorruptMessage naming the message.
   */
  readonly onCorrupt?: (err: CorruptMessage) => void;
}

/**
 * Write the messages `ids` (in that order; every stored message when undefined) as mboxrd.
 * Returns how many were written. A write error (a full disk) rejects, never hangs.
 */
export async function writeMboxrd(db: Db, sink: Sink, ids?: readonly number[], options: MboxrdOptions = {}): Promise<number> {
  const meta = envelopeReader(db);
  // Ids first: better-sqlite3 allows no other statement on the connection while one iterates.
  const order = ids ?? allIds(db);
  let n = 0;
  for (const { id, raw } of iterateRaw(db, order, options.onCorrupt)) {
    const m = meta(id);
    if (!sink.write(mboxrdEntry(raw, m?.from_addr ?? '', m?.date ?? null))) await drained(sink);
    n++;
  }
  return n;
}

/** Resolves on 'drain', rejects on 'error': a stream that failed never drains. */
function drained(sink: Sink): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onDrain = (): void => {
      sink.off('error', onError);
      resolve();
    };
    const onError = (err?: Error): void => {
      sink.off('drain', onDrain);
      reject(err ?? new Error('write failed'));
    };
    sink.once('drain', onDrain);
    sink.once('error', onError);
  });
}
