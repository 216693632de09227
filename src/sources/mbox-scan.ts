import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

/**
 * How an mbox file escapes body lines that start with "From " (qmail's mbox(5) names the
 * variants; mutt and public-inbox's MboxReader read them all):
 * - mboxrd: every /^>*From / body line got one more ">", so reading removes one;
 * - mboxo: the writer did not escape body "From " lines (the file holds such lines where no
 *   message starts), so its ">From " lines are the senders' own and are kept as they are;
 * - mboxcl2: messages carry a Content-Length header that delimits their body, which is not
 *   escaped at all. Recognised per message (sources/mbox.ts); a file whose first message is so
 *   delimited is reported as mboxcl2.
 */
export type MboxFormat = 'mboxrd' | 'mboxo' | 'mboxcl2';

/**
 * A From_ line that starts a message: "From " sender and an asctime date, as public-inbox's
 * MboxReader $from_strict has it ("From sender Mon Jun  1 10:00:00 2026"). A body line like
 * "From the start of the project ..." carries no such date.
 */
const FROM_LINE = /^From \S+ +\S+ \S+ +\S+ [^\n:]+:[^\n:]+:[^\n:]+ [^\n:]+$/;

/** Is buf[start, end) (one line, its LF excluded) a From_ line that starts a message? */
export function isFromLine(buf: Buffer, start: number, end: number): boolean {
  if (end - start < 5 || buf[start] !== 0x46 || buf.toString('latin1', start, start + 5) !== 'From ') return false;
  const line = buf.toString('latin1', start, buf[end - 1] === 0x0d ? end - 1 : end);
  return FROM_LINE.test(line);
}

/** Does the line starting at `at` follow an empty line (LF or CRLF)? The file's first line does. */
export function afterBlankLine(buf: Buffer, at: number): boolean {
  if (at === 0) return true;
  if (buf[at - 1] !== 0x0a) return false;
  return at === 1 || buf[at - 2] === 0x0a || (buf[at - 2] === 0x0d && (at === 2 || buf[at - 3] === 0x0a));
}

/**
 * The file's bytes as a stream of chunks, gunzipped when `gzip`, and how many bytes of the file
 * were read so far (for a .gz, the compressed bytes: its progress, MboxMessage.position).
 */
export function mboxStream(path: string, gzip: boolean): MboxStream {
  // A .gz is read in smaller chunks, so that its progress moves smoothly.
  const file = createReadStream(path, { highWaterMark: gzip ? 1 << 16 : 1 << 20 });
  const gunzip = gzip ? file.pipe(createGunzip()) : null;
  return {
    chunks: (gunzip ?? file) as AsyncIterable<Buffer>,
    read: () => file.bytesRead,
    close: () => {
      gunzip?.destroy();
      file.destroy();
    },
  };
}

export interface MboxStream {
  readonly chunks: AsyncIterable<Buffer>;
  readonly read: () => number;
  /** Ends the reading early (a reader that stops before the end): the file is closed. */
  readonly close: () => void;
}

/**
 * Which escaping the file's writer used, from one pass over its lines: a "From " line where no
 * message starts (no blank line before it, or no date) shows a writer that does not escape
 * (mboxo); otherwise the file is read as mboxrd, which is also the right reading of every line
 * an mboxo writer did escape. Memory stays flat: one line is held across chunks. A file that
 * cannot be read to its end (a truncated .gz) is judged by what could be read.
 */
export async function detectEscaping(path: string, gzip: boolean): Promise<'mboxrd' | 'mboxo'> {
  let carry: Buffer = Buffer.alloc(0);
  let prevBlank = true;
  let first = true;
  const stream = mboxStream(path, gzip);
  try {
    for await (const chunk of stream.chunks) {
      const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      let start = 0;
      for (let eol = buf.indexOf(0x0a); eol !== -1; eol = buf.indexOf(0x0a, start)) {
        const end = buf[eol - 1] === 0x0d && eol > start ? eol - 1 : eol;
        if (!first && buf[start] === 0x46 && buf.toString('latin1', start, start + 5) === 'From ') {
          if (!prevBlank || !isFromLine(buf, start, end)) return 'mboxo';
        }
        prevBlank = end === start;
        first = false;
        start = eol + 1;
      }
      carry = buf.subarray(start);
    }
  } catch {
    // Unreadable past some point: judged by what was read. Reading the messages fails there too,
    // and says so, after storing the whole ones before it.
  } finally {
    stream.close();
  }
  return 'mboxrd';
}
