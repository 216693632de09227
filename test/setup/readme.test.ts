import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

const ROOT = resolve('.');
const DIST = join(ROOT, 'dist', 'bin', 'main.js');

/** The ```sh blocks of one README section, in order. */
function shellBlocks(readme: string, heading: string): string[] {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no section "${heading}"`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

/** The files git tracks, as they are in the working tree: a fresh clone of what is about to be committed. */
function freshCopy(to: string): void {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(ROOT, f)) || statSync(join(ROOT, f)).isDirectory()) continue;
    mkdirSync(dirname(join(to, f)), { recursive: true });
    copyFileSync(join(ROOT, f), join(to, f));
    // keep the executable bit (demo.sh)
    spawnSync('chmod', ['--reference', join(ROOT, f), join(to, f)]);
  }
}

const inGit = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT }).status === 0;

describe('the README walk-through, run as written (issue 11)', () => {
  it.skipIf(!inGit || !existsSync(DIST))('goes from install to a digest in the outbox on a fresh copy of the checkout', () => {
    const blocks = shellBlocks(readFileSync('README.md', 'utf8'), 'A first day, step by step');
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const tmp = tempDir('convene-readme-');
    const clone = join(tmp, 'convene');
    const home = join(tmp, 'home');
    const prefix = join(tmp, 'npm-global');
    mkdirSync(home);
    freshCopy(clone);
    // Quick and offline: `npm ci` uses the node_modules this checkout already has, and
    // `npm run build` the dist/ that `npm test` just built from these same sources.
    const script = blocks
      .join('\n')
      .replace(/^npm ci$/m, `ln -s ${JSON.stringify(join(ROOT, 'node_modules'))} node_modules`)
      .replace(/^npm run build$/m, `cp -R ${JSON.stringify(join(ROOT, 'dist'))} dist`);
    const r = spawnSync('bash', ['-c', `set -euo pipefail\n${script}`], {
      cwd: clone,
      encoding: 'utf8',
      env: {
        ...process.env,
        HOME: home,
        PATH: `${join(prefix, 'bin')}:${process.env.PATH}`,
        npm_config_prefix: prefix,
        npm_config_offline: 'true',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
        TZ: 'UTC',
      },
      timeout: 120_000,
    });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    if (process.env.SHOW_README_RUN) process.stdout.write(r.stdout + r.stderr);
    expect(r.stdout).toMatch(/^convene \d+\.\d+\.\d+$/m); // convene --version, from PATH
    expect(r.stdout).toContain(`archive: none yet at ${join(home, 'convene', 'data', 'convene.sqlite')}`); // status before any mail
    const outbox = readdirSync(join(home, 'convene', 'data', 'outbox'));
    expect(outbox.filter((f) => /^convene\.digest\.r0\.summit\..*\.eml$/.test(f))).toHaveLength(1);
    expect(outbox.some((f) => f.startsWith('convene.call-for-items.'))).toBe(true);
    // The config's relative paths followed the config file: nothing landed in the checkout.
    expect(existsSync(join(clone, 'data', 'convene.sqlite'))).toBe(false);
  });
});
