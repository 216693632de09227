import { fromLineDateOf, unescapeMboxrd } from '../mail/mbox-format.js';
import { readHeaders } from '../mail/headers.js';
import type { RawMessage } from '../mail/types.js';
import { afterBlankLine, detectEscaping, isFromLine, mboxStream, type MboxFormat } from './mbox-scan.js';

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

/**
 * Stream the messages of an mbox file (mboxrd, mboxo or mboxcl2, optionally gzip-compressed).
 * A message starts at a From_ line with a date that follows a blank line (or opens the file),
 * the rule mutt and public-inbox's MboxReader use, so a body line such as "From the start ..."
 * never splits a message; a message with a Content-Length header that lands on the next From_
 * line (or the end) is cut there (mboxcl2), whatever its body holds. Body lines are unescaped
 * the way the file's writer escaped them (mbox-scan.ts). Memory stays flat: only the message
 * being cut is held. `onFormat` learns the file's format before the first message.
 */
export async function* readMbox(path: string, gzip: boolean, onFormat?: (f: MboxFormat) => void): AsyncGenerator<MboxMessage> {
  const escaping = await detectEscaping(path, gzip);
  const unescape = escaping === 'mboxrd' ? unescapeMboxrd : (b: Buffer) => b;
  const stream = mboxStream(path, gzip);
  const chunks = stream.chunks[Symbol.asyncIterator]();
  let buf: Buffer = Buffer.alloc(0);
  let eof = false;
  let consumed = 0;
  const more = async (): Promise<boolean> => {
    if (eof) return false;
    const next = await chunks.next();
    if (next.done) eof = true;
    else buf = buf.length ? Buffer.concat([buf, next.value]) : next.value;
    return !eof;
  };
  // The file stays open only while it is read: a reader that stops early (a follower at a message
  // still being written) closes it.
  try {
    while (buf.length < 5 && (await more()));
    if (buf.length === 0) return;
    if (buf.toString('latin1', 0, 5) !== 'From ') throw new Error(`${path}: not an mbox file (it does not start with "From ")`);
    let first = true;
    while (buf.length) {
      let lineEnd = buf.indexOf(0x0a);
      while (lineEnd === -1 && (await more())) lineEnd = buf.indexOf(0x0a);
      if (lineEnd === -1) lineEnd = buf.length; // a last From_ line and nothing else
      const fromLineDate = fromLineDateOf(buf.toString('latin1', 0, lineEnd));
      const sized = await lengthDelimited();
      if (first) onFormat?.(sized ? 'mboxcl2' : escaping);
      first = false;
      const end = sized?.next ?? (await separator(lineEnd + 1));
      const block = buf.subarray(Math.min(lineEnd + 1, end), sized?.end ?? end);
      const raw = sized ? block : unescape(dropSeparatorLine(block));
      const last = end >= buf.length && eof;
      buf = buf.subarray(end);
      consumed += end;
      if (raw.length === 0) continue;
      const open = last && !sized && !terminated(block);
      yield {
        raw,
        position: gzip ? stream.read() : consumed,
        ...(fromLineDate !== undefined ? { fromLineDate } : {}),
        ...(open ? { unterminated: true as const } : {}),
        ...(!sized && raw[raw.length - 1] === 0x0a ? { finalNewlineUncertain: true as const } : {}),
      };
    }
  } finally {
    stream.close();
  }

  /** Where the next message starts: a From_ line after a blank line, at or after `from`; else the end. */
  async function separator(from: number): Promise<number> {
    let at = from;
    for (;;) {
      const nl = buf.indexOf('\nFrom ', Math.max(at - 1, 0));
      if (nl === -1) {
        if (!(await more())) return buf.length;
        continue;
      }
      const eol = buf.indexOf(0x0a, nl + 1);
      if (eol === -1 && (await more())) continue;
      if (afterBlankLine(buf, nl + 1) && isFromLine(buf, nl + 1, eol === -1 ? buf.length : eol)) return nl + 1;
      at = nl + 2;
    }
  }

  /**
   * mboxcl2: the message's Content-Length, when the header block has one and the body it
   * measures ends where a From_ line (after any blank lines) or the file's end begins.
   */
  async function lengthDelimited(): Promise<{ end: number; next: number } | null> {
    const start = buf.indexOf(0x0a) + 1;
    let head = blankLine(buf, start);
    while (head === -1 && (await more())) head = blankLine(buf, start);
    if (head === -1) return null;
    const values = readHeaders(buf.subarray(start, head)).get('content-length');
    if (values?.length !== 1 || !/^\d{1,10}$/.test(values[0]!)) return null;
    const end = head + (buf[head] === 0x0d ? 2 : 1) + Number(values[0]);
    while (buf.length < end + 6 && (await more()));
    if (end > buf.length) return null;
    let next = end;
    for (;;) {
      while (buf[next] === 0x0a || buf[next] === 0x0d) next++;
      if (next < buf.length || !(await more())) break;
    }
    while (buf.length < next + 5 && (await more()));
    if (next < buf.length && buf.toString('latin1', next, next + 5) !== 'From ') return null;
    return { end, next };
  }
}

/**
 * Where the empty line that ends the header block starting at `start` begins (at `start` itself
 * when there are no headers), or -1 when the buffer holds none yet. The CRLF search stops at the
 * first LF blank line, so a buffer of many messages is not scanned to its end for each.
 */
function blankLine(buf: Buffer, start: number): number {
  if (buf[start] === 0x0a || (buf[start] === 0x0d && buf[start + 1] === 0x0a)) return start;
  const lf = buf.indexOf('\n\n', start);
  const crlf = buf.subarray(start, lf === -1 ? buf.length : lf).indexOf('\r\n\r\n');
  if (crlf !== -1) return start + crlf + 2;
  return lf === -1 ? -1 : lf + 1;
}

/** True when the block ends with the blank line (LF or CRLF) that closes an mbox message. */
function terminated(block: Buffer): boolean {
  const n = block.length;
  return (
    (n >= 2 && block[n - 1] === 0x0a && block[n - 2] === 0x0a) ||
    (n >= 3 && block[n - 1] === 0x0a && block[n - 2] === 0x0d && block[n - 3] === 0x0a)
  );
}

/** The blank line mbox puts between messages is not part of the message. */
function dropSeparatorLine(body: Buffer): Buffer {
  const n = body.length;
  if (n >= 2 && body[n - 1] === 0x0a && body[n - 2] === 0x0a) return body.subarray(0, -1);
  if (n >= 3 && body[n - 1] === 0x0a && body[n - 2] === 0x0d && body[n - 3] === 0x0a) return body.subarray(0, -2);
  if (n === 1 && body[0] === 0x0a) return body.subarray(0, 0);
  return body;
}
