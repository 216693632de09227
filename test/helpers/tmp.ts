import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
// One hook per test file (this module is loaded once per file): every directory made below, in a
// test or at collection, goes when the file's tests are done.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A temporary directory removed after the test file. It lives in the run's own TMPDIR
 * (test/helpers/global-tmp.ts), which is removed whole when the run ends.
 */
export function tempDir(prefix = 'convene-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
