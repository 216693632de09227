import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { fromLineDateOf, unescapeMboxrd } from '../mail/mbox-format.js';
import type { RawMessage } from '../mail/types.js';

/** A message read from an mbox, with its byte offset for progress reports. */
export interface MboxMessage extends RawMessage {
  /**
   * How far into the file, for progress against its size: bytes consumed, or for a .gz the
   * compressed bytes read so far (the uncompressed total is unknown until the end).
   */
  readonly position: number;
  /**
   * Set on the last message when the file does not end with the blank line that closes an mbox
   * message: it may still be being written. A follower leaves it for its next pass; an import
   * of a whole file takes it as it is.
   */
  readonly unterminated?: true;
}

const FROM = Buffer.from('\nFrom ');

/**
 * Stream the messages of an mbox file (mboxrd or mboxo, optionally gzip-compressed).
 * Separators are "From " at the start of a line; body lines escaped as ">From " (mboxrd: any
 * number of ">") lose one ">" (the mboxrd rule, which public-inbox and git also apply).
 * Memory stays flat: only the message being cut is held.
 */
export async function* readMbox(path: string, gzip: boolean): AsyncGenerator<MboxMessage> {
  // A .gz is read in smaller chunks: its progress is the compressed bytes read (MboxMessage.position).
  const file = createReadStream(path, { highWaterMark: gzip ? 1 << 16 : 1 << 20 });
  const stream = gzip ? file.pipe(createGunzip()) : file;
  let buf: Buffer = Buffer.alloc(0);
  let consumed = 0;
  const at = (): number => (gzip ? file.bytesRead : consumed);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    let start = 0;
    if (consumed === 0 && !buf.subarray(0, 5).equals(Buffer.from('From '))) {
      throw new Error(`${path}: not an mbox file (it does not start with "From ")`);
    }
    for (;;) {
      const next = buf.indexOf(FROM, start + 1);
      if (next === -1) break;
      const msg = cut(buf.subarray(start, next + 1));
      consumed += next + 1 - start;
      start = next + 1;
      if (msg) yield { ...msg, position: at() };
    }
    buf = buf.subarray(start);
  }
  if (buf.length) {
    const msg = cut(buf);
    consumed += buf.length;
    if (msg) yield { ...msg, position: at(), ...(terminated(buf) ? {} : { unterminated: true as const }) };
  }
}

/** True when the block ends with the blank line (LF or CRLF) that closes an mbox message. */
function terminated(block: Buffer): boolean {
  const n = block.length;
  return (
    (n >= 2 && block[n - 1] === 0x0a && block[n - 2] === 0x0a) ||
    (n >= 3 && block[n - 1] === 0x0a && block[n - 2] === 0x0d && block[n - 3] === 0x0a)
  );
}

/** One "From ..." block → the raw message (From_ line removed, separator blank line dropped, unescaped). */
function cut(block: Buffer): RawMessage | null {
  const eol = block.indexOf(0x0a);
  if (eol === -1) return null;
  const fromLine = block.subarray(0, eol).toString('latin1');
  let body = block.subarray(eol + 1);
  // The blank line mbox puts between messages is not part of the message.
  if (body.length >= 2 && body[body.length - 1] === 0x0a && body[body.length - 2] === 0x0a) body = body.subarray(0, -1);
  else if (body.length >= 3 && body.subarray(-3).toString('latin1') === '\n\r\n') body = body.subarray(0, -2);
  const fromLineDate = fromLineDateOf(fromLine);
  return { raw: unescapeMboxrd(body), ...(fromLineDate !== undefined ? { fromLineDate } : {}) };
}
