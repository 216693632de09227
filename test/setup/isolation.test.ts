import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';

describe('the test run keeps its temporary files to itself (issue 11)', () => {
  it('every test file and child process writes to a private TMPDIR that is removed when the run ends', () => {
    const run = process.env.CONVENE_TEST_TMPDIR;
    expect(run).toMatch(/convene-test-run-/);
    expect(tmpdir()).toBe(run);
    expect(execFileSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], { encoding: 'utf8' })).toBe(run);
  });
});
