import { createHash } from 'node:crypto';
import type { Db } from './db.js';
import { decodeRaw } from '../mail/raw-codec.js';

export interface CheckResult {
  readonly ok: boolean;
  readonly checks: readonly { readonly name: string; readonly ok: boolean; readonly detail: string }[];
}

/**
 * Integrity of the archive and its caches: SQLite's own check, counts that must agree, every raw
 * blob hashing to its recorded content hash, threads and the search index consistent.
 */
export function checkArchive(db: Db): CheckResult {
  const checks: { name: string; ok: boolean; detail: string }[] = [];
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  const add = (name: string, bad: number, what: string): void => {
    checks.push({ name, ok: bad === 0, detail: bad === 0 ? 'ok' : `${bad} ${what}` });
  };

  const quick = db.pragma('quick_check', { simple: true }) as string;
  checks.push({ name: 'sqlite', ok: quick === 'ok', detail: quick });
  add(
    'raw rows',
    count('SELECT count(*) AS n FROM messages m LEFT JOIN raw r ON r.id = m.id WHERE r.id IS NULL') +
      count('SELECT count(*) AS n FROM raw r LEFT JOIN messages m ON m.id = r.id WHERE m.id IS NULL'),
    'messages without raw bytes or raw bytes without a message',
  );

  let badHash = 0;
  for (const row of db
    .prepare<[], { codec: string; bytes: Buffer; hash: string; size: number }>(
      'SELECT r.codec, r.bytes, m.hash, m.size FROM raw r JOIN messages m ON m.id = r.id',
    )
    .iterate()) {
    const raw = decodeRaw(row.codec, row.bytes);
    if (raw.length !== row.size || createHash('sha256').update(raw).digest('hex') !== row.hash) badHash++;
  }
  add('content hashes', badHash, 'raw blobs whose bytes do not match their recorded hash');
  add('threads', count('SELECT count(*) AS n FROM messages WHERE thread_id IS NULL'), 'messages without a thread');
  add('ghosts', count('SELECT count(*) AS n FROM ghosts g JOIN messages m ON m.mid = g.mid'), 'ghost rows for messages that are stored');
  add(
    'parents',
    count('SELECT count(*) AS n FROM messages c JOIN messages p ON p.mid = c.parent_mid WHERE p.thread_id IS NOT c.thread_id'),
    'messages in another thread than their parent',
  );
  add(
    'variants',
    count("SELECT count(*) AS n FROM messages WHERE mid_source = 'derived' AND variant_of IS NULL"),
    'derived ids not linked to the first message',
  );
  const indexed = count('SELECT count(*) AS n FROM messages_fts');
  const messages = count('SELECT count(*) AS n FROM messages');
  add('search index', Math.abs(indexed - messages), `index rows differ from messages (${indexed} vs ${messages})`);
  try {
    db.exec("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')");
    checks.push({ name: 'fts5', ok: true, detail: 'ok' });
  } catch (err) {
    checks.push({ name: 'fts5', ok: false, detail: (err as Error).message });
  }
  return { ok: checks.every((c) => c.ok), checks };
}
