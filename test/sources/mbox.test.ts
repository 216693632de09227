import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { escapeMboxrd, fromLineDateOf, unescapeMboxrd } from '../../src/mail/mbox-format.js';
import { readMbox } from '../../src/sources/mbox.js';
import { deliveryTime } from '../../src/sources/maildir.js';
import { tempDir } from '../helpers/tmp.js';

const collect = async (path: string, gz = false) => {
  const out = [];
  for await (const m of readMbox(path, gz)) out.push(m);
  return out;
};

describe('mbox', () => {
  const dir = tempDir();

  it('splits on From_ lines, drops the separator blank line, unescapes mboxrd', async () => {
    const text =
      'From a@x Tue May  5 10:00:00 2015\nSubject: one\n\nbody\n>From here\n>>From there\n\nFrom b@x Wed May  6 10:00:00 2015\nSubject: two\n\nsecond\n';
    const path = join(dir, 'a.mbox');
    writeFileSync(path, text);
    const msgs = await collect(path);
    expect(msgs.map((m) => m.raw.toString())).toEqual(['Subject: one\n\nbody\nFrom here\n>From there\n', 'Subject: two\n\nsecond\n']);
    expect(msgs[0]!.fromLineDate).toBe(Date.UTC(2015, 4, 5, 10));
  });

  it('reads gzip-compressed mboxes', async () => {
    const path = join(dir, 'a.mbox.gz');
    writeFileSync(path, gzipSync('From a@x Tue May  5 10:00:00 2015\nSubject: gz\n\nhi\n'));
    expect((await collect(path, true)).map((m) => m.raw.toString())).toEqual(['Subject: gz\n\nhi\n']);
  });

  it('refuses a file that is not an mbox', async () => {
    const path = join(dir, 'not.mbox');
    writeFileSync(path, 'Subject: hi\n\nbody\n');
    await expect(collect(path)).rejects.toThrow(/not an mbox/);
  });

  it('escape and unescape are inverse (mboxrd)', () => {
    const raw = Buffer.from('Subject: x\n\nFrom me\n>From you\n>>From them\nnot From\n');
    expect(escapeMboxrd(raw).toString()).toBe('Subject: x\n\n>From me\n>>From you\n>>>From them\nnot From\n');
    expect(unescapeMboxrd(escapeMboxrd(raw)).equals(raw)).toBe(true);
  });

  it("treats public-inbox's epoch From_ date as no date", () => {
    expect(fromLineDateOf('From mboxrd@z Thu Jan  1 00:00:00 1970')).toBeUndefined();
    expect(fromLineDateOf('From x Fri Dec 13 09:30:00 2019')).toBe(Date.UTC(2019, 11, 13, 9, 30));
  });

  it('takes the maildir delivery time from the file name', () => {
    expect(deliveryTime('/m/cur/1382298587.M1P2.host:2,S')).toBe(1382298587000);
  });
});

describe('an empty file', () => {
  const dir = tempDir();
  it('is an empty mbox, not an error', async () => {
    const { openLocalSource } = await import('../../src/sources/detect.js');
    const path = join(dir, 'empty.mbox');
    writeFileSync(path, '');
    const source = openLocalSource(path);
    expect(source.kind).toBe('mbox');
    const all = [];
    for await (const m of source.messages()) all.push(m);
    expect(all).toEqual([]);
  });
});
