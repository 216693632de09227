import { beforeAll, describe, expect, it } from 'vitest';
import { readMbox } from '../../src/sources/mbox.js';
import { openDb } from '../../src/store/db.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { ext4Db } from './search-fixture.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

let db: string;
const outDir = tempDir(); // at collection: its clean-up hook registers
beforeAll(async () => {
  db = await ext4Db();
});
const search = (...args: string[]) => cli(['--db', db, 'search', ...args]);

describe('convene search', () => {
  it('prints date, author, subject, ids and a snippet, newest first', async () => {
    const r = await search('fsync_mode');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^2019-05-29 \d\d:\d\d {2}\S.* {2}Re: fsync_mode mount option for ext4 {2}id:\S+@\S+ thread:\d+$/);
    expect(lines[1]).toMatch(/^ {4}\S/);
    expect(r.stdout).toContain('fsync_mode');
    expect(r.stdout).not.toContain('\x1b['); // not a TTY: no colour
  });

  it('--json gives messageId, threadId, date, from, subject for every match', async () => {
    const r = await search('fsync_mode', '--json');
    const rows = JSON.parse(r.stdout) as {
      messageId: string;
      threadId: number;
      date: string;
      from: { address: string };
      subject: string;
    }[];
    expect(rows.length).toBe(9);
    expect(rows[0]).toMatchObject({
      messageId: expect.stringMatching(/@/),
      threadId: expect.any(Number),
      date: expect.stringMatching(/^2019-05-29T/),
      subject: expect.stringContaining('fsync_mode'),
    });
    expect(new Set(rows.map((x) => x.threadId)).size).toBe(1);
    const dates = rows.map((x) => x.date);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('--jsonl gives one object per line; --sort oldest reverses; --limit caps', async () => {
    const r = await search('fsync_mode', '--jsonl', '--sort', 'oldest', '--limit', '3');
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { date: string });
    expect(rows).toHaveLength(3);
    expect(rows.map((x) => x.date)).toEqual([...rows.map((x) => x.date)].sort());
  });

  it('text output stops at 50 and says so; --limit 0 shows all', async () => {
    const r = await search('*');
    expect(r.stdout.match(/^\d{4}-/gm)).toHaveLength(50);
    expect(r.stderr).toContain('--limit 0');
    const all = await search('*', '--limit', '0');
    expect(all.stdout.match(/^\d{4}-/gm)).toHaveLength(101);
  });

  it('--threads gives one row per thread with counts and participants', async () => {
    const r = await search('from:tytso', '--threads', '--json');
    const rows = JSON.parse(r.stdout) as { threadId: number; matched: number; total: number; participants: string[] }[];
    expect(rows.length).toBeGreaterThan(1);
    for (const t of rows) {
      expect(t.matched).toBeLessThanOrEqual(t.total);
      expect(t.participants.length).toBeGreaterThan(0);
    }
    const text = await search('from:tytso', '--threads');
    expect(text.stdout).toMatch(/\[\d+\/\d+\]/);
  });

  it('--format mboxrd writes the raw bytes of the matches, readable as mbox again', async () => {
    const r = await search('fsync_mode', '--format', 'mboxrd');
    const path = join(outDir, 'out.mbox');
    writeFileSync(path, r.stdout, 'latin1');
    const got: Buffer[] = [];
    for await (const m of readMbox(path, false)) got.push(m.raw);
    expect(got).toHaveLength(9);
    expect(
      got.every(
        (raw) => raw.toString('latin1').includes('Subject: Re: fsync_mode') || raw.toString('latin1').includes('Subject: fsync_mode'),
      ),
    ).toBe(true);
  });

  it('--explain prints how the query was read, without searching', async () => {
    const r = await search('from:tytso (mount OR "no journal") -e2fsck d:2019-05..', '--explain');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('AND (all of)');
    expect(r.stdout).toContain('from: word "tytso" in sender');
    expect(r.stdout).toContain('free text phrase "no journal"');
    expect(r.stdout).toContain('date: "2019-05.." = 2019-05-01T00:00:00Z <= date < (open)');
    expect(r.stdout).toContain('full text (FTS5 MATCH): ({sender} : "tytso"');
  });

  it('a syntax error is one line, exit code 2, naming the column', async () => {
    const r = await search('(journal OR');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('convene: query: OR needs a term after it at column 12\n');
    const bad = await search('date:someday');
    expect(bad.stderr).toMatch(/^convene: query: cannot read date "someday" .* at column 1\n$/);
  });

  it('usage errors: no query, bad --sort, bad --limit', async () => {
    expect((await search()).code).toBe(2);
    expect((await search('x', '--sort', 'best')).stderr).toContain('--sort takes relevance, newest or oldest');
    expect((await search('x', '--limit', 'many')).code).toBe(2);
  });

  it('relative dates use CONVENE_NOW when set', async () => {
    const r = await cli(['--db', db, 'search', 'd:3d..', '--json'], { CONVENE_NOW: '2019-05-31T00:00:00Z' });
    const rows = JSON.parse(r.stdout) as { date: string }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const x of rows) expect(x.date >= '2019-05-28').toBe(true);
  });
});

