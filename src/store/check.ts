import { createHash } from 'node:crypto';
import { decodeRaw } from '../mail/raw-codec.js';
import type { Db } from './db.js';

/** One named check of `db check`. */
export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** A check that counts bad rows: ok at zero, else "<n> <what>". */
export function countCheck(name: string, bad: number, what: string): Check {
  return { name, ok: bad === 0, detail: bad === 0 ? 'ok' : `${bad} ${what}` };
}

const count = (db: Db, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

/** SQLite's own quick check of the file. */
export function sqliteCheck(db: Db): Check {
  const quick = db.pragma('quick_check', { simple: true }) as string;
  return { name: 'sqlite', ok: quick === 'ok', detail: quick };
}

/** Every message has its raw bytes and every raw blob its message. */
export function rawRowsCheck(db: Db): Check {
  return countCheck(
    'raw rows',
    count(db, 'SELECT count(*) AS n FROM messages m LEFT JOIN raw r ON r.id = m.id WHERE r.id IS NULL') +
      count(db, 'SELECT count(*) AS n FROM raw r LEFT JOIN messages m ON m.id = r.id WHERE m.id IS NULL'),
    'messages without raw bytes or raw bytes without a message',
  );
}

/** Every raw blob decodes to bytes of its recorded size and content hash. */
export function contentHashCheck(db: Db): Check {
  let bad = 0;
  for (const row of db
    .prepare<[], { codec: string; bytes: Buffer; hash: string; size: number }>(
      'SELECT r.codec, r.bytes, m.hash, m.size FROM raw r JOIN messages m ON m.id = r.id',
    )
    .iterate()) {
    const raw = decodeRaw(row.codec, row.bytes);
    if (raw.length !== row.size || createHash('sha256').update(raw).digest('hex') !== row.hash) bad++;
  }
  return countCheck('content hashes', bad, 'raw blobs whose bytes do not match their recorded hash');
}

/** Every message is in a thread. */
export function threadedCheck(db: Db): Check {
  return countCheck('threads', count(db, 'SELECT count(*) AS n FROM messages WHERE thread_id IS NULL'), 'messages without a thread');
}

/** A message and its stored parent share a thread. */
export function parentsCheck(db: Db): Check {
  return countCheck(
    'parents',
    count(db, 'SELECT count(*) AS n FROM messages c JOIN messages p ON p.mid = c.parent_mid WHERE p.thread_id IS NOT c.thread_id'),
    'messages in another thread than their parent',
  );
}

/** Every derived id points at the first message that carried its Message-ID. */
export function variantsCheck(db: Db): Check {
  return countCheck(
    'variants',
    count(db, "SELECT count(*) AS n FROM messages WHERE mid_source = 'derived' AND variant_of IS NULL"),
    'derived ids not linked to the first message',
  );
}
