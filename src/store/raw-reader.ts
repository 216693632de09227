import type { Db } from './db.js';
import { decodeRaw } from '../mail/raw-codec.js';

export { decodeRaw } from '../mail/raw-codec.js';

/** The stored raw bytes of a message, byte for byte as received. */
export function readRaw(db: Db, id: number): Buffer | null {
  const row = db.prepare<[number], { codec: string; bytes: Buffer }>('SELECT codec, bytes FROM raw WHERE id = ?').get(id);
  return row ? decodeRaw(row.codec, row.bytes) : null;
}

/** readRaw for many messages, the statement prepared once. */
export function rawReader(db: Db): (id: number) => Buffer | null {
  const stmt = db.prepare<[number], { codec: string; bytes: Buffer }>('SELECT codec, bytes FROM raw WHERE id = ?');
  return (id) => {
    const row = stmt.get(id);
    return row ? decodeRaw(row.codec, row.bytes) : null;
  };
}

/** Every stored message's raw bytes in the given id order (ids from a query), streamed. */
export function* iterateRaw(db: Db, ids?: Iterable<number>): Generator<{ id: number; raw: Buffer }> {
  if (ids) {
    const stmt = db.prepare<[number], { codec: string; bytes: Buffer }>('SELECT codec, bytes FROM raw WHERE id = ?');
    for (const id of ids) {
      const row = stmt.get(id);
      if (row) yield { id, raw: decodeRaw(row.codec, row.bytes) };
    }
    return;
  }
  const stmt = db.prepare<[], { id: number; codec: string; bytes: Buffer }>('SELECT id, codec, bytes FROM raw ORDER BY id');
  for (const row of stmt.iterate()) yield { id: row.id, raw: decodeRaw(row.codec, row.bytes) };
}
