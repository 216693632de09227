/**
 * Stored bytes are verified on read (issue 13, item 8; repro 11): raw deflate has no checksum, so
 * a flipped bit can inflate to other bytes silently. Every raw read checks the content hash;
 * `db check` names each bad message and goes on; `export` names it and continues (or stops with
 * its id under --strict); `show --raw` refuses it with one line naming the message.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../src/cli/atomic-file.js';
import { Ingester } from '../../src/ingest/ingester.js';
import { dictionaryKey, encodeRaw } from '../../src/mail/raw-codec.js';
import { writeMboxrd } from '../../src/search/mboxrd-writer.js';
import { openDb } from '../../src/store/db.js';
import { CorruptMessage, readRaw } from '../../src/store/raw-reader.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir();
let path: string;
let n = 0;

const mail = (i: number): Buffer =>
  Buffer.from(
    `From: a@example.org\nSubject: message ${i}\nMessage-ID: <m${i}@example.org>\nDate: Mon, 1 Jun 2026 10:00:00 +0000\n\nbody ${i}\n`,
  );

/** Five messages; m2's blob decodes to other bytes of the same length (a silent bit flip), m4's does not decode. */
beforeEach(async () => {
  path = join(dir, `a${n++}.sqlite`);
  const db = openDb(path);
  await new Ingester(db).ingestBatch([1, 2, 3, 4, 5].map((i) => ({ raw: mail(i) })));
  const id = (mid: string) => db.prepare<[string], { id: number }>('SELECT id FROM messages WHERE mid = ?').get(mid)!.id;
  const flipped = Buffer.from(mail(2));
  flipped[flipped.length - 3] = flipped[flipped.length - 3]! ^ 0x01; // one bit of the body: same size, other hash
  const enc = encodeRaw(flipped);
  db.prepare('UPDATE raw SET codec = ?, bytes = ? WHERE id = ?').run(enc.codec, enc.bytes, id('m2@example.org'));
  db.prepare('UPDATE raw SET codec = ?, bytes = ? WHERE id = ?').run('deflate', Buffer.from('not deflate at all'), id('m4@example.org'));
  db.close();
});

