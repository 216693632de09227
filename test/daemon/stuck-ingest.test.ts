/**
 * A daemon whose ingestion is stuck (issue 13, item 1, the daemon's side): a parse worker that
 * never answers used to leave the daemon silent, and SIGTERM could not stop it. With the real
 * daemon process: `convene status` (another process) says ingestion is stuck, SIGTERM ends the
 * daemon within seconds (the batch is abandoned at the stop deadline, its cursor not moved), and
 * the next start stores every message: nothing lost, nothing twice.
 *
 * The hung parse comes from a test-only entry point (test/helpers/fault-bin.ts) that gives the
 * daemon's parse pool a worker which never answers a message carrying `X-Test-Worker: hang`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { feed, type BatchWatch } from '../../src/ingest/feed.js';
import { ingestStatus, IngestHealthRecorder } from '../../src/ingest/health.js';
import { prepareInThread, type Prepare } from '../../src/mail/prepare-pool.js';
import { openDb } from '../../src/store/db.js';
import { cli } from '../helpers/cli.js';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.js';
import { IMAP_ENV } from '../helpers/imap-config.js';
import { tempDir } from '../helpers/tmp.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'dist/bin/main.js');
const FAULT_BIN = join(ROOT, 'dist/test/helpers/fault-bin.js');
const HANGING_WORKER = join(ROOT, 'dist/test/helpers/crashing-prepare-worker.js');
const N = 80; // a batch of 64 or more starts the daemon's parse pool (prepare-pool.ts lazyPool)

beforeAll(() => {
  for (const f of [BIN, FAULT_BIN, HANGING_WORKER]) if (!existsSync(f)) throw new Error(`${f} is missing: run npm run build first`);
});

let child: ChildProcess | undefined;
let dovecot: DovecotServer | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  await dovecot?.close();
  dovecot = undefined;
});

/** N messages; the last one makes the test worker hang. */
function messages(): string[] {
  return Array.from({ length: N }, (_, i) => {
    const cue = i === N - 1 ? 'X-Test-Worker: hang\n' : '';
    return `From: a${i}@example.org\nSubject: message ${i}\nMessage-ID: <m${i}@example.org>\n${cue}\nbody ${i}\n`;
  });
}

