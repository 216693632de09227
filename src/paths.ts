import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The package's root folder (where package.json and templates/ are), found by walking up from
 * this file: the same from src/ under vitest and from dist/src/ when compiled.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'templates'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the convene package root');
    dir = up;
  }
  root = dir;
  return dir;
}

/** A file under templates/. */
export function templatePath(name: string): string {
  return join(packageRoot(), 'templates', name);
}
