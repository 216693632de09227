import { indexedCount, indexIntegrity } from '../search/index-writer.js';
import {
  contentHashCheck,
  countCheck,
  parentsCheck,
  rawRowsCheck,
  sqliteCheck,
  threadedCheck,
  variantsCheck,
  type Check,
} from '../store/check.js';
import type { Db } from '../store/db.js';
import { messageCount } from '../store/message-reader.js';
import { ghostsOfStoredMessages } from '../thread/ghosts.js';
import { summaryMismatches } from '../thread/summary-store.js';

export interface CheckResult {
  readonly ok: boolean;
  readonly checks: readonly Check[];
}

/**
 * `db check`: the integrity of the archive and of what ingest derives from it. SQLite's own
 * check, counts that must agree, every raw blob hashing to its recorded content hash, threads
 * and the search index consistent. Each table's owner checks its own rows. A check that cannot
 * run (a damaged file, an undecodable row) is reported as failed with its error, and the others
 * still run: the report is what `db check` is for.
 */
export function checkArchive(db: Db): CheckResult {
  const run = (name: string, check: () => Check): Check => {
    try {
      return check();
    } catch (err) {
      return { name, ok: false, detail: `could not be checked: ${(err as Error).message}` };
    }
  };
  const counts = (): { indexed: number; messages: number } => ({ indexed: indexedCount(db), messages: messageCount(db) });
  const checks: Check[] = [
    run('sqlite', () => sqliteCheck(db)),
    run('raw rows', () => rawRowsCheck(db)),
    run('content hashes', () => contentHashCheck(db)),
    run('threads', () => threadedCheck(db)),
    run('ghosts', () => countCheck('ghosts', ghostsOfStoredMessages(db), 'ghost rows for messages that are stored')),
    run('parents', () => parentsCheck(db)),
    run('thread summaries', () =>
      countCheck('thread summaries', summaryMismatches(db), 'threads whose summary row differs from their messages'),
    ),
    run('variants', () => variantsCheck(db)),
    run('search index', () => {
      const { indexed, messages } = counts();
      return countCheck('search index', Math.abs(indexed - messages), `index rows differ from messages (${indexed} vs ${messages})`);
    }),
    run('fts5', () => ftsCheck(db)),
  ];
  return { ok: checks.every((c) => c.ok), checks };
}

function ftsCheck(db: Db): Check {
  try {
    const problem = indexIntegrity(db);
    return { name: 'fts5', ok: problem === null, detail: problem ?? 'ok' };
  } catch (err) {
    // FTS5's integrity-check is run as an INSERT: a read-only archive (SQLite opens a file it may
    // not write read-only, silently) cannot take it, which is no problem of the archive.
    if ((err as { code?: unknown }).code === 'SQLITE_READONLY')
      return { name: 'fts5', ok: true, detail: 'not checked: read-only database' };
    throw err;
  }
}
