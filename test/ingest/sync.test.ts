import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDb, type Db } from '../../src/store/db.js';
import { readRaw } from '../../src/store/raw-reader.js';
import { syncImap, type SyncProgress } from '../../src/ingest/sync.js';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.js';
import { distinctCount, loadMbox } from '../helpers/ext4-slice.js';
import { IMAP_ENV, memoryLogger, newMessage, testImapConfig, waitFor } from '../helpers/imap-config.js';

let server: DovecotServer;
let raws: Buffer[];
let dir: string;

beforeAll(async () => {
  [server, raws] = await Promise.all([startDovecot(), loadMbox()]);
  dir = mkdtempSync(join(tmpdir(), 'convene-sync-'));
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (db: Db, sql: string): number => (db.prepare(sql).pluck().get() as number) ?? 0;
const cursorOf = (db: Db, mailbox: string) =>
  db.prepare('SELECT uid_validity AS uidValidity, last_uid AS lastUid FROM sync_state WHERE mailbox = ?').get(mailbox) as
    { uidValidity: string; lastUid: number } | undefined;

function sync(db: Db, mailbox: string, extra: Partial<Parameters<typeof syncImap>[0]> = {}) {
  return syncImap({ db, config: testImapConfig(server, { mailboxes: [mailbox] }), once: true, env: IMAP_ENV, ...extra });
}

describe('IMAP sync against Dovecot', () => {
  test('initial sync stores every message in batches and leaves the cursor at the last UID', async () => {
    server.addMessages('initial', raws);
    const db = openDb(join(dir, 'initial.sqlite'));
    const progress: SyncProgress[] = [];
    const result = await sync(db, 'initial', { onProgress: (p) => progress.push({ ...p }) });
    const box = result.mailboxes[0]!;
    expect(box.read).toBe(200);
    expect(box.stored).toBe(distinctCount(raws));
    expect(box.stored + box.duplicates).toBe(200);
    expect(count(db, 'SELECT count(*) FROM messages')).toBe(box.stored);
    expect(cursorOf(db, 'initial')).toEqual({ uidValidity: box.uidValidity, lastUid: 200 });
    // 200 messages in batches of 50: four commits, progress ending at the total.
    expect(progress.filter((p) => p.done > 0).map((p) => p.done)).toEqual([50, 100, 150, 200]);
    expect(result.connections).toBe(1);
    // Raw bytes as the server served them (Dovecot gives CRLF line ends).
    const id = db.prepare("SELECT id FROM messages WHERE mid_source = 'header' ORDER BY id LIMIT 1").pluck().get() as number;
    const first = readRaw(db, id)!.toString('latin1');
    expect(raws.map((r) => r.toString('latin1').replace(/\r?\n/g, '\r\n'))).toContain(first);
    db.close();
  });

  test('incremental sync fetches only new mail, and a sync with nothing new reads nothing', async () => {
    server.addMessages('incremental', raws.slice(0, 20));
    const db = openDb(join(dir, 'incremental.sqlite'));
    await sync(db, 'incremental');
    server.addMessages('incremental', [newMessage('inc-1'), newMessage('inc-2'), newMessage('inc-3')]);
    const second = (await sync(db, 'incremental')).mailboxes[0]!;
    expect(second).toMatchObject({ read: 3, stored: 3, duplicates: 0, lastUid: 23 });
    // `23:*` still matches UID 23 on the server; it must not be fetched again.
    const third = (await sync(db, 'incremental')).mailboxes[0]!;
    expect(third).toMatchObject({ read: 0, stored: 0, duplicates: 0, lastUid: 23 });
    expect(count(db, 'SELECT count(*) FROM copies')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM messages')).toBe(distinctCount(raws.slice(0, 20)) + 3);
    db.close();
  });

  test('a restart between syncs (new process, same file) resumes from the stored cursor', async () => {
    const path = join(dir, 'restart.sqlite');
    server.addMessages('restart', raws.slice(0, 30));
    const before = openDb(path);
    const first = (await sync(before, 'restart')).mailboxes[0]!;
    expect(first.read).toBe(30);
    before.close();
    server.addMessages('restart', [newMessage('restart-1'), newMessage('restart-2')]);
    const after = openDb(path);
    const second = (await sync(after, 'restart')).mailboxes[0]!;
    expect(second).toMatchObject({ read: 2, stored: 2, lastUid: 32 });
    expect(count(after, 'SELECT count(*) FROM messages')).toBe(distinctCount(raws.slice(0, 30)) + 2);
    after.close();
  });

  test('a UIDVALIDITY change is logged and rescanned without importing anything twice', async () => {
    server.addMessages('validity', raws.slice(0, 40));
    const db = openDb(join(dir, 'validity.sqlite'));
    const first = (await sync(db, 'validity')).mailboxes[0]!;
    const stored = count(db, 'SELECT count(*) FROM messages');
    await server.stop();
    server.resetUids('validity');
    server.addMessages('validity', [newMessage('validity-1')]);
    await server.start();
    const logger = memoryLogger();
    const second = (await sync(db, 'validity', { logger })).mailboxes[0]!;
    expect(second.uidValidity).not.toBe(first.uidValidity);
    expect(second).toMatchObject({ uidValidityChanges: 1, read: 41, stored: 1, duplicates: 40, lastUid: 41 });
    expect(count(db, 'SELECT count(*) FROM messages')).toBe(stored + 1);
    const events = db.prepare("SELECT detail FROM event_log WHERE kind = 'imap-uidvalidity-changed'").pluck().all() as string[];
    expect(events.map((e) => JSON.parse(e))).toEqual([
      { account: 'test@127.0.0.1', mailbox: 'validity', from: first.uidValidity, to: second.uidValidity },
    ]);
    expect(logger.entries.some((e) => e.level === 'warn' && /UIDVALIDITY changed/.test(e.fields.msg))).toBe(true);
    expect(cursorOf(db, 'validity')).toEqual({ uidValidity: second.uidValidity, lastUid: 41 });
    const third = (await sync(db, 'validity')).mailboxes[0]!;
    expect(third).toMatchObject({ read: 0, uidValidityChanges: 0 });
    db.close();
  });

  test('watch mode picks new mail up through IDLE (no polling) and stops on abort', async () => {
    server.addMessages('idle', raws.slice(0, 5));
    const db = openDb(join(dir, 'idle.sqlite'));
    const stop = new AbortController();
    let caughtUp = 0;
    // An hour between polls: only an IDLE notification can wake the loop within the test.
    const running = syncImap({
      db,
      env: IMAP_ENV,
      once: false,
      signal: stop.signal,
      config: testImapConfig(server, { mailboxes: ['idle'], pollSeconds: 3600 }),
      onCaughtUp: () => void caughtUp++,
    });
    await waitFor(() => caughtUp >= 1);
    await server.appendMessages('idle', [newMessage('idle-1'), newMessage('idle-2')]);
    await waitFor(() => count(db, "SELECT count(*) FROM messages WHERE subject LIKE 'new mail idle-%'") === 2);
    stop.abort();
    const result = await running;
    expect(result.mailboxes[0]).toMatchObject({ read: 7, lastUid: 7 });
    expect(result.connections).toBe(1);
    db.close();
  });

  test('watch mode polls when IDLE is turned off', async () => {
    server.addMessages('poll', raws.slice(0, 3));
    const db = openDb(join(dir, 'poll.sqlite'));
    const stop = new AbortController();
    let caughtUp = 0;
    const running = syncImap({
      db,
      env: IMAP_ENV,
      once: false,
      signal: stop.signal,
      config: testImapConfig(server, { mailboxes: ['poll'], idle: false, pollSeconds: 1 }),
      onCaughtUp: () => void caughtUp++,
    });
    await waitFor(() => caughtUp >= 1);
    server.addMessages('poll', [newMessage('poll-1')]);
    await waitFor(() => count(db, "SELECT count(*) FROM messages WHERE subject = 'new mail poll-1'") === 1);
    stop.abort();
    expect((await running).mailboxes[0]).toMatchObject({ read: 4, lastUid: 4 });
    db.close();
  });

  test('several mailboxes keep separate cursors', async () => {
    server.addMessages('multi-a', raws.slice(50, 55));
    server.addMessages('multi-b', raws.slice(60, 62));
    const db = openDb(join(dir, 'multi.sqlite'));
    const result = await syncImap({ db, env: IMAP_ENV, once: true, config: testImapConfig(server, { mailboxes: ['multi-a', 'multi-b'] }) });
    expect(result.mailboxes.map((m) => [m.mailbox, m.read, m.lastUid])).toEqual([
      ['multi-a', 5, 5],
      ['multi-b', 2, 2],
    ]);
    expect(cursorOf(db, 'multi-b')?.lastUid).toBe(2);
    db.close();
  });
});
