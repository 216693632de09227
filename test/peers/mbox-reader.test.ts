/**
 * mbox variants, as public-inbox's t/mbox_reader.t tests its MboxReader (issue 14 item 7,
 * issue 13 item 9, ../shared/repro/09-archive-fidelity.sh A and B):
 * - the same six messages (header only, "From " and "from " bodies, 1,000-line headers and bodies)
 *   written as mboxrd, mboxo and mboxcl2, with LF and with CRLF line ends, read back unchanged;
 * - a "From " body line that is not a separator (no date, or no blank line before it) never
 *   splits a message, and a file whose writer did not escape keeps its ">From " lines;
 * - mboxcl2 bodies holding what looks like a separator are cut by their Content-Length;
 * - a message without a final newline survives export and re-import into the same archive.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../src/ingest/import.js';
import { contentHash } from '../../src/mail/content-hash.js';
import { writeMboxrd } from '../../src/search/mboxrd-writer.js';
import { readMbox } from '../../src/sources/mbox.js';
import type { MboxFormat } from '../../src/sources/mbox-scan.js';
import { openDb } from '../../src/store/db.js';
import { tempDir } from '../helpers/tmp.js';

const RAW: Readonly<Record<string, string>> = {
  hdr_only: 'From: header-only@example.com\n\n',
  small_from: 'From: small-from@example.com\n\nFrom hell\n',
  small: 'From: small@example.com\n\nfrom hell\n',
  big_hdr_only: 'From: big-header@example.com\n' + `A: ${'a'.repeat(72)}\n`.repeat(1000) + '\n',
  big_body: 'From: big-body@example.com\n\n' + `b: ${'b'.repeat(72)}\n`.repeat(1000) + 'From hell\n',
  big_all:
    'From: big-all@example.com\n' + `A: ${'a'.repeat(72)}\n`.repeat(1000) + '\n' + `b: ${'b'.repeat(72)}\n`.repeat(1000) + 'From hell\n',
};

const FROM_LINE = 'From mboxrd@z Thu Jan  1 00:00:00 1970\n';

/** public-inbox LeiToMail eml2mboxrd / eml2mboxo / eml2mboxcl2, for one message. */
function entry(raw: string, format: 'mboxrd' | 'mboxo' | 'mboxcl2', nl: string): string {
  const blank = nl + nl;
  if (format === 'mboxcl2') {
    const cut = raw.indexOf(blank);
    const [head, body] = [raw.slice(0, cut + nl.length), raw.slice(cut + blank.length)];
    return `${FROM_LINE.replace('\n', nl)}${head}Content-Length: ${Buffer.byteLength(body)}${blank}${body}${nl}`;
  }
  const escaped = format === 'mboxrd' ? raw.replace(/^(>*From )/gm, '>$1') : raw.replace(/^From /gm, '>From ');
  return `${FROM_LINE.replace('\n', nl)}${escaped}${escaped.endsWith(nl) ? '' : nl}${nl}`;
}

async function read(path: string): Promise<{ raws: string[]; format: MboxFormat | undefined }> {
  let format: MboxFormat | undefined;
  const raws: string[] = [];
  for await (const m of readMbox(path, false, (f) => (format = f))) raws.push(m.raw.toString('latin1'));
  return { raws, format };
}

describe('public-inbox t/mbox_reader.t: write each variant, read back the originals', () => {
  const dir = tempDir('convene-peers-mbox-');
  for (const nl of ['\n', '\r\n'])
    for (const format of ['mboxrd', 'mboxo', 'mboxcl2'] as const)
      it(`${format}, ${nl === '\n' ? 'LF' : 'CRLF'}`, async () => {
        const keys = Object.keys(RAW);
        const originals = keys.map((k) => RAW[k]!.replace(/\n/g, nl));
        const path = join(dir, `${format}-${nl.length}.mbox`);
        writeFileSync(path, originals.map((r) => entry(r, format, nl)).join(''));
        const { raws, format: seen } = await read(path);
        // mboxcl2 keeps its Content-Length header (the file's bytes); the test drops it to compare.
        const back = format === 'mboxcl2' ? raws.map((r) => r.replace(/Content-Length: \d+\r?\n/, '')) : raws;
        expect(back).toEqual(originals);
        expect(seen).toBe(format === 'mboxcl2' ? 'mboxcl2' : 'mboxrd');
      });
});

