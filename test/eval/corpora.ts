import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corporaDir as corporaBeside, corpusMissing } from '../bench/corpus.js';

/**
 * Where the shared read-only corpora live, as the benches find them ($CONVENE_CORPORA, else
 * ../shared/corpora beside the checkout), from the checkout this file is in: test/eval under
 * vitest, dist/test/eval when compiled.
 */
export function corporaDir(): string {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = resolve(dir, '..');
    if (up === dir) break;
    dir = up;
  }
  return corporaBeside(dir);
}

/** A corpus file's path, or a message naming what is missing and how to provide it. */
export function corpusPath(name: string): { path: string } | { missing: string } {
  const path = join(corporaDir(), name);
  return existsSync(path) ? { path } : { missing: corpusMissing(path) };
}
