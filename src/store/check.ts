import type { Db } from './db.js';
import { CorruptMessage, verifiedRaw } from './raw-reader.js';

/** One named check of `db check`. */
export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  /** The messages at fault, by Message-ID, when the check names them. */
  readonly messages?: readonly string[];
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

/** Messages a check names in its one-line detail; the rest are in `messages` (--json). */
const NAMED = 10;

/**
 * Every raw blob decodes to bytes of its recorded size and content hash. A blob that does not
 * decode is counted and named like one that decodes to other bytes, and the check goes on.
 */
export function contentHashCheck(db: Db): Check {
  const bad: string[] = [];
  for (const row of db
    .prepare<[], { id: number; mid: string; codec: string; bytes: Buffer; hash: string; size: number }>(
      'SELECT r.id, m.mid, r.codec, r.bytes, m.hash, m.size FROM raw r JOIN messages m ON m.id = r.id',
    )
    .iterate()) {
    try {
      verifiedRaw(row, db);
    } catch (err) {
      if (!(err instanceof CorruptMessage)) throw err;
      bad.push(row.mid);
    }
  }
  if (!bad.length) return countCheck('content hashes', 0, '');
  const named =
    bad
      .slice(0, NAMED)
      .map((m) => `<${m}>`)
      .join(', ') + (bad.length > NAMED ? `, and ${bad.length - NAMED} more` : '');
  return {
    name: 'content hashes',
    ok: false,
    detail: `${bad.length} raw blobs that do not decode or do not match their recorded hash: ${named}`,
    messages: bad,
  };
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