/** Polls fn until it gives a value; on timeout the error says what was last seen (`seen`). */
async function until<T>(what: string, fn: () => Promise<T | null>, seen: () => string, ms = 45_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; ${seen()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The scenario, for a daemon configured by `source` (a local mbox, or IMAP): the fault bin's daemon
 * gets stuck on the batch, status says so, SIGTERM ends it within seconds with nothing stored,
 * and a pass of the installed bin then stores all N messages once.
 */
async function stuckThenStopped(source: Record<string, unknown>, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const dir = tempDir('convene-stuck-');
  const config = join(dir, 'convene.yaml');
  writeFileSync(config, JSON.stringify({ db: join(dir, 'a.sqlite'), ...source, transport: 'file', outbox: { dir: join(dir, 'out') } }));
  let log = '';
  child = spawn(process.execPath, [FAULT_BIN, '--config', config, 'daemon', '--tick', '1'], {
    env: { ...process.env, ...env, CONVENE_TEST_WORKER: HANGING_WORKER },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((done) => child!.on('exit', (code) => done(code)));

  // Another process, the installed bin: the batch in flight, then stuck past --stuck-after.
  let last = '';
  const status = await until(
    'status to report the stuck batch',
    async () => {
      const r = await cli(['--config', config, 'status', '--stuck-after', '2'], env);
      last = r.stdout + r.stderr;
      return r.stdout.includes('ingestion: STUCK') ? r : null;
    },
    () => `last status:\n${last}\ndaemon log:\n${log}`,
  );
  expect(status.code).toBe(1);
  expect(status.stdout).toMatch(new RegExp(`^daemon: running, pid ${child.pid} on \\S+, since .*; heartbeat `, 'm'));
  const stuck = new RegExp(
    `^ingestion: STUCK: a batch of ${N} messages \\(\\d+ bytes\\) in flight since .*; nothing committed since the start$`,
    'm',
  );
  expect(status.stdout).toMatch(stuck);
  const json = JSON.parse((await cli(['--config', config, 'status', '--json', '--stuck-after', '2'], env)).stdout) as {
    daemon: { state: string; batch: { messages: number } };
  };
  expect(json.daemon).toMatchObject({ state: 'stuck', batch: { messages: N } });

  const t0 = Date.now();
  child.kill('SIGTERM');
  const code = await exited;
  expect(code, log).toBe(0);
  expect(Date.now() - t0).toBeLessThan(12_000); // the 5 s deadline, then the pool closed and the process gone
  expect(log).toContain('stop deadline: abandoning the batch in flight');
  expect(log).toContain('"msg":"daemon stopped","abandoned":true');
  expect((await cli(['--config', config, 'status'], env)).stdout).toMatch(/^daemon: not running \(stopped at /m);
  const db = openDb(join(dir, 'a.sqlite'));
  expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0); // abandoned, not half stored
  db.close();

  // The next start (no hanging worker) reads the batch again from the unmoved cursor.
  const again = spawn(process.execPath, [BIN, '--config', config, 'daemon', '--once'], {
    stdio: 'ignore',
    env: { ...process.env, ...env },
  });
  expect(await new Promise((done) => again.on('exit', done))).toBe(0);
  const db2 = openDb(join(dir, 'a.sqlite'));
  expect(db2.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(N);
  expect(db2.prepare('SELECT count(DISTINCT hash) FROM messages').pluck().get()).toBe(N);
  db2.close();
}

describe('a daemon whose ingestion is stuck says so in status, exits on SIGTERM within seconds, and loses nothing', () => {
  it('following a local mbox', async () => {
    const path = join(tempDir('convene-stuck-mbox-'), 'list.mbox');
    writeFileSync(
      path,
      messages()
        .map((m) => `From a@x Mon Jun  1 10:00:00 2026\n${m}\n`)
        .join(''),
    );
    await stuckThenStopped({ source: { path } });
  }, 120_000);

  it('following an IMAP mailbox (Dovecot)', async () => {
    dovecot = await startDovecot();
    dovecot.addMessages(
      'devel',
      messages().map((m) => Buffer.from(m)),
    );
    const imap = { host: '127.0.0.1', port: dovecot.port, secure: false, user: dovecot.user, password: { env: 'IMAP_PASS' } };
    await stuckThenStopped({ imap: { ...imap, tls: { ca: dovecot.caPath }, mailboxes: ['devel'] } }, IMAP_ENV);
  }, 120_000);
});

describe('the health row and the abandon signal, in process', () => {
  it('a batch whose preparation never ends is abandoned on the signal, uncommitted, and the watch is told', async () => {
    const db = openDb(':memory:');
    const events: string[] = [];
    const watch: BatchWatch = {
      started: (n) => events.push(`started ${n}`),
      ended: (c) => events.push(`ended ${c}`),
      pool: () => undefined,
    };
    const abandon = new AbortController();
    const committed: number[] = [];
    async function* source() {
      yield { messages: [{ raw: Buffer.from('Subject: a\nMessage-ID: <a@x>\n\na\n') }], cursor: { commit: () => void committed.push(1) } };
      yield { messages: [{ raw: Buffer.from('Subject: b\nMessage-ID: <b@x>\n\nb\n') }], cursor: { commit: () => void committed.push(2) } };
    }
    let calls = 0;
    const prepare: Prepare = (batch, dict) => (++calls === 2 ? new Promise<never>(() => undefined) : prepareInThread(batch, dict)); // the second batch's parse never ends
    setTimeout(() => abandon.abort(new Error('stopped: abandoned')), 50);
    await expect(feed(db, { meetings: [] }, source(), { prepare, watch, signal: abandon.signal })).rejects.toThrow('stopped: abandoned');
    expect(committed).toEqual([1]);
    expect(events).toEqual(['started 1', 'ended true', 'started 1', 'ended false']);
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(1);
    db.close();
  });

  it('a daemon whose first health write found the archive locked still reports its batch (the heartbeat creates the row)', () => {
    const path = join(tempDir('convene-health-lock-'), 'a.sqlite');
    const db = openDb(path);
    const other = openDb(path);
    let now = 1_000_000;
    const r = new IngestHealthRecorder(db, 'host 1', () => now);
    other.exec('BEGIN IMMEDIATE'); // another writer (a reindex, an import) at the daemon's start
    r.begin(); // skipped after the short wait: health is advice
    other.exec('COMMIT');
    r.started(80, 4000);
    now += 10_000;
    expect(ingestStatus(db, now, 2_000)).toMatchObject({ state: 'stuck', batch: { messages: 80, bytes: 4000 }, startedAt: 1_000_000 });
    other.close();
    db.close();
  });

  it('status states: busy, stuck past the limit, silent without a heartbeat, stopped', () => {
    const db = openDb(':memory:');
    let now = 1_000_000;
    const r = new IngestHealthRecorder(db, 'host 1', () => now);
    expect(ingestStatus(db, now)).toBeNull();
    r.begin();
    expect(ingestStatus(db, now)?.state).toBe('idle');
    r.started(64, 1000);
    now += 60_000;
    r.beat();
    expect(ingestStatus(db, now, 120_000)).toMatchObject({ state: 'busy', batch: { messages: 64, bytes: 1000 } });
    expect(ingestStatus(db, now, 30_000)?.state).toBe('stuck');
    r.ended(true);
    expect(ingestStatus(db, now)).toMatchObject({ state: 'idle', batch: null, lastCommitAt: now });
    expect(ingestStatus(db, now + 60_000)?.state).toBe('silent');
    r.stopped();
    expect(ingestStatus(db, now + 60_000)?.state).toBe('stopped');
    db.close();
  });
});
