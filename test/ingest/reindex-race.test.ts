/**
 * `db reindex` while another process writes (issue 13, item 2; repro 02): the other writer commits
 * a batch while reindex waits for the write lock. Reindex used to read the list of messages before
 * taking the lock, so the late batch lost its threads and search rows for good. Now reindex reads
 * everything inside its one IMMEDIATE transaction: it sees every committed row, and nothing
 * commits in between.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { checkArchive } from '../../src/ingest/archive-check.js';
import { Ingester } from '../../src/ingest/ingester.js';
import { reindex } from '../../src/ingest/reindex.js';
import { openDb } from '../../src/store/db.js';
import { tempDir } from '../helpers/tmp.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist', 'src');

beforeAll(() => {
  if (!existsSync(join(DIST, 'ingest', 'ingester.js'))) throw new Error('dist/ is missing: run npm run build first');
});

const mail = (i: number, parent?: number): Buffer =>
  Buffer.from(
    `From: a${i}@example.org\nSubject: message ${i}\nMessage-ID: <m${i}@example.org>\n` +
      (parent !== undefined ? `In-Reply-To: <m${parent}@example.org>\n` : '') +
      `Date: Mon, 1 Jun 2026 10:00:${String(i % 60).padStart(2, '0')} +0000\n\nbody word${i}\n`,
  );

/**
 * Another process (the compiled modules, as an importer runs them) takes the write lock, stores
 * three messages, says "locked", waits, then commits and exits.
 */
function writerHoldingTheLock(path: string, holdMs: number): { locked: Promise<void>; exited: Promise<number | null> } {
  const script = `
    const { openDb } = await import(${JSON.stringify(join(DIST, 'store', 'db.js'))});
    const { Ingester } = await import(${JSON.stringify(join(DIST, 'ingest', 'ingester.js'))});
    const db = openDb(${JSON.stringify(path)});
    db.prepare('BEGIN IMMEDIATE').run();
    const mail = (i, p) => Buffer.from('From: a' + i + '@example.org\\nSubject: late ' + i + '\\nMessage-ID: <late' + i +
      '@example.org>\\n' + (p ? 'In-Reply-To: <m' + p + '@example.org>\\n' : '') + '\\nlate body\\n');
    await new Ingester(db).ingestBatch([{ raw: mail(1, 1) }, { raw: mail(2) }, { raw: mail(3, 2) }]);
    process.stdout.write('locked\\n');
    setTimeout(() => { db.prepare('COMMIT').run(); db.close(); process.exit(0); }, ${holdMs});
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const locked = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { locked, exited };
}

test('a batch another process commits while reindex waits for the lock is reindexed too', async () => {
  const path = join(tempDir(), 'race.sqlite');
  const db = openDb(path);
  await new Ingester(db).ingestBatch([1, 2, 3, 4].map((i) => ({ raw: mail(i, i > 1 ? i - 1 : undefined) })));
  const writer = writerHoldingTheLock(path, 1500);
  await writer.locked;
  // Reindex waits (busy timeout) for the writer's commit, then rebuilds.
  const summary = await reindex(db);
  expect(await writer.exited).toBe(0);
  expect(summary.messages).toBe(7);
  const check = checkArchive(db);
  expect(check.checks.filter((c) => !c.ok)).toEqual([]);
  const unthreaded = db.prepare('SELECT count(*) FROM messages WHERE thread_id IS NULL').pluck().get();
  expect(unthreaded).toBe(0);
  db.close();
});
