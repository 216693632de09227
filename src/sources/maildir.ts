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
 * Read the maildir's messages. The delivery time stands in for the Date header when that is
 * unusable (like IMAP INTERNALDATE): maildir file names start with it in seconds
 * (cr.yp.to/proto/maildir.html), else the file's mtime.
 */
export async function* readMaildir(dir: string): AsyncGenerator<RawMessage & { position: number }> {
  const files = listMaildirFiles(dir);
  let i = 0;
  for (const file of files) {
    i++;
    const raw = readFileSync(file);
    yield { raw, internalDate: deliveryTime(file), position: i };
  }
}

/** Delivery time from a maildir file name ("1382298587.M1P2.host:2,S"), else its mtime. */
export function deliveryTime(file: string): number {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const m = /^(\d{9,10})\./.exec(name);
  if (m) return Number(m[1]) * 1000;
  return statSync(file).mtimeMs;
}
