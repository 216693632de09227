import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress.js';
import { importPaths } from '../../src/ingest/import.js';
import { consoleLogger, jsonLineLogger } from '../../src/log.js';
import { openDb } from '../../src/store/db.js';
import { tempDir } from '../helpers/tmp.js';

/** A stream that says it is a terminal and keeps what was written. */
function terminal(): Writable & { isTTY: boolean; columns: number; text: () => string } {
  let out = '';
  const w = new Writable({
    write(chunk, _enc, done) {
      out += chunk.toString();
      done();
    },
  }) as Writable & { isTTY: boolean; columns: number; text: () => string };
  w.isTTY = true;
  w.columns = 120;
  w.text = () => out;
  return w;
}

describe('progress and logs on a terminal (issue 11)', () => {
  it('a compressed mbox is measured by compressed bytes read: never past 100%, reaching it at the end', async () => {
    const dir = tempDir();
    const db = openDb(join(dir, 'a.sqlite'));
    const seen: { done: number; total: number }[] = [];
    await importPaths(db, [join('test', 'fixtures', 'mail', 'ext4-200.mbox.gz')], {
      workers: false,
      batchSize: 10,
      onProgress: (p) => seen.push({ done: p.done, total: p.total }),
    });
    db.close();
    expect(seen.length).toBeGreaterThan(4);
    for (const s of seen) expect(s.done).toBeLessThanOrEqual(s.total);
    expect(seen[0]!.done / seen[0]!.total).toBeLessThan(0.5);
    expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
  });

  it('a log line clears the bar first and redraws it after: they never share a line', () => {
    const tty = terminal();
    const bar = progressBar(tty, 'sync INBOX');
    const log = consoleLogger(tty, () => Date.UTC(2026, 2, 10, 16, 4, 5));
    bar.update(5, 10, '5 read');
    log.warn({ msg: 'reconnecting', mailbox: 'INBOX', attempt: 2 });
    bar.update(10, 10, '10 read');
    bar.done();
    const text = tty.text();
    const logAt = text.indexOf('WARN');
    // Everything before the log line on its line was erased: the line starts clean.
    expect(text.slice(0, logAt)).toMatch(/\r\x1b\[K\d\d:\d\d:\d\d $/);
    expect(text.slice(logAt)).toMatch(/^WARN  reconnecting {2}mailbox=INBOX attempt=2\n\rsync INBOX \[#+-*\] +50% 5 read/);
    expect(text.endsWith('\r\x1b[K')).toBe(true);
  });

  it('logs are readable lines on a terminal and JSON lines otherwise, with secrets redacted either way', () => {
    const tty = terminal();
    consoleLogger(tty, () => 0).error({ msg: 'sync failed', error: 'ECONNREFUSED 127.0.0.1:993', password: 'hunter2' });
    expect(tty.text()).toMatch(/^\d\d:\d\d:\d\d ERROR sync failed {2}error="ECONNREFUSED 127\.0\.0\.1:993" password=\[redacted\]\n$/);
    let piped = '';
    const pipe = new Writable({
      write(c, _e, done) {
        piped += c.toString();
        done();
      },
    });
    consoleLogger(pipe, () => 0).error({ msg: 'sync failed', password: 'hunter2' });
    expect(JSON.parse(piped)).toEqual({ level: 'error', time: '1970-01-01T00:00:00.000Z', msg: 'sync failed', password: '[redacted]' });
    expect(typeof jsonLineLogger).toBe('function');
  });
});
