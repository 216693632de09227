import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the shared read-only corpora live: $CONVENE_CORPORA, else ../shared/corpora beside the
 * checkout (found from this file, so it works from test/eval and from dist/test/eval alike).
 */
export function corporaDir(): string {
  if (process.env.CONVENE_CORPORA) return process.env.CONVENE_CORPORA;
  let dir = fileURLToPath(new URL('.', import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = resolve(dir, '..');
    if (up === dir) break;
    dir = up;
  }
  return join(dir, '..', 'shared', 'corpora');
}

/** A corpus file's path, or a message naming what is missing and how to provide it. */
export function corpusPath(name: string): { path: string } | { missing: string } {
  const path = join(corporaDir(), name);
  if (existsSync(path)) return { path };
  return { missing: `corpus ${path} not found (set CONVENE_CORPORA, or provide ../shared/corpora next to the checkout)` };
}
