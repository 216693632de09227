import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync, writeSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ConveneError } from '../errors.js';

/**
 * Write a file through `write`, under a temporary name in the same directory, renamed to `path`
 * only once every byte is written and synced: a full disk or a crash leaves `path` as it was (no
 * half-written export), and the temporary file is removed. An error names the file and the cause.
 */
export async function writeFileAtomically<T>(path: string, write: (file: WriteStream) => Promise<T>): Promise<T> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const file = createWriteStream(temp, { flags: 'wx' });
  let failure: Error | null = null;
  file.on('error', (err) => (failure ??= err));
  try {
    await new Promise<void>((resolve, reject) => {
      file.once('open', () => resolve());
      file.once('error', reject);
    });
    const result = await write(file);
    await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
    if (failure) throw failure;
    await new Promise<void>((resolve) => (file.closed ? resolve() : file.once('close', () => resolve())));
    // On disk before the rename makes it visible (a crash right after must not leave an empty file).
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    return result;
  } catch (err) {
    file.destroy();
    rmSync(temp, { force: true });
    if (err instanceof ConveneError) throw err;
    // file.errored: a stream destroyed with an error holds it at once; its 'error' event comes
    // only once the file is closed, which on a loaded machine can be after end() has failed.
    const cause = failure ?? file.errored ?? err;
    throw new ConveneError('IO', `cannot write ${path}: ${describe(cause)}; nothing was written there`, { cause: err });
  }
}

/** writeFileAtomically for a string in hand (notes --out): temporary name, sync, rename. */
export function writeTextAtomically(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw new ConveneError('IO', `cannot write ${path}: ${describe(err)}; nothing was written there`, { cause: err });
  }
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOSPC') return 'no space left on the device';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOENT') return 'no such directory';
  if (e.code === 'EDQUOT') return 'disk quota exceeded';
  return e.message ?? String(err);
}
