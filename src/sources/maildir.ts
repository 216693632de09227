import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RawMessage } from '../mail/types.js';

/** True when `dir` looks like a maildir (has cur/ or new/), or holds maildir folders. */
export function isMaildir(dir: string): boolean {
  return maildirFolders(dir).length > 0;
}

/** The maildir folders (those with cur/ or new/) at or below `dir`, sorted. */
export function maildirFolders(dir: string): string[] {
  const found: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    let entries: string[];
    try {
      entries = readdirSync(d);
    } catch {
      continue;
    }
    if (entries.includes('cur') || entries.includes('new')) found.push(d);
    for (const e of entries) {
      if (e === 'cur' || e === 'new' || e === 'tmp') continue;
      const p = join(d, e);
      try {
        if (statSync(p).isDirectory()) stack.push(p);
      } catch {
        // vanished or unreadable: skip
      }
    }
  }
  return found.sort();
}

/** Every message file in the maildir(s) below `dir`, in a stable (sorted) order. */
export function listMaildirFiles(dir: string): string[] {
  const files: string[] = [];
  for (const folder of maildirFolders(dir)) {
    for (const sub of ['cur', 'new']) {
      let names: string[];
      try {
        names = readdirSync(join(folder, sub));
      } catch {
        continue;
      }
      for (const n of names.sort()) if (!n.startsWith('.')) files.push(join(folder, sub, n));
    }
  }
  return files;
}

/**
 * Read the maildir's messages. The file's mtime stands in for the delivery date (like IMAP
 * INTERNALDATE) when the Date header is unusable.
 */
export async function* readMaildir(dir: string): AsyncGenerator<RawMessage & { position: number }> {
  const files = listMaildirFiles(dir);
  let i = 0;
  for (const file of files) {
    i++;
    const raw = readFileSync(file);
    yield { raw, internalDate: statSync(file).mtimeMs, position: i };
  }
}
