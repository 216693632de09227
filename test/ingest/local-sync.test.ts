import { appendFileSync, mkdirSync, readFileSync, renameSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { configFromValue } from '../../src/config/load.js';
import { syncOnce } from '../../src/ingest/sync-once.js';
import { importPaths } from '../../src/ingest/import.js';
import { syncLocal } from '../../src/ingest/local-sync.js';
import { silentLogger } from '../../src/log.js';
import { readMbox } from '../../src/sources/mbox.js';
import { openDb, type Db } from '../../src/store/db.js';
import { readRaw } from '../../src/store/raw-reader.js';
import { archiveStats } from '../../src/ingest/archive-stats.js';
import { EXT4_200 } from '../helpers/ext4-slice.js';
import { generateMessage } from '../helpers/message-generator.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir();
const MBOX = gunzipSync(readFileSync(EXT4_200));
/** Byte offsets where each message of MBOX ends, and how many distinct messages it holds. */
let ends: number[] = [];
let distinct = 0;

beforeAll(async () => {
  const path = join(dir, 'probe.mbox');
  writeFileSync(path, MBOX);
  for await (const m of readMbox(path, false)) ends.push(m.position);
  const db = openDb(join(dir, 'probe.sqlite'));
  distinct = (await importPaths(db, [path], { workers: false }))[0]!.stored;
  db.close();
});

let n = 0;
function fresh(bytes: Buffer = MBOX): { db: Db; path: string } {
  n++;
  const path = join(dir, `list-${n}.mbox`);
  writeFileSync(path, bytes);
  return { db: openDb(join(dir, `archive-${n}.sqlite`)), path };
}

function append(path: string, subject: string): void {
  const raw = generateMessage({ subject, messageId: `${subject.replace(/\W+/g, '-')}@example.org` }).toString('utf8');
  appendFileSync(path, `From list@example.org Mon Jun  8 00:00:00 2026\n${raw}\n`);
}

const cursor = (db: Db, path: string) =>
  db.prepare("SELECT uid_validity AS uidValidity, last_uid AS lastUid FROM sync_state WHERE account = 'file' AND mailbox = ?").get(path) as
    { uidValidity: string; lastUid: number } | undefined;
const events = (db: Db) => db.prepare("SELECT detail FROM event_log WHERE kind = 'source-rewritten'").all() as { detail: string }[];

describe('the daemon following a local mbox (config source.path)', () => {
  it('two passes leave identicalCopies at 0; an appended message is picked up', async () => {
    const { db, path } = fresh();
    const config = configFromValue({ db: join(dir, 'unused.sqlite'), source: { path } }, null);
    const pass = () => syncOnce(db, config, silentLogger, {}, () => Date.UTC(2026, 5, 1));
    expect(distinct).toBe(ends.length); // the slice holds no copies of its own
    const first = await pass();
    expect(first).toEqual({ ok: true, stored: distinct, source: 'local' });
    // A restarted daemon, or a touched file: the mtime shortcut does not apply; the cursor does.
    utimesSync(path, new Date(), new Date(Date.now() + 5_000));
    expect(await pass()).toEqual({ ok: true, stored: 0, source: 'local' });
    expect(archiveStats(db)).toMatchObject({ messages: distinct, identicalCopies: 0 });
    expect(cursor(db, path)?.lastUid).toBe(ends.length);

    append(path, 'Appended after the first pass');
    expect(await pass()).toEqual({ ok: true, stored: 1, source: 'local' });
    expect(archiveStats(db)).toMatchObject({ messages: distinct + 1, identicalCopies: 0 });
    expect(cursor(db, path)?.lastUid).toBe(ends.length + 1);
    db.close();
  });

  it('reads nothing the second time, and only what was appended after that', async () => {
    const { db, path } = fresh();
    const first = await syncLocal(db, path, { workers: false });
    expect(first).toMatchObject({ kind: 'mbox', rescan: true, read: ends.length, stored: distinct });
    const second = await syncLocal(db, path, { workers: false });
    expect(second).toMatchObject({ rescan: false, read: 0, stored: 0, duplicates: 0 });
    append(path, 'One more');
    append(path, 'And another');
    const third = await syncLocal(db, path, { workers: false });
    expect(third).toMatchObject({ rescan: false, read: 2, stored: 2 });
    expect(cursor(db, path)?.lastUid).toBe(ends.length + 2);
    expect(events(db)).toEqual([]);
    db.close();
  });

  it('keeps the fingerprint while the file grows, so a small file appended to is not read again', async () => {
    const { db, path } = fresh(MBOX.subarray(0, ends[2]!)); // three messages: smaller than the fingerprinted 64 KiB
    expect(await syncLocal(db, path, { workers: false })).toMatchObject({ read: 3 });
    const before = cursor(db, path)!.uidValidity;
    appendFileSync(path, MBOX.subarray(ends[2]!, ends[5]!));
    expect(await syncLocal(db, path, { workers: false })).toMatchObject({ rescan: false, read: 3 });
    expect(cursor(db, path)).toEqual({ uidValidity: before, lastUid: 6 });
    db.close();
  });

  it('rescans a file rewritten at its start, without counting what it holds as copies', async () => {
    const { db, path } = fresh();
    await syncLocal(db, path, { workers: false });
    const copies = archiveStats(db).identicalCopies;
    writeFileSync(path, MBOX.subarray(ends[0]!)); // the first message removed: the start changed
    const r = await syncLocal(db, path, { workers: false });
    expect(r).toMatchObject({ rescan: true, read: ends.length - 1, stored: 0 });
    expect(archiveStats(db).identicalCopies).toBe(copies);
    expect(cursor(db, path)?.lastUid).toBe(ends.length - 1);
    expect(events(db).map((e) => JSON.parse(e.detail) as { why: string })).toEqual([{ path, why: 'its start changed' }]);
    db.close();
  });

  it('rescans a file that lost messages past its fingerprinted start, and then follows it again', async () => {
    const { db, path } = fresh();
    await syncLocal(db, path, { workers: false });
    truncateSync(path, ends[ends.length - 6]!); // the last five messages gone, the start untouched
    append(path, 'Written after the truncation');
    const r = await syncLocal(db, path, { workers: false });
    expect(r).toMatchObject({ rescan: true, stored: 1 });
    expect(cursor(db, path)?.lastUid).toBe(ends.length - 4);
    expect(events(db)).toHaveLength(1);
    expect(await syncLocal(db, path, { workers: false })).toMatchObject({ rescan: false, read: 0 });
    db.close();
  });

  it('rescans a gzip mbox every pass without counting stored messages again', async () => {
    const { db } = fresh();
    const first = await syncLocal(db, EXT4_200, { workers: false });
    expect(first).toMatchObject({ kind: 'mbox.gz', rescan: true, stored: distinct });
    const copies = archiveStats(db).identicalCopies;
    const second = await syncLocal(db, EXT4_200, { workers: false });
    expect(second).toMatchObject({ rescan: true, read: ends.length, stored: 0 });
    expect(archiveStats(db).identicalCopies).toBe(copies);
    expect(db.prepare('SELECT count(*) AS n FROM sync_state').get()).toEqual({ n: 0 });
    db.close();
  });

  it('leaves convene import as it was: importing the same file twice counts every message as a copy', async () => {
    const { db, path } = fresh();
    await importPaths(db, [path], { workers: false });
    const copies = archiveStats(db).identicalCopies;
    const [again] = await importPaths(db, [path], { workers: false });
    expect(again).toMatchObject({ read: ends.length, stored: 0, duplicates: ends.length });
    expect(archiveStats(db).identicalCopies).toBe(copies + ends.length);
    expect(cursor(db, path)).toBeUndefined();
    db.close();
  });
});

/** An mbox block (From_ line, message, closing blank line) with a body long enough to cut mid-way. */
function block(subject: string): { block: Buffer; raw: Buffer; mid: string } {
  const mid = `${subject.replace(/\W+/g, '-')}@example.org`;
  const raw = generateMessage({ subject, messageId: mid, body: 'A line of the body that goes on.\n'.repeat(20) });
  return { block: Buffer.concat([Buffer.from('From list@example.org Mon Jun  8 00:00:00 2026\n'), raw, Buffer.from('\n')]), raw, mid };
}

const storedRaw = (db: Db, mid: string): Buffer | null => {
  const row = db.prepare('SELECT id FROM messages WHERE header_mid = ?').get(mid) as { id: number } | undefined;
  return row ? readRaw(db, row.id) : null;
};

describe('a local mbox caught while a message is being appended', () => {
  it('leaves a half-written last message for the next pass, then stores it whole', async () => {
    const one = block('First, complete');
    const two = block('Second, written in two steps');
    const { db, path } = fresh(one.block);
    expect(await syncLocal(db, path, { workers: false })).toMatchObject({ read: 1, stored: 1 });

    const head = two.block.subarray(0, 150);
    expect(head.subarray(-2).toString('latin1')).not.toBe('\n\n'); // cut mid-message, not at a blank line
    appendFileSync(path, head);
    expect(await syncLocal(db, path, { workers: false })).toMatchObject({ rescan: false, read: 0, stored: 0 });
    expect(cursor(db, path)?.lastUid).toBe(1);
    expect(storedRaw(db, two.mid)).toBeNull();

    appendFileSync(path, two.block.subarray(150));
    expect(await syncLocal(db, path, { workers: false })).toMatchObject({ rescan: false, read: 1, stored: 1 });
    expect(cursor(db, path)?.lastUid).toBe(2);
    expect(storedRaw(db, two.mid)?.equals(two.raw)).toBe(true);
    expect(events(db)).toEqual([]);
    db.close();
  });

  it('the daemon picks the rest up too (its change check sees the append)', async () => {
    const one = block('Daemon first');
    const two = block('Daemon second, in two steps');
    const { db, path } = fresh(one.block);
    const config = configFromValue({ db: join(dir, 'unused.sqlite'), source: { path } }, null);
    const pass = () => syncOnce(db, config, silentLogger, {}, () => Date.UTC(2026, 5, 1));
    expect(await pass()).toMatchObject({ ok: true, stored: 1 });
    appendFileSync(path, two.block.subarray(0, 150));
    expect(await pass()).toMatchObject({ ok: true, stored: 0 });
    appendFileSync(path, two.block.subarray(150));
    expect(await pass()).toMatchObject({ ok: true, stored: 1 });
    expect(storedRaw(db, two.mid)?.equals(two.raw)).toBe(true);
    db.close();
  });

  it('convene import still takes a last message that lacks the closing blank line', async () => {
    const one = block('Import first');
    const two = block('Import last, unterminated');
    const { db, path } = fresh(Buffer.concat([one.block, two.block.subarray(0, -1)]));
    const [r] = await importPaths(db, [path], { workers: false });
    expect(r).toMatchObject({ read: 2, stored: 2 });
    expect(storedRaw(db, two.mid)?.equals(two.raw)).toBe(true);
    db.close();
  });
});

describe('the daemon following a local maildir (config source.path)', () => {
  it('reads the maildir again after a delivery into new/, which leaves the top directory alone', async () => {
    const top = join(dir, 'maildir');
    for (const sub of ['tmp', 'new', 'cur']) mkdirSync(join(top, sub), { recursive: true });
    // Maildir delivery: write into tmp/, then rename into new/ (cr.yp.to/proto/maildir.html).
    const deliver = (name: string, subject: string): void => {
      writeFileSync(join(top, 'tmp', name), generateMessage({ subject, messageId: `${name}@example.org` }));
      renameSync(join(top, 'tmp', name), join(top, 'new', name));
    };
    deliver('1780876800.M1P1.host', 'Delivered first');
    // Pin the times (whole seconds: a Date drops the sub-millisecond part a stat reports), so the
    // test does not hang on the file system's mtime granularity.
    const at = new Date(Date.UTC(2026, 5, 1));
    const later = new Date(at.getTime() + 1_000);
    utimesSync(top, at, at);
    utimesSync(join(top, 'new'), at, at);
    const db = openDb(join(dir, 'maildir.sqlite'));
    const config = configFromValue({ db: join(dir, 'unused.sqlite'), source: { path: top } }, null);
    const pass = () => syncOnce(db, config, silentLogger, {}, () => Date.UTC(2026, 5, 1));
    expect(await pass()).toEqual({ ok: true, stored: 1, source: 'local' });

    deliver('1780876900.M2P1.host', 'Delivered second');
    // As a delivery leaves them: the top directory as it was, new/ changed.
    utimesSync(top, at, at);
    utimesSync(join(top, 'new'), later, later);
    expect(statSync(top).mtimeMs).toBe(at.getTime());
    expect(await pass()).toEqual({ ok: true, stored: 1, source: 'local' });
    expect(archiveStats(db)).toMatchObject({ messages: 2 });
    db.close();
  });
});
