import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { fromLineDateOf } from '../mail/mbox-format.js';
import type { RawMessage } from '../mail/types.js';
import { displayPath, maildirFolders, scanMaildir, type MaildirScan } from './maildir-scan.js';

export { maildirFolders, scanMaildir, type MaildirScan, type SkippedEntry } from './maildir-scan.js';

/** True when `dir` looks like a maildir (has cur/ or new/), or holds maildir folders. */
export function isMaildir(dir: string): boolean {
  return maildirFolders(dir).length > 0;
}

/**
 * Read the maildir's messages (scanMaildir lists them). The delivery time stands in for the Date
 * header when that is unusable (like IMAP INTERNALDATE): maildir file names start with it in
 * seconds (cr.yp.to/proto/maildir.html), else the file's mtime. A file is opened without
 * following links and without blocking, and read only when it is a regular file then; one that
 * cannot be read is added to `scan.skipped` and the rest goes on.
 */
export async function* readMaildir(scan: MaildirScan): AsyncGenerator<RawMessage & { position: number }> {
  let i = 0;
  for (const file of scan.files) {
    i++;
    const bytes = readRegular(file, scan);
    if (!bytes) continue;
    const message = withoutEnvelope(bytes);
    // The name's delivery time first; a From_ line's date before the mtime, which a copy resets.
    const delivered = nameTime(file) ?? (message.fromLineDate === undefined ? mtime(file) : undefined);
    yield { ...message, ...(delivered !== undefined ? { internalDate: delivered } : {}), position: i };
  }
}

/**
 * A maildir file that starts with an mbox From_ line (written by a tool that copied it out of
 * an mbox) carries an envelope, not a header: it is dropped, as an mbox reader drops it, and its
 * date kept as the From_ line fallback.
 */
function withoutEnvelope(bytes: Buffer): RawMessage {
  if (bytes.length < 5 || bytes.toString('latin1', 0, 5) !== 'From ') return { raw: bytes };
  const eol = bytes.indexOf(0x0a);
  const line = bytes.toString('latin1', 0, eol === -1 ? bytes.length : eol);
  const fromLineDate = fromLineDateOf(line);
  return { raw: bytes.subarray(eol === -1 ? bytes.length : eol + 1), ...(fromLineDate !== undefined ? { fromLineDate } : {}) };
}

function readRegular(file: Buffer, scan: MaildirScan): Buffer | null {
  let fd: number | undefined;
  try {
    // A link inside the maildir (scanMaildir checked) is read through its target, itself opened
    // without following a link that may have replaced it since.
    fd = openSync(realpathSync.native(file, { encoding: 'buffer' }), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) {
      scan.skipped.push({ path: displayPath(file), reason: 'no longer a regular file: not read' });
      return null;
    }
    return readFileSync(fd);
  } catch (err) {
    scan.skipped.push({ path: displayPath(file), reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Delivery time from a maildir file name ("1382298587.M1P2.host:2,S"), else its mtime, else none. */
export function deliveryTime(file: string | Buffer): number | undefined {
  return nameTime(file) ?? mtime(file);
}

function nameTime(file: string | Buffer): number | undefined {
  const path = typeof file === 'string' ? file : file.toString('latin1');
  const m = /^(\d{9,10})\./.exec(path.slice(path.lastIndexOf('/') + 1));
  return m ? Number(m[1]) * 1000 : undefined;
}

function mtime(file: string | Buffer): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined; // gone since it was read: no time is better than a made-up one
  }
}
