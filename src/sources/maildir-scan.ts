import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { sep } from 'node:path';

/** An entry of a maildir that is not read as a message, and why. */
export interface SkippedEntry {
  readonly path: string;
  readonly reason: string;
}

/** What a maildir holds: its message files, the entries skipped, the files outside cur/ and new/. */
export interface MaildirScan {
  /** Message files, sorted per folder (paths as bytes: names need not be UTF-8). */
  readonly files: readonly Buffer[];
  readonly skipped: SkippedEntry[];
  /** Files (not folders) outside cur/ and new/: tmp/, index files, strays. None is read. */
  readonly outside: number;
  /** The maildir's real path: links may point inside it, never out. */
  readonly root: string;
}

const SEP = Buffer.from(sep);
const join = (dir: Buffer, name: Buffer): Buffer => Buffer.concat([dir, SEP, name]);

/** A path for messages: UTF-8 when it is, else its bytes above 0x7f as \xNN; control characters as \xNN always. */
export function displayPath(path: Buffer): string {
  const hex = (b: number): string => `\\x${b.toString(16).padStart(2, '0')}`;
  const text = path.toString('utf8');
  const shown = Buffer.from(text, 'utf8').equals(path) ? text : [...path].map((b) => (b < 0x80 ? String.fromCharCode(b) : hex(b))).join('');
  return shown.replace(/[\x00-\x1f\x7f]/g, (c) => hex(c.charCodeAt(0)));
}

/**
 * The maildir folders (those with cur/ or new/) at or below `dir`, sorted. Folders are found
 * through real directories only: a symbolic link is never followed to look for more mail.
 */
export function maildirFolders(dir: string): string[] {
  return walk(Buffer.from(dir)).folders.map((f) => f.toString());
}

/**
 * Scan a maildir (or a directory of maildirs): every entry of cur/ and new/ is classified with
 * lstat, without opening it. Regular files are messages; a symbolic link is one when it leads to
 * a regular file inside the maildir; anything else (a dangling or outward link, a directory, a
 * FIFO, a socket, a device) is skipped with its reason, never opened (issue 13 item 10). Names
 * starting with "." are hidden by the maildir convention and passed over.
 */
export function scanMaildir(dir: string): MaildirScan {
  const root = realpathSync(dir);
  const { folders, outside } = walk(Buffer.from(dir));
  const files: Buffer[] = [];
  const skipped: SkippedEntry[] = [];
  for (const folder of folders) {
    for (const sub of ['cur', 'new']) {
      const subdir = join(folder, Buffer.from(sub));
      for (const name of list(subdir) ?? []) {
        if (name[0] === 0x2e) continue;
        const path = join(subdir, name);
        const why = oddity(path, root);
        if (why) skipped.push({ path: displayPath(path), reason: why });
        else files.push(path);
      }
    }
  }
  return { files, skipped, outside, root };
}

/** Why `path` is not a message file, or null when it is one. */
function oddity(path: Buffer, root: string): string | null {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (err) {
    return `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'a directory, not a message file';
  if (!st.isSymbolicLink()) return `not a regular file (${kindOf(st)}): never opened`;
  let target: Buffer;
  try {
    target = realpathSync.native(path, { encoding: 'buffer' });
  } catch {
    return 'a symbolic link to nothing (dangling)';
  }
  const inside = Buffer.concat([Buffer.from(root), SEP]);
  if (!target.equals(Buffer.from(root)) && !target.subarray(0, inside.length).equals(inside))
    return `a symbolic link out of the maildir (to ${displayPath(target)}): not followed`;
  if (!statSync(target).isFile()) return 'a symbolic link to something that is not a regular file';
  return null;
}

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'unknown type';
}

/** Directory entries as bytes, sorted; null when the directory cannot be listed. */
function list(dir: Buffer): Buffer[] | null {
  try {
    return (readdirSync(dir, { encoding: 'buffer' }) as Buffer[]).sort(Buffer.compare);
  } catch {
    return null;
  }
}

/** Maildir folders below `dir` (real directories only) and how many files lie outside cur/ and new/. */
function walk(dir: Buffer): { folders: Buffer[]; outside: number } {
  const folders: Buffer[] = [];
  let outside = 0;
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    const entries = list(d);
    if (!entries) continue;
    const names = new Set(entries.map((e) => e.toString('latin1')));
    if (names.has('cur') || names.has('new')) folders.push(d);
    for (const e of entries) {
      const name = e.toString('latin1');
      if (name === 'cur' || name === 'new') continue;
      const p = join(d, e);
      let st: Stats;
      try {
        st = lstatSync(p);
      } catch {
        continue; // vanished
      }
      if (name === 'tmp' && st.isDirectory()) outside += (list(p) ?? []).length;
      else if (st.isDirectory()) stack.push(p);
      else outside++;
    }
  }
  return { folders: folders.sort(Buffer.compare), outside };
}
