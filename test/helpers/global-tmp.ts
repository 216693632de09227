/**
 * vitest globalSetup: the whole run, every test file and every process they start (the bin,
 * Dovecot, openssl), gets one private TMPDIR, removed when the run ends, so the tests leave
 * nothing in /tmp even when a test forgets to clean up or a child is killed mid-write. What a
 * file left behind is named on stderr, so the leak can be fixed where it happens.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const original = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'convene-test-run-'));
  chmodSync(dir, 0o755); // Dovecot's auth process (another user) reads files below it
  process.env.TMPDIR = dir;
  process.env.CONVENE_TEST_TMPDIR = dir;
  return () => {
    const left = readdirSync(dir);
    if (left.length) process.stderr.write(`test/helpers/global-tmp.ts: removing what tests left in TMPDIR: ${left.join(', ')}\n`);
    rmSync(dir, { recursive: true, force: true });
    if (original === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = original;
  };
}
