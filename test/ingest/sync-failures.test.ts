import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConveneError } from '../../src/errors.js';
import { run } from '../../src/main.js';
import { ImapSession } from '../../src/sources/imap.js';
import { openDb, type Db } from '../../src/store/db.js';
import { syncImap, type SyncSession } from '../../src/ingest/sync.js';
import { freePort, startDovecot, type DovecotServer } from '../helpers/dovecot.js';
import { distinctCount, loadMbox } from '../helpers/ext4-slice.js';
import { IMAP_ENV, memoryLogger, testImapConfig } from '../helpers/imap-config.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';

let server: DovecotServer;
let raws: Buffer[];
let dir: string;
// Fast backoff for tests: the policy is the same, only the scale is small.
const backoff = { baseMs: 50, maxMs: 400, factor: 2 };

beforeAll(async () => {
  [server, raws] = await Promise.all([startDovecot(), loadMbox()]);
  dir = mkdtempSync(join(tmpdir(), 'convene-sync-fail-'));
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (db: Db, sql: string): number => db.prepare(sql).pluck().get() as number;
const lastUid = (db: Db, mailbox: string): number =>
  db.prepare('SELECT last_uid FROM sync_state WHERE mailbox = ?').pluck().get(mailbox) as number;

/** Captures a command's output streams. */
function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    streams: {
      stdout: { write: (s: string) => ((out.stdout += s), true) } as unknown as NodeJS.WritableStream,
      stderr: { write: (s: string) => ((out.stderr += s), true) } as unknown as NodeJS.WritableStream,
      env: { ...process.env, ...IMAP_ENV },
    },
  };
}

