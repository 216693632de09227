import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { createGunzip } from 'node:zlib';

/** The 10k real slice every comparison bench runs on. */
export const CORPUS_NAME = 'linux-ext4-first10k.mbox.gz';

/** Where the shared read-only corpora live: $CONVENE_CORPORA, else ../shared/corpora from the repo root. */
export function corporaDir(root: string): string {
  return process.env.CONVENE_CORPORA ?? join(root, '..', 'shared', 'corpora');
}

/** The skip reason when the corpus is absent. */
export function corpusMissing(source: string): string {
  return `corpus ${source} not found (set CONVENE_CORPORA, or provide ../shared/corpora next to the checkout)`;
}

/** A prepared slice: an uncompressed mboxrd file, and (on demand) the same messages as a maildir. */
export interface Slice {
  /** The original file (gzip). */
  readonly source: string;
  /** Uncompressed mbox of the first `messages` messages, byte-identical to the source's. */
  readonly mbox: string;
  readonly messages: number;
  readonly mboxBytes: number;
}

const FROM_LINE = Buffer.from('\nFrom ');

/**
 * Yield the "From " blocks of an mbox (the From_ line included, escaping kept), up to `limit`.
 * Only the block being cut is held in memory.
 */
export async function* mboxBlocks(path: string, limit = Infinity): AsyncGenerator<Buffer> {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream = path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  let buf: Buffer = Buffer.alloc(0);
  let count = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      let start = 0;
      for (;;) {
        const next = buf.indexOf(FROM_LINE, start + 1);
        if (next === -1) break;
        yield buf.subarray(start, next + 1);
        start = next + 1;
        if (++count >= limit) return;
      }
      buf = buf.subarray(start);
    }
    if (buf.length && count < limit) yield buf;
  } finally {
    file.destroy();
  }
}

/** A block's message bytes: From_ line and the separating blank line dropped, mboxrd ">From " unescaped. */
export function blockToMessage(block: Buffer): Buffer {
  const eol = block.indexOf(0x0a);
  let body = block.subarray(eol + 1);
  if (body.length >= 2 && body[body.length - 1] === 0x0a && body[body.length - 2] === 0x0a) body = body.subarray(0, -1);
  if (body.indexOf('>From ') === -1) return body;
  return Buffer.from(body.toString('latin1').replace(/^>(>*From )/gm, '$1'), 'latin1');
}

/**
 * The first `limit` messages (all when undefined) of a corpus as an uncompressed mbox under
 * `workDir`, written once and reused (a marker records the count).
 */
export async function prepareSlice(source: string, workDir: string, limit?: number): Promise<Slice> {
  const label = limit === undefined ? 'all' : String(limit);
  const base = join(workDir, `${CORPUS_NAME.replace(/\.mbox\.gz$/, '')}-${label}`);
  const mbox = `${base}.mbox`;
  const marker = `${base}.done.json`;
  if (existsSync(marker) && existsSync(mbox)) {
    const m = JSON.parse(readFileSync(marker, 'utf8')) as { messages: number; bytes: number };
    return { source, mbox, messages: m.messages, mboxBytes: m.bytes };
  }
  mkdirSync(workDir, { recursive: true });
  const out = createWriteStream(mbox);
  let messages = 0;
  let bytes = 0;
  for await (const block of mboxBlocks(source, limit)) {
    messages++;
    bytes += block.length;
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  writeFileSync(marker, JSON.stringify({ messages, bytes }));
  return { source, mbox, messages, mboxBytes: bytes };
}

/**
 * The slice as a maildir (one file per message in cur/, ":2," info suffix, as mbsync writes
 * them), written once and reused. Returns the maildir path.
 */
export async function prepareMaildir(slice: Slice, workDir: string): Promise<string> {
  const dir = join(workDir, `maildir-${slice.messages}`);
  const marker = `${dir}.done`;
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(dir, sub), { recursive: true });
  let i = 0;
  for await (const block of mboxBlocks(slice.mbox)) {
    i++;
    // Unique names the way maildir writers make them: time.unique.host, then the info suffix.
    writeFileSync(join(dir, 'cur', `1600000000.M${i}P1.bench:2,`), blockToMessage(block));
  }
  writeFileSync(marker, String(i));
  return dir;
}
