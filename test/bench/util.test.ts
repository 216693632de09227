import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blockToMessage, mboxBlocks } from './corpus.js';
import { GNU_TIME, median, percentile, runTimed, shellQuote, which } from './util.js';

describe('percentile and median', () => {
  it('use the nearest rank', () => {
    const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(median(xs)).toBe(5);
    expect(percentile(xs, 95)).toBe(10);
    expect(percentile(xs, 10)).toBe(1);
    expect(percentile([42], 95)).toBe(42);
    expect(Number.isNaN(median([]))).toBe(true);
  });
});

describe('shellQuote', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote('from:jack@suse.cz')).toBe('from:jack@suse.cz');
    expect(shellQuote('"page cache"')).toBe(`'"page cache"'`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

describe('runTimed', () => {
  it('reports the exit code, output and, under GNU time when present, the peak RSS', async () => {
    const gnuTime = which(GNU_TIME) !== undefined;
    const r = await runTimed(process.execPath, ['-e', 'process.stdout.write("hi"); process.exitCode = 3'], { measureRss: gnuTime });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('hi');
    expect(r.wallMs).toBeGreaterThan(0);
    if (gnuTime) expect(r.maxRssBytes).toBeGreaterThan(1 << 20);
    else expect(r.maxRssBytes).toBeUndefined();
  });
});

describe('mboxBlocks and blockToMessage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'convene-bench-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const mbox = join(dir, 'x.mbox');
  writeFileSync(
    mbox,
    'From a@b Thu Jan  1 00:00:00 2020\nSubject: one\n\n>From here\nbody\n\nFrom c@d Thu Jan  1 00:00:00 2020\nSubject: two\n\nx\n\n',
  );

  it('cuts at From_ lines, up to a limit, and unescapes ">From " lines', async () => {
    const all: Buffer[] = [];
    for await (const b of mboxBlocks(mbox)) all.push(b);
    expect(all).toHaveLength(2);
    expect(blockToMessage(all[0]!).toString()).toBe('Subject: one\n\nFrom here\nbody\n');
    expect(blockToMessage(all[1]!).toString()).toBe('Subject: two\n\nx\n');
    const first: Buffer[] = [];
    for await (const b of mboxBlocks(mbox, 1)) first.push(b);
    expect(first).toHaveLength(1);
  });
});
