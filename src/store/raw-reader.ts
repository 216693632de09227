import { createHash } from 'node:crypto';
import { ConveneError } from '../errors.js';
import type { Db } from './db.js';
import { decodeRaw } from '../mail/raw-codec.js';
import { getDictionary, registerDictionary } from '../mail/raw-dictionaries.js';

export { decodeRaw } from '../mail/raw-codec.js';

/**
 * Raw bytes are raw deflate, which carries no checksum: a flipped bit can inflate to other bytes
 * without an error. So every read checks what it decoded against the content hash and size
 * recorded when the message was stored (issue 13, item 8), and a blob that fails to decode or to
 * match is a CorruptMessage naming the message, never bytes passed on silently.
 */
export class CorruptMessage extends ConveneError {
  constructor(
    readonly id: number,
    readonly mid: string,
    readonly problem: string,
  ) {
    super('CORRUPT', `message <${mid}> is corrupt: ${problem} (convene db check lists every such message)`);
  }
}

interface RawRow {
  readonly id: number;
  readonly mid: string;
  readonly codec: string;
  readonly bytes: Buffer;
  readonly hash: string;
  readonly size: number;
}

const SELECT = 'SELECT r.id, m.mid, r.codec, r.bytes, m.hash, m.size FROM raw r JOIN messages m ON m.id = r.id';

/**
 * The bytes of a raw row, checked against the message's recorded hash and size. `db`: where to
 * find a compression dictionary this process has not loaded (another process, an import, made it
 * after this one opened the archive); without it, such a row would read as corrupt.
 */
export function verifiedRaw(row: RawRow, db?: Db): Buffer {
  if (db && row.codec.startsWith('deflate:')) loadDictionary(db, row.codec.slice('deflate:'.length));
  let raw: Buffer;
  try {
    raw = decodeRaw(row.codec, row.bytes);
  } catch (err) {
    throw new CorruptMessage(row.id, row.mid, `its stored bytes do not decode (${(err as Error).message})`);
  }
  if (raw.length !== row.size) throw new CorruptMessage(row.id, row.mid, `${raw.length} bytes stored, ${row.size} recorded`);
  if (createHash('sha256').update(raw).digest('hex') !== row.hash)
    throw new CorruptMessage(row.id, row.mid, 'its stored bytes do not match their content hash');
  return raw;
}

/** The stored raw bytes of a message, byte for byte as received; throws CorruptMessage. */
export function readRaw(db: Db, id: number): Buffer | null {
  return rawReader(db)(id);
}

/** readRaw for many messages, the statement prepared once. */
export function rawReader(db: Db): (id: number) => Buffer | null {
  const stmt = db.prepare<[number], RawRow>(`${SELECT} WHERE r.id = ?`);
  return (id) => {
    const row = stmt.get(id);
    return row ? verifiedRaw(row, db) : null;
  };
}

/** Register the dictionary `key` from the archive unless this process has it already. */
function loadDictionary(db: Db, key: string): void {
  if (getDictionary(key)) return;
  const row = db.prepare<[string], { bytes: Buffer }>('SELECT bytes FROM raw_dicts WHERE hash = ?').get(key);
  if (row) registerDictionary(key, row.bytes);
}

/**
 * Every stored message's raw bytes in the given id order (ids from a query), streamed. A corrupt
 * message throws, unless `onCorrupt` is given: then it is reported there and skipped.
 */
export function* iterateRaw(
  db: Db,
  ids?: Iterable<number>,
  onCorrupt?: (err: CorruptMessage) => void,
): Generator<{ id: number; raw: Buffer }> {
  const rows: Iterable<RawRow | undefined> = ids
    ? (function* () {
        const stmt = db.prepare<[number], RawRow>(`${SELECT} WHERE r.id = ?`);
        for (const id of ids) yield stmt.get(id);
      })()
    : db.prepare<[], RawRow>(`${SELECT} ORDER BY r.id`).iterate();
  for (const row of rows) {
    if (!row) continue;
    let raw: Buffer;
    try {
      raw = verifiedRaw(row, db);
    } catch (err) {
      if (!(err instanceof CorruptMessage) || !onCorrupt) throw err;
      onCorrupt(err);
      continue;
    }
    yield { id: row.id, raw };
  }
}