describe('convene help', () => {
  it('help search lists every prefix with an example', async () => {
    const r = await cli(['help', 'search']);
    for (const p of [
      'from: f:',
      'to: t:',
      'cc: c:',
      'subject: s:',
      'body: b:',
      'id: mid:',
      'thread:',
      'list: l:',
      'date: d:',
      'attachment: n:',
      'has:',
      'is:',
      'q:',
    ]) {
      expect(r.stdout).toContain(p);
    }
    expect(r.stdout).toContain('e.g. ');
  });

  it('help CMD prints the usage from the command table; help alone lists commands', async () => {
    expect((await cli(['help', 'thread'])).stdout).toMatch(
      /^usage: convene thread ID \[--json\] \[--flat\]\n\nShow a whole thread as a tree\.\n/,
    );
    expect((await cli(['help'])).stdout).toContain('search');
    expect((await cli(['help', 'nosuch'])).code).toBe(2);
  });
});

describe('convene search: snippets and scores (issue 9)', () => {
  let own: string;
  beforeAll(async () => {
    own = await ext4Db();
  });
  const query = (...args: string[]) => cli(['--db', own, 'search', ...args]);
  const snippets = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('    '));

  it('text output takes its snippets from the stored previews, never from the raw bytes', async () => {
    const before = await query('fsync_mode');
    const db = openDb(own);
    db.exec('DELETE FROM raw');
    db.close();
    const after = await query('fsync_mode');
    expect(snippets(after.stdout).length).toBe(snippets(before.stdout).length);
    expect(snippets(after.stdout).length).toBeGreaterThan(5);
    expect(after.stdout).toBe(before.stdout);
  });

  it('a message stored before previews existed still gets a snippet, from its raw bytes', async () => {
    const path = await ext4Db();
    const withPreviews = await cli(['--db', path, 'search', 'journal']);
    const db = openDb(path);
    db.exec('DELETE FROM message_previews');
    db.close();
    const without = await cli(['--db', path, 'search', 'journal']);
    expect(snippets(without.stdout).length).toBe(snippets(withPreviews.stdout).length);
    expect(without.stdout).toMatch(/journal/i);
  });

  it('--json carries a score only when sorted by relevance', async () => {
    const newest = JSON.parse((await query('fsync_mode', '--json')).stdout) as Record<string, unknown>[];
    expect(newest.some((r) => 'score' in r)).toBe(false);
    const ranked = JSON.parse((await query('fsync_mode', '--json', '--sort', 'relevance')).stdout) as { score: number }[];
    expect(ranked.every((r) => typeof r.score === 'number')).toBe(true);
  });
});
