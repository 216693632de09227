/**
 * Crash safety of `convene import`: a real process, killed with SIGKILL at several points (before
 * the first commit, mid-transaction, later), then re-run to the end. The archive must hold exactly
 * the distinct messages of the file (by content hash, as an uninterrupted import stores them),
 * nothing twice, and `db check` must be clean.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { run } from '../../src/main.js';
import { openDb, type Db } from '../../src/store/db.js';
import { contentHash } from '../../src/store/message-writer.js';
import { EXT4_2000, loadMbox } from '../helpers/ext4-slice.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'dist', 'bin', 'main.js');
let dir: string;

beforeAll(() => {
  // The CLI under test is the compiled one (`node dist/bin/main.js`), as users run it; `npm test`
  // builds it first (the pretest script).
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  dir = mkdtempSync(join(tmpdir(), 'convene-crash-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Messages committed so far, read through a separate connection (WAL lets it read while the import writes). */
function committed(path: string): number {
  if (!existsSync(path)) return 0;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) FROM messages').pluck().get() as number) ?? 0;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not migrated yet, or busy
  }
}

const walSize = (path: string): number => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);

/** Run the import; SIGKILL it as soon as `killWhen` holds. Resolves how it ended. */
function importUntil(
  db: string,
  killWhen: ((elapsedMs: number) => boolean) | null,
): Promise<{ killed: boolean; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, '--db', db, 'import', EXT4_2000], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const started = Date.now();
    let killed = false;
    const timer = killWhen
      ? setInterval(() => {
          if (!killed && child.exitCode === null && killWhen(Date.now() - started)) {
            killed = child.kill('SIGKILL');
          }
        }, 5)
      : undefined;
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      resolve({ killed: signal === 'SIGKILL', code, stderr });
    });
  });
}

test('kill -9 an import at several points, re-run: exactly the expected messages, no duplicates, db check clean', async () => {
  // The oracle: the distinct contents of the file (identical copies are stored once).
  const expected = [...new Set((await loadMbox(EXT4_2000)).map((raw) => contentHash(raw)))].sort();
  expect(expected.length).toBeGreaterThan(1900);

  const path = join(dir, 'crashed.sqlite');
  const kills: { point: string; killed: boolean; before: number; after: number }[] = [];
  const points: [string, (ms: number) => boolean][] = [
    // During start-up or the first batch: maybe no database yet, maybe one half-written transaction.
    ['early', (ms) => ms > 150 || walSize(path) > 0],
    // Mid-batch: the WAL grows while a transaction is being written.
    ['mid-transaction', () => walSize(path) > 3_000_000 && committed(path) > 0],
    ['later', () => committed(path) >= 1000],
  ];
  for (const [point, when] of points) {
    const before = committed(path);
    const outcome = await importUntil(path, when);
    kills.push({ point, killed: outcome.killed, before, after: committed(path) });
    if (!outcome.killed) expect(outcome.code, outcome.stderr).toBe(0);
  }
  // The kills must really have landed mid-import (each run restarts the file from the top and
  // recognises what is stored, so later kill points are reached again).
  expect(kills.filter((k) => k.killed).length, JSON.stringify(kills)).toBe(3);

  const final = await importUntil(path, null);
  expect(final.code, final.stderr).toBe(0);

  const db = openDb(path);
  try {
    expect(hashes(db)).toEqual(expected);
    const n = (sql: string): number => db.prepare(sql).pluck().get() as number;
    expect(n('SELECT count(*) FROM messages')).toBe(expected.length);
    expect(n('SELECT count(DISTINCT mid) FROM messages')).toBe(expected.length);
    expect(n('SELECT count(*) FROM raw')).toBe(expected.length);
    expect(n('SELECT count(*) FROM messages WHERE thread_id IS NULL')).toBe(0);
    expect(n('SELECT count(*) FROM messages_fts')).toBe(expected.length);
  } finally {
    db.close();
  }
  let out = '';
  const code = await run(['--db', path, 'db', 'check', '--json'], {
    stdout: { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: () => true } as unknown as NodeJS.WritableStream,
    env: process.env,
  });
  const check = JSON.parse(out) as { ok: boolean; checks: { name: string; ok: boolean; detail: string }[] };
  expect(check.checks.filter((c) => !c.ok)).toEqual([]);
  expect(code).toBe(0);
}, 180_000);

function hashes(db: Db): string[] {
  return db.prepare('SELECT hash FROM messages ORDER BY hash').pluck().all() as string[];
}
