/** A file database holding the real ext4 thread slice, for the CLI tests (one per test file). */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { importPaths } from '../../src/ingest/import.js';
import { openDb } from '../../src/store/db.js';
import { EXT4_THREADS } from '../search/fixture-db.js';
import { tempDir } from '../helpers/tmp.js';

// Made while the test file is collected, so its clean-up hook registers (tempDir() called from
// inside a test or a beforeAll registers none, and the folder stayed in /tmp).
const scratch = tempDir('convene-search-cli-');

export async function ext4Db(): Promise<string> {
  const path = join(mkdtempSync(join(scratch, 'db-')), 'archive.sqlite');
  const db = openDb(path);
  await importPaths(db, [EXT4_THREADS]);
  db.close();
  return path;
}
