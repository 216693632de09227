/**
 * Errors from the filesystem, zlib and SQLite name the file or database and map to a user exit
 * code, never "internal error" 70 (issue 13, Low; repro 12). A truncated .gz keeps every whole
 * message before the damage.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/ingest/archive-check.js';
import { Ingester } from '../../src/ingest/ingester.js';
import { openDb, sqliteError } from '../../src/store/db.js';
import { ConveneError } from '../../src/errors.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir();

const message = (i: number): string =>
  `From: a${i}@example.org\nSubject: message ${i}\nMessage-ID: <m${i}@example.org>\n\n${`line ${i} `.repeat(200)}\nend of ${i}\n`;
const mbox = (n: number): string =>
  Array.from({ length: n }, (_, i) => `From a@example.org Mon Jun  1 10:00:00 2026\n${message(i)}\n`).join('');

describe('a truncated .gz', () => {
  it('is an error naming the file (exit 1), and every whole message before the damage is stored', async () => {
    const gz = gzipSync(mbox(300));
    const path = join(dir, 'cut.mbox.gz');
    writeFileSync(path, gz.subarray(0, Math.floor(gz.length / 2)));
    const db = join(dir, 'gz.sqlite');
    const r = await cli(['--db', db, 'import', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^convene: ${path.replace(/[.]/g, '\\.')}: the compressed file ends early \\(truncated\\?\\); the \\d+ whole messages before it are stored\\n$`,
      ),
    );
    const handle = openDb(db);
    const rows = handle.prepare<[], { mid: string }>('SELECT mid FROM messages ORDER BY id').all();
    // Everything before the cut, in order, nothing cut in half (the one the damage hit is not stored).
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.map((x) => x.mid)).toEqual(rows.map((_, i) => `m${i}@example.org`));
    const seen = Number(/the (\d+) whole/.exec(r.stderr)![1]);
    expect(rows.length).toBe(seen);
    const last = handle.prepare<[], { n: number }>("SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'end'").get()!;
    expect(last.n).toBe(rows.length);
    expect(checkArchive(handle).ok).toBe(true);
    handle.close();
  });

  it('a file that is not an mbox is a one-line input error', async () => {
    const path = join(dir, 'not.mbox.gz');
    writeFileSync(path, gzipSync('Subject: no From_ line here\n\nhello\n'));
    const r = await cli(['--db', join(dir, 'x.sqlite'), 'import', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`convene: ${path}: not an mbox file (it does not start with "From "); no message before it\n`);
  });
});

describe('filesystem errors name the file', () => {
  it('a source that cannot be read, and notes --out into a missing directory: one line, exit 1, nothing half written', async () => {
    if (existsSync('/proc/self/mem')) {
      const r = await cli(['--db', join(dir, 'fs.sqlite'), 'import', '/proc/self/mem']);
      expect(r).toMatchObject({ code: 1, stdout: '' });
      expect(r.stderr).toMatch(/^convene: \/proc\/self\/mem: cannot read it \(EIO: i\/o error, read\)\n$/);
    }
    const config = join(dir, 'notes.yaml');
    writeFileSync(
      config,
      JSON.stringify({ db: join(dir, 'n.sqlite'), meetings: [{ id: 'm', name: 'M', zone: 'Europe/London', dates: ['2026-06-03T16:00'] }] }),
    );
    openDb(join(dir, 'n.sqlite')).close(); // notes reads an archive (a reading command never creates one)
    const out = join(dir, 'missing', 'n.md');
    const n = await cli(['--config', config, 'notes', '--meeting', 'm', '--out', out, '--now', '2026-06-01T00:00:00Z']);
    expect(n).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `convene: cannot write ${out}: no such directory; nothing was written there\n`,
    });
  });
});

describe('SQLite errors name the database', () => {
  it('a read-only archive: the write error says so; db check does not report the fts5 check it cannot run', async () => {
    const path = join(dir, 'ro.sqlite');
    const db = openDb(path);
    await new Ingester(db).ingestBatch([{ raw: Buffer.from(message(1)) }]);
    db.close();
    const ro = new Database(path, { readonly: true });
    let error: unknown;
    try {
      ro.exec("DELETE FROM event_log WHERE kind = 'x'");
    } catch (err) {
      error = err;
    }
    const mapped = sqliteError(error, path) as ConveneError;
    expect(mapped).toBeInstanceOf(ConveneError);
    expect(mapped.exitCode).toBe(1);
    expect(mapped.message).toBe(`the database ${path} is read-only (the file or its directory cannot be written)`);
    ro.close();
    const readOnly = openDb(path, { readonly: true });
    const check = checkArchive(readOnly);
    expect(check.checks.find((c) => c.name === 'fts5')).toEqual({ name: 'fts5', ok: true, detail: 'not checked: read-only database' });
    expect(check.ok).toBe(true);
    readOnly.close();
  });

  it('a full database: the error names it and the batch stores nothing', async () => {
    const path = join(dir, 'full.sqlite');
    const db = openDb(path);
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);
    let error: unknown;
    try {
      await new Ingester(db).ingestBatch(Array.from({ length: 50 }, (_, i) => ({ raw: Buffer.from(message(i)) })));
    } catch (err) {
      error = err;
    }
    const mapped = sqliteError(error, path) as ConveneError;
    expect(mapped.message).toBe(`the disk holding ${path} is full; the step that failed stored nothing`);
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
    db.close();
  });
});

describe('user input is a usage or query error, not an internal error', () => {
  it('rejects numbers past what SQLite holds, queries past its expression depth, one-letter prefixes and --tick 0', async () => {
    const db = join(dir, 'input.sqlite');
    await cli(['--db', db, 'import', join(dir, 'cut.mbox.gz')]);
    const limit = await cli(['--db', db, 'search', 'line', '--limit', '99999999999999999999']);
    expect(limit).toMatchObject({ code: 2, stdout: '' });
    expect(limit.stderr).toBe('convene: --limit takes a whole number from 0 to 9007199254740991, not "99999999999999999999"\n');
    const many = Array.from({ length: 1500 }, (_, i) => `NOT id:a${i}@b`).join(' ');
    const huge = await cli(['--db', db, 'search', many, '--json']);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/^convene: query: the query has 1500 terms; at most 256 are allowed at column \d+\n$/);
    const most = Array.from({ length: 256 }, (_, i) => `NOT id:a${i}@b`).join(' ');
    expect((await cli(['--db', db, 'search', most, '--json'])).code).toBe(0);
    const prefix = await cli(['--db', db, 'search', 'l*']);
    expect(prefix.code).toBe(2);
    expect(prefix.stderr).toBe('convene: query: "l*": a prefix search needs at least 2 letters or digits before the * at column 1\n');
    const two = await cli(['--db', db, 'search', 'li*', '--json']);
    expect(two.code).toBe(0);
    expect(JSON.parse(two.stdout).length).toBeGreaterThan(0);
    const tick = await cli(['--db', db, 'daemon', '--tick', '0']);
    expect(tick).toMatchObject({ code: 2, stderr: 'convene: --tick takes a whole number from 1 to 60, not "0"\n' });
  });
});