describe('IMAP sync when things go wrong', () => {
  test('Dovecot stopped mid-sync and started again: the sync reconnects with backoff and finishes', async () => {
    server.addMessages('restart', raws);
    const db = openDb(join(dir, 'restart.sqlite'));
    let outage: Promise<void> | undefined;
    // After the first committed batch, stop the server (the fetch loop waits between batches,
    // so the next FETCH meets a dead connection), and start it again a little later.
    const open = async (...args: Parameters<typeof ImapSession.open>): Promise<SyncSession> => {
      const session = await ImapSession.open(...args);
      return {
        fetchNew: async function* (mailbox, cursor, size, signal) {
          for await (const event of session.fetchNew(mailbox, cursor, size, signal)) {
            yield event;
            // The sync asks for the next event once it has committed this batch.
            if (event.kind === 'batch' && !outage) {
              await server.stop();
              outage = (async () => {
                await new Promise((r) => setTimeout(r, 300));
                await server.start();
              })();
            }
          }
        },
        waitForChange: (...a) => session.waitForChange(...a),
        close: () => session.close(),
      };
    };
    const logger = memoryLogger();
    const result = await syncImap({
      db,
      config: testImapConfig(server, { mailboxes: ['restart'] }),
      once: true,
      env: IMAP_ENV,
      backoff,
      logger,
      open,
    });
    await outage;
    const box = result.mailboxes[0]!;
    expect(result.reconnects).toBeGreaterThanOrEqual(1);
    expect(box).toMatchObject({ read: 200, duplicates: 0, lastUid: 200 });
    expect(count(db, 'SELECT count(*) FROM messages')).toBe(distinctCount(raws));
    expect(lastUid(db, 'restart')).toBe(200);
    const retries = logger.entries.filter((e) => e.fields.msg === 'imap connection failed; reconnecting');
    expect(retries.length).toBe(result.reconnects);
    // Exponential: each retry's delay ceiling doubles (equal jitter keeps it above half of it).
    retries.forEach((e, i) => expect(e.fields.delayMs).toBeGreaterThanOrEqual(Math.min(backoff.maxMs, backoff.baseMs * 2 ** i) / 2));
    db.close();
  });

  test.each([
    ['in the first batch', 100_000],
    ['in a later batch', 700_000],
  ])('a connection cut mid-FETCH %s resumes from the cursor with no duplicates', async (_when, bytes) => {
    const mailbox = `cut-${bytes}`;
    server.addMessages(mailbox, raws);
    const proxy = await startTcpProxy(server.port);
    proxy.cutAfter(1, bytes);
    const db = openDb(join(dir, `${mailbox}.sqlite`));
    const committed: number[] = [];
    try {
      const result = await syncImap({
        db,
        env: IMAP_ENV,
        once: true,
        backoff,
        config: testImapConfig(server, { port: proxy.port, mailboxes: [mailbox] }),
        onProgress: (p) => void (p.done > 0 && committed.push(p.summary.lastUid)),
      });
      expect(proxy.cuts).toBe(1);
      expect(proxy.connections).toBe(2);
      expect(result.reconnects).toBe(1);
      // Every UID read exactly once: the cut batch was never committed, the next connection
      // started after the last committed one.
      expect(result.mailboxes[0]).toMatchObject({ read: 200, duplicates: 0, lastUid: 200 });
      expect(committed).toEqual([50, 100, 150, 200]);
      expect(count(db, 'SELECT count(*) FROM messages')).toBe(distinctCount(raws));
      expect(count(db, 'SELECT count(*) FROM copies')).toBe(0);
      expect(lastUid(db, mailbox)).toBe(200);
    } finally {
      db.close();
      await proxy.close();
    }
  });

  test('a wrong password fails at once with a clear error and exit code 3, even in watch mode (no retry storm)', async () => {
    const proxy = await startTcpProxy(server.port);
    const passFile = join(dir, 'wrong-pass');
    writeFileSync(passFile, 'not-the-password\n');
    const configPath = join(dir, 'wrong.yaml');
    writeFileSync(
      configPath,
      [
        'imap:',
        '  host: 127.0.0.1',
        `  port: ${proxy.port}`,
        '  secure: false',
        '  user: test',
        `  password: { file: ${passFile} }`,
        `  tls: { ca: ${server.caPath} }`,
        '  mailboxes: [restart]',
      ].join('\n'),
    );
    const { out, streams } = io();
    try {
      // Without --once: the daemon-style loop must not retry rejected credentials either.
      const code = await run(['--db', join(dir, 'wrong.sqlite'), '--config', configPath, 'sync'], streams);
      expect(code).toBe(3);
      const last = out.stderr.trim().split('\n').at(-1)!;
      expect(last).toMatch(/^convene: IMAP login as test at 127\.0\.0\.1:\d+ was rejected .*check the password \(imap\.password\)$/);
      expect(out.stderr).not.toContain('not-the-password');
      expect(proxy.connections).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  test('the API reports an auth failure as ConveneError IMAP_AUTH after one attempt', async () => {
    const db = openDb(':memory:');
    const err = await syncImap({
      db,
      config: testImapConfig(server, { mailboxes: ['restart'] }),
      once: true,
      env: { IMAP_PASS: 'wrong' },
      backoff,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConveneError);
    expect((err as ConveneError).code).toBe('IMAP_AUTH');
    expect((err as ConveneError).exitCode).toBe(3);
    db.close();
  });

  test('--once gives up on an unreachable server after a bounded number of backed-off attempts', async () => {
    const port = await freePort(); // nothing listens here
    const delays: number[] = [];
    const db = openDb(':memory:');
    const err = await syncImap({
      db,
      env: IMAP_ENV,
      once: true,
      maxAttempts: 4,
      backoff: { baseMs: 1000, maxMs: 60_000, factor: 2 },
      config: testImapConfig(server, { port, mailboxes: ['x'] }),
      random: () => 0.5,
      sleep: async (ms) => void delays.push(ms),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConveneError);
    expect((err as ConveneError).code).toBe('IMAP_CONNECT');
    expect((err as Error).message).toMatch(/ECONNREFUSED|connect/i);
    expect((err as Error).message).toContain('gave up after 4 attempts');
    expect(delays).toEqual([750, 1500, 3000]);
    db.close();
  });

  test('a failure while storing is not mistaken for a dropped connection: no retry, cursor unmoved', async () => {
    server.addMessages('store-fails', raws.slice(0, 10));
    const db = openDb(':memory:');
    let connections = 0;
    const err = await syncImap({
      db,
      env: IMAP_ENV,
      once: true,
      backoff,
      config: testImapConfig(server, { mailboxes: ['store-fails'] }),
      afterStore: [
        () => {
          throw new Error('disk full');
        },
      ],
      open: async (...args) => (connections++, ImapSession.open(...args)),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConveneError);
    expect((err as ConveneError).code).toBe('DB');
    expect((err as Error).message).toBe('storing mail from IMAP mailbox store-fails failed: disk full');
    expect(connections).toBe(1);
    expect(count(db, 'SELECT count(*) FROM messages')).toBe(0);
    expect(db.prepare("SELECT last_uid FROM sync_state WHERE mailbox = 'store-fails'").pluck().get()).toBeUndefined();
    db.close();
  });

  test('a mailbox that does not exist is a clear error, not retried', async () => {
    const db = openDb(':memory:');
    const err = await syncImap({
      db,
      env: IMAP_ENV,
      once: true,
      backoff,
      config: testImapConfig(server, { mailboxes: ['no-such-box'] }),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConveneError);
    expect((err as Error).message).toContain('"no-such-box" does not exist');
    db.close();
  });

  test('a busy database (another writer holding it) is waited out, not the end of the sync', async () => {
    server.addMessages('busy', raws.slice(0, 60));
    const path = join(dir, 'busy.sqlite');
    const db = openDb(path);
    db.pragma('busy_timeout = 50');
    // Another process (here: another connection) holds the write lock, as `db reindex` does.
    const other = openDb(path);
    other.prepare('BEGIN IMMEDIATE').run();
    const delays: number[] = [];
    const result = await syncImap({
      config: testImapConfig(server, { mailboxes: ['busy'], batchSize: 20 }),
      db,
      env: IMAP_ENV,
      once: true,
      backoff,
      sleep: async (ms) => {
        delays.push(ms);
        if (other.inTransaction) other.prepare('COMMIT').run(); // the other writer finishes
      },
    });
    other.close();
    expect(delays.length).toBeGreaterThan(0);
    expect(result.mailboxes[0]!.stored).toBe(distinctCount(raws.slice(0, 60)));
    expect(count(db, 'SELECT count(*) FROM messages')).toBe(distinctCount(raws.slice(0, 60)));
    db.close();
  });
});
