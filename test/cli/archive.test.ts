import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { generateMessage } from '../helpers/message-generator.js';
import { tempDir } from '../helpers/tmp.js';

describe('convene import / stats / db (CLI)', () => {
  const dir = tempDir();
  const db = join(dir, 'a.sqlite');
  const mbox = join(dir, 'list.mbox');
  const msgs = [
    generateMessage({ messageId: 'p@x', subject: 'Plan' }),
    generateMessage({ messageId: 'r@x', subject: 'Re: Plan', inReplyTo: '<p@x>', references: '<p@x>' }),
  ];
  writeFileSync(mbox, msgs.map((m) => `From x@x Tue May  5 10:00:00 2015\n${m.toString()}\n`).join(''));

  it('imports and reports read / stored / duplicates / failed as JSON', async () => {
    const r = await cli(['--db', db, 'import', mbox, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).total).toEqual({ read: 2, stored: 2, duplicates: 0, failed: 0 });
    const again = await cli(['--db', db, 'import', mbox, '--json']);
    expect(JSON.parse(again.stdout).total).toEqual({ read: 2, stored: 0, duplicates: 2, failed: 0 });
  });

  it('stats counts messages and threads', async () => {
    const r = await cli(['--db', db, 'stats', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ messages: 2, threads: 1, identicalCopies: 2, failures: 0 });
    expect((await cli(['--db', db, 'stats'])).stdout).toMatch(/^messages +2 /m);
  });

  it('db check passes on a consistent archive and fails (exit 1) on a corrupted one', async () => {
    expect((await cli(['--db', db, 'db', 'check'])).code).toBe(0);
    const { openDb } = await import('../../src/store/db.js');
    const h = openDb(db);
    h.prepare('UPDATE messages SET thread_id = NULL WHERE mid = ?').run('r@x');
    h.close();
    const bad = await cli(['--db', db, 'db', 'check', '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).checks.find((c: { name: string }) => c.name === 'threads').ok).toBe(false);
    expect((await cli(['--db', db, 'db', 'reindex'])).code).toBe(0);
    expect((await cli(['--db', db, 'db', 'check'])).code).toBe(0);
  });

  it('names a bad path in one line, exit 1, and stores nothing', async () => {
    const r = await cli(['--db', db, 'import', join(dir, 'missing.mbox')]);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/^convene: .*missing\.mbox: no such file or directory\n$/);
  });

  it('refuses a non-mbox file before importing anything', async () => {
    const junk = join(dir, 'junk.txt');
    writeFileSync(junk, 'hello\n');
    const r = await cli(['--db', db, 'import', mbox, junk]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/junk\.txt: neither an mbox/);
  });

  it('usage errors exit 2', async () => {
    expect((await cli(['--db', db, 'import'])).code).toBe(2);
    expect((await cli(['--db', db, 'nosuchcommand'])).code).toBe(2);
    expect((await cli(['--db', db, 'stats', '--bogus'])).code).toBe(2);
  });
});

describe('a database locked by another writer', () => {
  const dir = tempDir();
  it('is one clear line and exit 1, not an internal error', async () => {
    const db = join(dir, 'locked.sqlite');
    const { openDb } = await import('../../src/store/db.js');
    const holder = openDb(db);
    holder.prepare('BEGIN IMMEDIATE').run();
    const mbox = join(dir, 'one.mbox');
    writeFileSync(mbox, `From x@x Tue May  5 10:00:00 2015\n${generateMessage({ messageId: 'l@x' }).toString()}\n`);
    try {
      const r = await cli(['--db', db, 'import', mbox, '--json']); // after the 5 s busy timeout
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^convene: the database is busy with another writer/);
    } finally {
      holder.prepare('ROLLBACK').run();
      holder.close();
    }
  });
});

describe('reading commands on a path with no archive', () => {
  const dir = tempDir();
  it('say so in one line and create nothing', async () => {
    const { existsSync } = await import('node:fs');
    const path = join(dir, 'typo.sqlite');
    for (const argv of [['search', 'foo'], ['stats'], ['show', 'x@y'], ['export']]) {
      const r = await cli(['--db', path, ...argv]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`convene: no archive at ${path}: run convene import or convene sync first (or give --db)\n`);
    }
    expect(existsSync(path)).toBe(false);
  });
});
