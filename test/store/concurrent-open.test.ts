/**
 * Two processes opening a new archive at once (the daemon creating it while `convene status`
 * polls, CI stop 18): both read schema version 0, and the one that waited for the other's
 * migration ran it again ("table messages already exists") and died. The migration must read the
 * version again under the write lock. Deterministic: this process holds the write lock on an
 * empty WAL database while a child process opens it with convene's openDb, and migrates the
 * schema itself before letting go; the child must then find the schema current and open cleanly.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { tempDir } from '../helpers/tmp.js';

const DB_JS = resolve(import.meta.dirname, '../../dist/src/store/db.js');

beforeAll(() => {
  if (!existsSync(DB_JS)) throw new Error(`${DB_JS} is missing: run npm run build first`);
});

it('a process that opens the archive while another migrates it waits, then finds the schema current', async () => {
  const path = join(tempDir('convene-open-race-'), 'a.sqlite');
  const other = new Database(path);
  other.pragma('journal_mode = WAL');
  other.exec('BEGIN IMMEDIATE');

  const script = `const { openDb } = await import(${JSON.stringify(pathToFileURL(DB_JS).href)});
    try { openDb(${JSON.stringify(path)}).close(); } catch (e) { console.error(e.message); process.exit(1); }`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', done));

  // Let the child start, read version 0 and block on the write lock; then migrate as "the other process".
  await new Promise((r) => setTimeout(r, 1500));
  for (const m of MIGRATIONS) {
    other.exec(m.up);
    other.pragma(`user_version = ${m.version}`);
  }
  other.exec('COMMIT');
  other.close();

  expect(await exited, stderr).toBe(0);
  const db = new Database(path, { readonly: true });
  expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
  db.close();
});