describe('stored bytes verified on read', () => {
  it('a read of bytes that do not match their hash throws, naming the message', () => {
    const db = openDb(path);
    const id = db.prepare<[string], { id: number }>('SELECT id FROM messages WHERE mid = ?').get('m2@example.org')!.id;
    expect(() => readRaw(db, id)).toThrow(CorruptMessage);
    expect(() => readRaw(db, id)).toThrow(/message <m2@example\.org> is corrupt: its stored bytes do not match their content hash/);
    expect(readRaw(db, id - 1)!.equals(mail(1))).toBe(true);
    db.close();
  });

  it('show --raw refuses a corrupt blob with one line naming the message', async () => {
    const r = await cli(['--db', path, 'show', 'm2@example.org', '--raw']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^convene: message <m2@example\.org> is corrupt/);
    const ok = await cli(['--db', path, 'show', 'm3@example.org', '--raw']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(mail(3).toString());
  });

  it('db check names every bad message and runs every other check', async () => {
    const r = await cli(['--db', path, 'db', 'check', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { ok: boolean; checks: { name: string; ok: boolean; messages?: string[] }[] };
    expect(doc.checks.map((c) => c.name)).toEqual([
      'sqlite',
      'raw rows',
      'content hashes',
      'threads',
      'ghosts',
      'parents',
      'thread summaries',
      'variants',
      'search index',
      'fts5',
    ]);
    const hashes = doc.checks.find((c) => c.name === 'content hashes')!;
    expect(hashes.ok).toBe(false);
    expect(hashes.messages).toEqual(['m2@example.org', 'm4@example.org']);
    expect(doc.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['content hashes']);
    const text = await cli(['--db', path, 'db', 'check']);
    expect(text.stdout).toContain('FAIL content hashes: 2 raw blobs that do not decode or do not match');
    expect(text.stdout).toContain('<m2@example.org>, <m4@example.org>');
  });

  it('export names each corrupt message and writes the rest (exit 1); --strict stops at the first with its id', async () => {
    const out = join(dir, `export-${n}.mbox`);
    const r = await cli(['--db', path, 'export', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('convene: skipped: message <m2@example.org> is corrupt');
    expect(r.stderr).toContain('convene: skipped: message <m4@example.org> is corrupt');
    expect(r.stderr).toContain(`exported 3 messages to ${out}`);
    expect(readFileSync(out, 'utf8').match(/^Message-ID: .*$/gm)).toEqual([
      'Message-ID: <m1@example.org>',
      'Message-ID: <m3@example.org>',
      'Message-ID: <m5@example.org>',
    ]);
    const strictOut = join(dir, `strict-${n}.mbox`);
    const s = await cli(['--db', path, 'export', '--strict', '--out', strictOut]);
    expect(s.code).toBe(1);
    expect(s.stderr.trim()).toMatch(/^convene: message <m2@example\.org> is corrupt/);
    expect(existsSync(strictOut)).toBe(false); // never half written
  });
});

describe('a compression dictionary made by another process after this one opened the archive', () => {
  it('is loaded when a row needs it: the message reads back whole, not as corrupt', () => {
    const db = openDb(path);
    const id = db.prepare<[string], { id: number }>('SELECT id FROM messages WHERE mid = ?').get('m1@example.org')!.id;
    // What an import in another process does: a dictionary row, and rows compressed with it.
    const bytes = Buffer.from(`a dictionary this process never registered ${Date.now()} ${Math.random()}\n`.repeat(20));
    const dict = { key: dictionaryKey(bytes), bytes };
    db.prepare('INSERT INTO raw_dicts (hash, bytes) VALUES (?, ?)').run(dict.key, dict.bytes);
    const enc = encodeRaw(mail(1), dict);
    db.prepare('UPDATE raw SET codec = ?, bytes = ? WHERE id = ?').run(enc.codec, enc.bytes, id);
    expect(readRaw(db, id)!.equals(mail(1))).toBe(true);
    db.close();
  });
});

describe('export --out never leaves a half-written file', () => {
  /** An export that writes 64 KiB and then hits a full disk; `settle` lets the stream's error event arrive first. */
  async function exportToFullDisk(settle: boolean): Promise<void> {
    const d = tempDir();
    const out = join(d, 'archive.mbox');
    writeFileSync(out, 'the previous export\n');
    const attempt = writeFileAtomically(out, async (file) => {
      file.write(Buffer.alloc(64 * 1024, 'x'));
      file.destroy(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      if (settle) await new Promise((r) => setTimeout(r, 10));
    });
    await expect(attempt).rejects.toThrow(`cannot write ${out}: no space left on the device; nothing was written there`);
    expect(readFileSync(out, 'utf8')).toBe('the previous export\n');
    expect(readdirSync(d)).toEqual(['archive.mbox']);
  }

  it('a write error part-way (a full disk) leaves the old file as it was, removes the temporary one, and says why', () =>
    exportToFullDisk(true));

  it('names the cause even when the stream failed and its error event has not come yet (a loaded machine)', () => exportToFullDisk(false));

  it('the mboxrd writer rejects when its stream fails instead of waiting for a drain that never comes', async () => {
    const db = openDb(path);
    db.prepare("DELETE FROM raw WHERE id IN (SELECT id FROM messages WHERE mid IN ('m2@example.org', 'm4@example.org'))").run();
    const sink = new PassThrough({ highWaterMark: 1 }); // full after the first entry; nobody reads it
    const written = writeMboxrd(db, sink);
    setTimeout(() => sink.destroy(new Error('EIO: the device went away')), 20);
    await expect(written).rejects.toThrow(/EIO/);
    db.close();
  });
});
