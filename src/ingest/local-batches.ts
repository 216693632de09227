import { ConveneError } from '../errors.js';
import type { RawMessage } from '../mail/types.js';
import type { LocalSource } from '../sources/detect.js';
import type { Db } from '../store/db.js';
import type { Batch } from './batch.js';

/**
 * Where a follower left off in one source, and how it moves on (DESIGN principle 7). A source
 * read with a cursor is followed while it grows, so an mbox's last message that is not yet closed
 * by its blank line (mbox.ts `unterminated`) is neither ingested nor counted: were it counted, the
 * next pass would skip it and the archive keep its first half for good. It is read once complete.
 */
export interface SourceCursor {
  /** Messages at the start of the source consumed before: passed over unread. */
  readonly skip: number;
  /** See IngestOptions.countCopies. */
  readonly countCopies: boolean;
  /** Runs inside each batch's transaction: `consumed` messages of the source (skip included) are now in. */
  readonly commit: (db: Db, consumed: number) => void;
  /** After the source's last batch: how many messages it yielded in all (skip included). */
  readonly end?: (seen: number) => void;
}

/**
 * A local mbox or maildir as batches of `size` messages. Progress (`done`) is where the last
 * message of a batch ends: bytes for an mbox, files for a maildir. With a follower's cursor, the
 * messages it consumed before are passed over unread and each batch commits how far it reached.
 */
export async function* localBatches(source: LocalSource, size: number, cursor?: SourceCursor): AsyncGenerator<Batch> {
  let messages: RawMessage[] = [];
  let position = 0;
  let seen = 0;
  const cut = (): Batch => {
    const consumed = seen;
    const batch: Batch = {
      messages,
      done: position,
      total: source.total,
      ...(cursor ? { cursor: { commit: (db: Db) => cursor.commit(db, consumed) } } : {}),
    };
    messages = [];
    return batch;
  };
  try {
    for await (const msg of source.messages()) {
      if (cursor && msg.unterminated) break; // the last message, still being written: next pass
      position = msg.position;
      if (++seen <= (cursor?.skip ?? 0)) continue;
      messages.push(msg);
      if (messages.length >= size) yield cut();
    }
  } catch (err) {
    // A truncated .gz or a read error part-way: every whole message read before the damage is
    // stored (feed commits this batch before it passes the error on), and the error names the file.
    if (messages.length) yield cut();
    throw sourceError(source, seen, err);
  }
  if (messages.length) yield cut();
  cursor?.end?.(seen);
}

/** An error from reading a local source, as one line naming the file and what was kept. */
function sourceError(source: LocalSource, seen: number, err: unknown): Error {
  if (err instanceof ConveneError) return err;
  const e = err as NodeJS.ErrnoException;
  const kept = seen ? `the ${seen} whole message${seen === 1 ? '' : 's'} before it are stored` : 'no message before it';
  const why =
    e.code === 'Z_BUF_ERROR'
      ? 'the compressed file ends early (truncated?)'
      : e.code === 'Z_DATA_ERROR'
        ? `the compressed data is damaged (${e.message})`
        : e.code
          ? `cannot read it: ${e.message}`
          : e.message.replace(`${source.path}: `, '');
  return new ConveneError('INPUT', `${source.path}: ${why}; ${kept}`, { cause: err });
}
