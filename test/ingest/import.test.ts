import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../src/ingest/import.js';
import { reindex } from '../../src/ingest/reindex.js';
import { checkArchive } from '../../src/ingest/archive-check.js';
import { openDb, type Db } from '../../src/store/db.js';
import { iterateRaw } from '../../src/store/raw-reader.js';
import { tempDir } from '../helpers/tmp.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/mail/nasty-maildir-541.tar.gz');
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/**
 * A file's message: a leading mbox From_ line is an envelope, not part of it (issue 14 item 7);
 * 25 of the files carry one. An export writes it back as the entry's From_ line.
 */
const message = (f: Buffer): Buffer => (f.toString('latin1', 0, 5) === 'From ' ? f.subarray(f.indexOf(0x0a) + 1) : f);

/** Thread partition as a set of sorted member lists, independent of thread id numbers. */
function partition(db: Db): string[] {
  const rows = db.prepare('SELECT mid, thread_id FROM messages').all() as { mid: string; thread_id: number }[];
  const groups = new Map<number, string[]>();
  for (const r of rows) groups.set(r.thread_id, [...(groups.get(r.thread_id) ?? []), r.mid]);
  return [...groups.values()].map((g) => g.sort().join(' ')).sort();
}

describe('the malformed corpus (541 files: broken MIME, odd charsets, no ids, no dates)', () => {
  const dir = tempDir();
  const maildir = join(dir, 'nasty-maildir');
  let db: Db;
  let files: Buffer[];

  beforeAll(async () => {
    execFileSync('tar', ['xzf', FIXTURE, '-C', dir]);
    files = readdirSync(join(maildir, 'cur')).map((f) => readFileSync(join(maildir, 'cur', f)));
    db = openDb(join(dir, 'a.sqlite'));
    const [summary] = await importPaths(db, [maildir]);
    expect(summary).toMatchObject({ read: 541, kind: 'maildir' });
  });

  it('accounts for every file: stored, or an identical copy of a stored one', () => {
    const distinct = new Set(files.map((f) => sha(message(f))));
    const stored = db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number };
    const copies = db.prepare('SELECT sum(count) AS n FROM copies').get() as { n: number };
    expect(files).toHaveLength(541);
    expect(stored.n).toBe(distinct.size);
    expect(stored.n + copies.n).toBe(541);
  });

  it('gives every distinct file back byte for byte, an mbox envelope line excepted', () => {
    const back = new Set<string>();
    for (const { raw } of iterateRaw(db)) back.add(sha(raw));
    expect(back).toEqual(new Set(files.map((f) => sha(message(f)))));
  });

  it('never dates a message "now": every date comes from the header or a recorded fallback', () => {
    const rows = db.prepare('SELECT date_source, count(*) AS n FROM messages GROUP BY date_source').all() as {
      date_source: string;
      n: number;
    }[];
    const sources = Object.fromEntries(rows.map((r) => [r.date_source, r.n]));
    expect(sources.header).toBeGreaterThan(400);
    // These file names carry no delivery time, so the fallback is each file's mtime (kept by tar),
    // never the moment of import.
    const mtimes = new Set(readdirSync(join(maildir, 'cur')).map((f) => statSync(join(maildir, 'cur', f)).mtimeMs));
    const fallbacks = db.prepare("SELECT date FROM messages WHERE date_source = 'internal'").all() as { date: number }[];
    expect(fallbacks.length).toBeGreaterThan(0);
    for (const f of fallbacks) expect(mtimes.has(f.date)).toBe(true);
  });

  it('leaves a consistent archive, and db reindex rebuilds the same threads', async () => {
    expect(checkArchive(db).ok).toBe(true);
    const before = partition(db);
    const summary = await reindex(db);
    expect(summary.messages).toBe(before.join(' ').split(' ').length);
    expect(partition(db)).toEqual(before);
    expect(checkArchive(db).ok).toBe(true);
  });

  it('is idempotent: importing again stores nothing new', async () => {
    const [again] = await importPaths(db, [maildir]);
    expect(again).toMatchObject({ read: 541, stored: 0, duplicates: 541 });
  });
});
