import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { ConveneError } from '../errors.js';
import type { RawMessage } from '../mail/types.js';
import { isMaildir, readMaildir, scanMaildir, type SkippedEntry } from './maildir.js';
import { readMbox } from './mbox.js';

export type { SkippedEntry } from './maildir.js';

export type SourceKind = 'mbox' | 'mbox.gz' | 'maildir';

export interface LocalSource {
  readonly path: string;
  readonly kind: SourceKind;
  /** Total for progress: bytes for mbox, files for maildir. */
  readonly total: number;
  /** `unterminated`: see MboxMessage (mbox.ts). */
  readonly messages: () => AsyncGenerator<RawMessage & { position: number; unterminated?: true }>;
  /** Entries not read as messages, with the reason (a maildir's odd entries); grows while reading. */
  readonly skipped: () => readonly SkippedEntry[];
  /** A maildir's files outside cur/ and new/ (tmp/, index files, strays), none of them read. */
  readonly outside: number;
}

/** Detect a local source: a maildir directory, an mbox, or a gzip-compressed mbox. */
export function openLocalSource(path: string): LocalSource {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new ConveneError('INPUT', `${path}: no such file or directory`);
  }
  if (st.isDirectory()) {
    if (!isMaildir(path)) throw new ConveneError('INPUT', `${path}: a directory but not a maildir (no cur/ or new/ below it)`);
    const scan = scanMaildir(path);
    return {
      path,
      kind: 'maildir',
      total: scan.files.length,
      messages: () => readMaildir(scan),
      skipped: () => scan.skipped,
      outside: scan.outside,
    };
  }
  // A FIFO or device would block the read below, or never end: only regular files are mbox files.
  if (!st.isFile()) throw new ConveneError('INPUT', `${path}: not a regular file, a directory or a maildir`);
  const head = Buffer.alloc(5);
  try {
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, 5, 0);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw new ConveneError('INPUT', `${path}: cannot read it (${(err as Error).message})`, { cause: err });
  }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    return { path, kind: 'mbox.gz', total: st.size, messages: () => readMbox(path, true), skipped: () => [], outside: 0 };
  }
  // An empty file is an empty mbox (a list nothing has been delivered to yet).
  if (st.size === 0 || head.toString('latin1') === 'From ') {
    return { path, kind: 'mbox', total: st.size, messages: () => readMbox(path, false), skipped: () => [], outside: 0 };
  }
  throw new ConveneError('INPUT', `${path}: neither an mbox (no leading "From " line), a gzip'd mbox, nor a maildir`);
}
