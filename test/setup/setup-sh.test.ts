import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

describe('bash test/setup.sh (issue 11)', () => {
  it('runs npm ci only when node_modules is not current', () => {
    const repo = tempDir('convene-setup-');
    mkdirSync(join(repo, 'test'));
    copyFileSync(join('test', 'setup.sh'), join(repo, 'test', 'setup.sh'));
    writeFileSync(join(repo, 'package-lock.json'), '{"lockfileVersion":3}\n');
    // A stand-in npm that records its calls and "installs" node_modules.
    const bin = join(repo, 'fake-bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'npm'), `#!/bin/sh\necho "npm $*" >> "${join(repo, 'npm-calls')}"\nmkdir -p node_modules\n`);
    chmodSync(join(bin, 'npm'), 0o755);
    const setup = () =>
      spawnSync('bash', [join(repo, 'test', 'setup.sh')], {
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
        encoding: 'utf8',
      });
    const calls = () => (existsSync(join(repo, 'npm-calls')) ? readFileSync(join(repo, 'npm-calls'), 'utf8').trim().split('\n') : []);

    const first = setup();
    expect(first.status, first.stderr).toBe(0);
    expect(calls()).toEqual(['npm ci --no-audit --no-fund']);
    const again = setup();
    expect(again.status, again.stderr).toBe(0);
    expect(calls()).toHaveLength(1);
    expect(again.stderr).toContain('node_modules is current');
    writeFileSync(join(repo, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n');
    expect(setup().status).toBe(0);
    expect(calls()).toHaveLength(2);
  });
});
