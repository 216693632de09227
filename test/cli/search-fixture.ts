/** A file database holding the real ext4 thread slice, for the CLI tests (one per test file). */
import { join } from 'node:path';
import { importPaths } from '../../src/ingest/import.js';
import { openDb } from '../../src/store/db.js';
import { EXT4_THREADS } from '../search/fixture-db.js';
import { tempDir } from '../helpers/tmp.js';

export async function ext4Db(): Promise<string> {
  const path = join(tempDir('convene-search-cli-'), 'archive.sqlite');
  const db = openDb(path);
  await importPaths(db, [EXT4_THREADS]);
  db.close();
  return path;
}