describe('separators: a From_ line with a date, after a blank line', () => {
  const dir = tempDir('convene-peers-mbox-');

  it('an unescaped "From the start ..." body line stays in its message (repro 09 B)', async () => {
    const path = join(dir, 'unescaped.mbox');
    const body = 'Hello,\n\nFrom the start of the project we agreed on X.\nSecond line.\n>From a quote\n';
    writeFileSync(path, `From a@x Mon Jun  1 10:00:00 2026\nFrom: a@x\nSubject: unescaped\n\n${body}\n`);
    const { raws, format } = await read(path);
    expect(raws).toEqual([`From: a@x\nSubject: unescaped\n\n${body}`]);
    // The writer did not escape, so the file's ">From" line is the sender's own.
    expect(format).toBe('mboxo');
  });

  it('a dated From_ line without a blank line before it does not split (public-inbox would: no_blank_eom)', async () => {
    const path = join(dir, 'no-blank.mbox');
    writeFileSync(path, 'From x@y Fri Oct  2 00:00:00 1993\na: b\n\nbody1\nFrom x@y Fri Oct  2 00:00:00 1993\nc: d\n\nbody2\n');
    const { raws } = await read(path);
    // Kept whole rather than guessing: the second "message" could be a quoted mbox in a body.
    expect(raws).toEqual(['a: b\n\nbody1\nFrom x@y Fri Oct  2 00:00:00 1993\nc: d\n\nbody2\n']);
  });

  it('mboxcl2: seven messages whose bodies hold separator look-alikes are seven, not nine', async () => {
    const path = join(dir, 'seven.mboxcl2');
    const bodies = Array.from({ length: 7 }, (_, i) =>
      i % 3 === 0 ? `quoting an mbox:\n\nFrom x@y Fri Oct  2 00:00:00 1993\nSubject: inner ${i}\n\nhi\n` : `plain body ${i}\n`,
    );
    writeFileSync(path, bodies.map((b, i) => entry(`Subject: m${i}\n\n${b}`, 'mboxcl2', '\n')).join(''));
    const { raws, format } = await read(path);
    expect(format).toBe('mboxcl2');
    expect(raws.map((r) => r.replace(/Content-Length: \d+\n/, ''))).toEqual(bodies.map((b, i) => `Subject: m${i}\n\n${b}`));
  });

  it('a Content-Length that does not land on a separator is ignored, and the From_ lines decide', async () => {
    const path = join(dir, 'bad-length.mbox');
    writeFileSync(path, `${FROM_LINE}Content-Length: 3\nSubject: a\n\nlonger than three\n\n${FROM_LINE}Subject: b\n\nb\n`);
    expect((await read(path)).raws).toEqual(['Content-Length: 3\nSubject: a\n\nlonger than three\n', 'Subject: b\n\nb\n']);
  });
});

describe('export and re-import (repro 09 A)', () => {
  const dir = tempDir('convene-peers-export-');

  it('messages without a final newline, one ending in CR and an empty one are not stored twice', async () => {
    const md = join(dir, 'md');
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(md, sub), { recursive: true });
    const originals = [
      'From: a@x\nSubject: no final newline\nMessage-ID: <nonl@x>\n\nlast line',
      'From: a@x\nSubject: ends in CR\nMessage-ID: <cr@x>\n\nbody\r',
      '',
    ];
    originals.forEach((r, i) => writeFileSync(join(md, 'cur', `${i + 1}.M${i}.h:2,S`), r));
    const db = openDb(join(dir, 'a.sqlite'));
    const [first] = await importPaths(db, [md], { workers: false });
    expect(first).toMatchObject({ read: 3, stored: 3 });
    const chunks: Buffer[] = [];
    await writeMboxrd(db, { write: (c: Buffer) => (chunks.push(c), true), once: () => undefined, off: () => undefined });
    const exported = join(dir, 'a.mbox');
    writeFileSync(exported, Buffer.concat(chunks));
    const [again] = await importPaths(db, [exported], { workers: false });
    expect(again).toMatchObject({ read: 3, stored: 0, duplicates: 3 });
    const hashes = db
      .prepare<[], { hash: string }>('SELECT hash FROM messages ORDER BY id')
      .all()
      .map((r) => r.hash);
    expect(hashes).toEqual(originals.map((r) => contentHash(Buffer.from(r))));
    expect(readFileSync(exported, 'latin1')).toContain('last line\n\n');
    db.close();
  });
});
