/**
 * The long-running daemon follows the list over IMAP with IDLE: mail that arrives while it runs is
 * stored (and its agenda items extracted) without waiting for a tick, and stopping the daemon ends
 * the IMAP loop cleanly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { configFromValue } from '../../src/config/load.js';
import { runDaemon } from '../../src/daemon/run.js';
import { openDb, type Db } from '../../src/store/db.js';
import { memoryLogger } from '../daemon/harness.js';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.js';
import { loadMbox } from '../helpers/ext4-slice.js';
import { IMAP_ENV, imapSection, newMessage, waitFor } from '../helpers/imap-config.js';

let dovecot: DovecotServer;
let dir: string;
let db: Db;

beforeAll(async () => {
  dovecot = await startDovecot();
  dovecot.addMessages('devel', (await loadMbox()).slice(0, 20));
  dir = mkdtempSync(join(tmpdir(), 'convene-idle-'));
  db = openDb(join(dir, 'convene.sqlite'));
});

afterAll(async () => {
  db?.close();
  await dovecot?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const count = (): number => (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;

it('stores mail that arrives while it runs, through IDLE, and stops cleanly', async () => {
  const config = configFromValue(
    {
      db: join(dir, 'convene.sqlite'),
      imap: imapSection(dovecot, { mailboxes: ['devel'], pollSeconds: 3600 }),
      outbox: { dir: join(dir, 'outbox') },
    },
    null,
  );
  const log = memoryLogger();
  const stop = new AbortController();
  const daemon = runDaemon({ db, config, now: Date.now, logger: log, env: IMAP_ENV, signal: stop.signal });
  await waitFor(() => count() === 20);
  await dovecot.appendMessages('devel', [newMessage('idle-1')]);
  // Polling is set to an hour and ticks only run jobs: only IDLE can bring this message in.
  await waitFor(() => db.prepare('SELECT 1 FROM messages WHERE mid = ?').get('idle-1@convene.test') !== undefined);
  stop.abort();
  await daemon;
  expect(count()).toBe(21);
  expect(log.entries.filter((e) => e.level === 'error')).toEqual([]);
  expect(log.entries.map((e) => e.msg)).toContain('daemon stopped');
  const syncs = db.prepare("SELECT count(*) AS n FROM event_log WHERE kind = 'daemon.sync'").get() as { n: number };
  expect(syncs.n).toBeGreaterThan(0);
});
