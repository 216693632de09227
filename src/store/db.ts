import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ConveneError } from '../errors.js';
import { MIGRATIONS } from './migrations/index.js';
import { registerDictionary } from '../mail/raw-dictionaries.js';
import { rawDictionaries } from './raw-dicts.js';

export type Db = Database.Database;

/**
 * Open (creating if needed) the database: WAL so readers never block the writer, a busy timeout
 * so the CLI and the daemon can share the file, then apply pending migrations.
 */
export function openDb(path: string, options: { readonly?: boolean } = {}): Db {
  if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    const addon = nativeAddon();
    db = new Database(path, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      ...(addon ? { nativeBinding: addon } : {}),
    });
  } catch (err) {
    throw new ConveneError('DB', `cannot open database ${path}: ${(err as Error).message}`, { cause: err });
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db);
    } else {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version < MIGRATIONS.length) {
        db.close();
        return openDb(path); // an older database: migrate it once, read-write
      }
    }
    loadDictionaries(db);
    // A modest page cache and no mmap: mapped pages count towards RSS, and peak RSS during an
    // import must stay flat whatever the archive's size. The OS page cache serves reads anyway.
    db.pragma('cache_size = -16384');
    db.pragma('temp_store = MEMORY');
  } catch (err) {
    db.close();
    throw sqliteError(err, path);
  }
  return db;
}

/**
 * An error from SQLite as one line naming the database file and what to do, with the DB exit
 * code (read-only file or directory, full disk, damaged file), instead of an "internal error".
 * Other errors, and SQLITE_BUSY (the caller's to retry or report), come back unchanged.
 */
export function sqliteError(err: unknown, path: string): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_') || code.startsWith('SQLITE_BUSY')) return err;
  const msg = (err as Error).message;
  const what = code.startsWith('SQLITE_READONLY')
    ? `the database ${path} is read-only (the file or its directory cannot be written)`
    : code === 'SQLITE_FULL'
      ? `the disk holding ${path} is full; the step that failed stored nothing`
      : code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'
        ? `the database ${path} is damaged or not a database (${msg})`
        : code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')
          ? `cannot read or write the database ${path} (${msg})`
          : code === 'SQLITE_TOOBIG' || code === 'SQLITE_ERROR'
            ? null
            : `database ${path}: ${msg}`;
  return what === null ? err : new ConveneError('DB', what, { cause: err });
}

let addonPath: string | null | undefined;

/**
 * better-sqlite3's compiled addon, named to it directly: its own search (the `bindings` package)
 * stats a dozen candidate paths and walks a stack trace, ~1.5 ms of every CLI start, and inside
 * the bundled CLI (dist/bin/cli.js holds better-sqlite3's JavaScript) it would search the bundle's
 * folder. Null (let better-sqlite3 search) when the addon is not where a normal build puts it.
 */
function nativeAddon(): string | null {
  if (addonPath === undefined) {
    const pkg = createRequire(import.meta.url).resolve('better-sqlite3/package.json');
    const path = join(dirname(pkg), 'build', 'Release', 'better_sqlite3.node');
    addonPath = existsSync(path) ? path : null;
  }
  return addonPath;
}

/** Register the archive's raw-compression dictionaries so raw bytes decode anywhere. */
function loadDictionaries(db: Db): void {
  for (const row of rawDictionaries(db)) registerDictionary(row.hash, row.bytes);
}

/**
 * Run `fn` in one IMMEDIATE transaction that may await in between (db reindex parses as it goes):
 * committed when it resolves, rolled back when it throws. better-sqlite3's db.transaction() takes
 * only synchronous functions.
 */
export async function inImmediateTransaction<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  db.prepare('BEGIN IMMEDIATE').run();
  try {
    const result = await fn();
    db.prepare('COMMIT').run();
    return result;
  } catch (err) {
    if (db.inTransaction) db.prepare('ROLLBACK').run();
    throw err;
  }
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new ConveneError('DB', `database schema version ${current} is newer than this convene (${latest})`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    // Another process may have run this step since `current` was read (a daemon creating the
    // archive while `convene status` opens it): take the write lock first (IMMEDIATE), then read
    // the version again, or the step runs twice ("table messages already exists", CI stop 18).
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
