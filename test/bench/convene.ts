import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runTimed, type RunOptions, type TimedRun } from './util.js';

/** The built CLI; the bench runs what users run (`node dist/bin/main.js`). */
export function conveneMain(root: string): string {
  return join(root, 'dist', 'bin', 'main.js');
}

/** argv for one convene invocation against a database. */
export function conveneArgv(root: string, db: string, args: readonly string[]): string[] {
  return [process.execPath, conveneMain(root), '--db', db, ...args];
}

/**
 * Run convene as a whole process. `cwd` should be a scratch directory so a convene.yaml in the
 * checkout is never picked up by accident.
 */
export async function runConvene(
  root: string,
  db: string,
  args: readonly string[],
  options: RunOptions & { measureRss?: boolean } = {},
): Promise<TimedRun> {
  const [node, ...rest] = conveneArgv(root, db, args);
  return runTimed(node!, rest, options);
}

/** Database size: the main file plus WAL and shared-memory files as they are now. */
export function sqliteFilesSize(db: string): number {
  let total = 0;
  for (const p of [db, `${db}-wal`, `${db}-shm`]) if (existsSync(p)) total += statSync(p).size;
  return total;
}

/** What the archive holds after a run, read straight from SQLite. */
export interface DbFacts {
  readonly bytesBeforeCheckpoint: number;
  /** main file + WAL after `wal_checkpoint(TRUNCATE)`: the size the data really takes. */
  readonly bytes: number;
  readonly messages: number;
  readonly rawBytes: number;
}

/**
 * Checkpoint the WAL into the main file (TRUNCATE), close, and measure: the size then is what
 * the data really takes on disk (-shm disappears on the last close).
 */
export function dbFacts(db: string): DbFacts {
  const before = sqliteFilesSize(db);
  const h = new Database(db);
  let messages: number;
  let rawBytes: number;
  try {
    h.pragma('wal_checkpoint(TRUNCATE)');
    messages = (h.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
    rawBytes = (h.prepare('SELECT coalesce(sum(length(bytes)), 0) AS n FROM raw').get() as { n: number }).n;
  } finally {
    h.close();
  }
  return { bytesBeforeCheckpoint: before, bytes: sqliteFilesSize(db), messages, rawBytes };
}
