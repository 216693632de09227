import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPaths } from '../../src/ingest/import.js';
import { fromLine, mboxrdEntry } from '../../src/mail/mbox-format.js';
import { readMbox } from '../../src/sources/mbox.js';
import { openDb, type Db } from '../../src/store/db.js';
import { iterateRaw } from '../../src/store/raw-reader.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { ext4Db } from './search-fixture.js';
import { writeFileSync } from 'node:fs';

/** hash → raw bytes of every stored message. */
function contents(db: Db): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const hashes = new Map(
    db
      .prepare<[], { id: number; hash: string }>('SELECT id, hash FROM messages')
      .all()
      .map((r) => [r.id, r.hash]),
  );
  for (const { id, raw } of iterateRaw(db, [...hashes.keys()])) out.set(hashes.get(id)!, raw);
  return out;
}

describe('convene export', () => {
  it('round trip: import a real slice, export, import into a fresh db: same messages, same bytes', async () => {
    const first = await ext4Db();
    const out = join(tempDir(), 'export.mbox');
    const r = await cli(['--db', first, 'export', '--format', 'mboxrd', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`exported 101 messages to ${out}\n`);
    const second = openDb(join(tempDir(), 'second.sqlite'));
    const [summary] = await importPaths(second, [out]);
    expect(summary).toMatchObject({ read: 101, stored: 101, duplicates: 0, failed: 0 });
    const a = openDb(first);
    const before = contents(a);
    const after = contents(second);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [hash, raw] of before) expect(after.get(hash)!.equals(raw)).toBe(true);
    // Dates and threads survive too.
    const q = 'SELECT header_mid, date, thread_id IS NOT NULL AS t FROM messages ORDER BY header_mid';
    expect(second.prepare(q).all()).toEqual(a.prepare(q).all());
    a.close();
    second.close();
  });

  it('exports only the matches of a query, oldest first, to stdout', async () => {
    const db = await ext4Db();
    const r = await cli(['--db', db, 'export', 'fsync_mode']);
    expect(r.stderr).toBe('exported 9 messages\n');
    const froms = r.stdout.match(/^From \S+ \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/gm)!;
    expect(froms).toHaveLength(9);
    expect(froms[0]).toBe('From stummala@codeaurora.org Tue May 28 03:22:57 2019');
  });

  it('escapes From lines per mboxrd and reads them back unchanged', async () => {
    const raw = Buffer.from('Subject: x\n\nFrom here\n>From there\n>>From everywhere\nno newline at the end\n');
    const entry = mboxrdEntry(raw, 'a@example.org', Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(entry.toString()).toBe(
      'From a@example.org Tue Jan  2 03:04:05 2024\nSubject: x\n\n>From here\n>>From there\n>>>From everywhere\nno newline at the end\n\n',
    );
    const path = join(tempDir(), 'one.mbox');
    writeFileSync(path, Buffer.concat([entry, entry]));
    const back: Buffer[] = [];
    for await (const m of readMbox(path, false)) back.push(m.raw);
    expect(back).toHaveLength(2);
    expect(back[0]!.equals(raw)).toBe(true);
    expect(fromLine('', null)).toBe('From MAILER-DAEMON Thu Jan  1 00:00:00 1970\n');
    expect(readFileSync(path).length).toBe(entry.length * 2);
  });

  it('rejects other formats', async () => {
    const db = await ext4Db();
    const r = await cli(['--db', db, 'export', '--format', 'maildir']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('export writes only --format mboxrd');
  });
});
