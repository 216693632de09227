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
 * and the search index consistent. Each table's owner checks its own rows.
 */
export function checkArchive(db: Db): CheckResult {
  const indexed = indexedCount(db);
  const messages = messageCount(db);
  const checks: Check[] = [
    sqliteCheck(db),
    rawRowsCheck(db),
    contentHashCheck(db),
    threadedCheck(db),
    countCheck('ghosts', ghostsOfStoredMessages(db), 'ghost rows for messages that are stored'),
    parentsCheck(db),
    countCheck('thread summaries', summaryMismatches(db), 'threads whose summary row differs from their messages'),
    variantsCheck(db),
    countCheck('search index', Math.abs(indexed - messages), `index rows differ from messages (${indexed} vs ${messages})`),
    ftsCheck(db),
  ];
  return { ok: checks.every((c) => c.ok), checks };
}

function ftsCheck(db: Db): Check {
  const problem = indexIntegrity(db);
  return { name: 'fts5', ok: problem === null, detail: problem ?? 'ok' };
}
