/**
 * The CLI's start-up path as users run it (`node dist/bin/main.js`, built by `npm run build`):
 * what help loads, the CONVENE_TIMINGS report, and the V8 code cache the bin keeps (issue 9).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandWord } from '../../src/launch.js';
import { tempDir } from '../helpers/tmp.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// One folder for the file, made at collection so that its clean-up hook registers; the tests make theirs inside.
const SCRATCH = tempDir('convene-startup-');
const scratch = (): string => mkdtempSync(join(SCRATCH, 'd-'));
const BIN = join(ROOT, 'dist', 'bin');

beforeAll(() => {
  if (!existsSync(join(BIN, 'main.js'))) throw new Error(`${BIN}/main.js is missing: run npm run build first`);
});

function convene(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; main?: string } = {}) {
  const r = spawnSync(process.execPath, [options.main ?? join(BIN, 'main.js'), ...args], {
    cwd: options.cwd ?? scratch(),
    env: { PATH: process.env.PATH, ...options.env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A copy of dist/bin in a scratch folder laid out like the package (node_modules, package.json
 * for --version, templates/ for help), so the real one and its caches are left alone.
 */
function copyBin(): string {
  const root = scratch();
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  symlinkSync(join(ROOT, 'templates'), join(root, 'templates'));
  copyFileSync(join(ROOT, 'package.json'), join(root, 'package.json'));
  const bin = join(root, 'bin');
  mkdirSync(bin);
  for (const f of ['main.js', 'cli.js', 'yaml.js', 'package.json']) copyFileSync(join(BIN, f), join(bin, f));
  return bin;
}

describe('what the bin loads', () => {
  it('help and --version load neither better-sqlite3 nor the YAML parser, even beside a convene.yaml', () => {
    const dir = scratch();
    const bin = copyBin();
    // Records every module Node's require loads (the addon among them) and prints them at exit.
    const hook = join(dir, 'record-requires.cjs');
    writeFileSync(
      hook,
      `const M = require('node:module'); const seen = []; const load = M._load;
       M._load = function (request, ...rest) { seen.push(request); return load.call(this, request, ...rest); };
       process.on('exit', () => process.stderr.write('required: ' + JSON.stringify(seen) + '\\n'));`,
    );
    writeFileSync(join(dir, 'convene.yaml'), 'db: archive.sqlite\n');
    // The YAML parser is the bin's own bundle (bin/yaml.js): loading it leaves its code cache behind.
    const yamlLoaded = (): boolean =>
      existsSync(join(bin, '.code-cache')) && readdirSync(join(bin, '.code-cache')).some((f) => f.startsWith('lib-yaml.'));
    for (const args of [['--help'], ['--version'], ['search', '--help'], ['help', 'search'], ['help']]) {
      const r = convene(args, { cwd: dir, main: join(bin, 'main.js'), env: { NODE_OPTIONS: `--require ${hook}` } });
      expect(r.code, args.join(' ')).toBe(0);
      const required = JSON.parse(/required: (.*)/.exec(r.stderr)![1]!) as string[];
      expect(
        required.filter((m) => /better[-_]sqlite3|bindings|yaml/.test(m)),
        args.join(' '),
      ).toEqual([]);
      expect(yamlLoaded(), args.join(' ')).toBe(false);
    }
    // A command that reads the config does load it, from the bin's bundle rather than node_modules.
    const r = convene(['search', 'anything'], { cwd: dir, main: join(bin, 'main.js'), env: { NODE_OPTIONS: `--require ${hook}` } });
    expect(r.stderr).toMatch(/no archive at \S*\/archive\.sqlite:/); // relative to the config file
    expect(JSON.parse(/required: (.*)/.exec(r.stderr)![1]!)).not.toContain('yaml');
    expect(yamlLoaded()).toBe(true);
  });
});

describe('standard output and error', () => {
  let db: string;
  beforeAll(() => {
    db = join(scratch(), 'archive.sqlite');
    convene(['--db', db, 'import', join(ROOT, 'test', 'fixtures', 'search', 'ext4-threads.mbox.gz')]);
  });

  it('a search into a file or a pipe loads none of Node stream modules (process.stdout would)', () => {
    const dir = scratch();
    const hook = join(dir, 'record-modules.cjs');
    writeFileSync(
      hook,
      `process.on('exit', () => require('fs').writeSync(3, JSON.stringify(process.moduleLoadList.filter((m) => /streams\\/(readable|writable)|tty|sync_write_stream/.test(m)))));`,
    );
    const out = join(dir, 'out.txt');
    for (const stdio of [['ignore', openSync(out, 'w'), 'pipe', 'pipe'] as const, ['ignore', 'pipe', 'pipe', 'pipe'] as const]) {
      const r = spawnSync(process.execPath, [join(BIN, 'main.js'), '--db', db, 'search', 'journal'], {
        cwd: dir,
        env: { PATH: process.env.PATH, NODE_OPTIONS: `--require ${hook}` },
        stdio: [...stdio],
      });
      expect(r.status).toBe(0);
      expect(JSON.parse(r.output[3]!.toString())).toEqual([]);
    }
    const viaPipe = convene(['--db', db, 'search', 'journal']);
    expect(readFileSync(out, 'utf8')).toBe(viaPipe.stdout);
    expect(viaPipe.stdout.split('\n').length).toBeGreaterThan(10);
  });

  it('a reader that stops early (| head) ends the search quietly, exit 0', async () => {
    const child = spawn(process.execPath, [join(BIN, 'main.js'), '--db', db, 'search', '--limit', '0', '--jsonl', '*'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});

describe('the bundle', () => {
  it('is ASCII, so the bin reads it as latin1 into a one-byte string (non-ASCII is written as \\uXXXX by the build)', () => {
    const bytes = readFileSync(join(BIN, 'cli.js'));
    expect(bytes.findIndex((b) => b > 127)).toBe(-1);
    expect(bytes.toString('latin1')).toContain('a \\u00e9crit'); // mail/quotes.ts's French attribution line
  });
});

describe('CONVENE_TIMINGS=1', () => {
  it('prints where the milliseconds went on stderr, phase by phase, and leaves stdout alone', () => {
    const db = join(scratch(), 'empty.sqlite');
    convene(['--db', db, 'import', join(ROOT, 'test', 'fixtures', 'search', 'ext4-threads.mbox.gz')]);
    const quiet = convene(['--db', db, 'search', '--json', 'fsync']);
    const timed = convene(['--db', db, 'search', '--json', 'fsync'], { env: { CONVENE_TIMINGS: '1' } });
    expect(timed.stdout).toBe(quiet.stdout);
    expect(quiet.stderr).toBe('');
    const line = timed.stderr.trim();
    expect(line).toMatch(/^timings \(ms\): node [\d.]+, load [\d.]+, command [\d.]+, /);
    for (const phase of ['open', 'query', 'render']) expect(line).toMatch(new RegExp(`\\b${phase} [\\d.]+`));
    expect(line).toMatch(/total [\d.]+ \(code cache: \w+\)$/);
  });
});

describe('the code cache beside the bundle', () => {
  const cacheState = (stderr: string): string => /code cache: (\w+)/.exec(stderr)?.[1] ?? '(no report)';

  it('is written by the first run of a command, used by the next, and not used once the bundle changes', () => {
    const bin = copyBin();
    const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      convene(args, { main: join(bin, 'main.js'), env: { CONVENE_TIMINGS: '1', ...env } });
    const first = run(['--version']);
    expect(first.stdout).toBe('convene 0.1.0\n');
    expect(cacheState(first.stderr)).toBe('missing');
    expect(readdirSync(join(bin, '.code-cache'))).toEqual([expect.stringMatching(/^version\./)]);
    expect(cacheState(run(['--version']).stderr)).toBe('used');
    expect(cacheState(run(['help']).stderr)).toBe('missing'); // one cache per command word
    expect(cacheState(run(['--version'], { CONVENE_CODE_CACHE: '0' }).stderr)).toBe('off');

    // A rebuilt bundle (here: the same bytes, a new mtime) never runs an old cache.
    utimesSync(join(bin, 'cli.js'), new Date(), new Date(Date.now() + 5000));
    expect(cacheState(run(['--version']).stderr)).toBe('missing');
    expect(readdirSync(join(bin, '.code-cache')).filter((f) => f.startsWith('version.'))).toHaveLength(1);
  });

  it('a read-only bin folder runs without a cache', () => {
    const bin = copyBin();
    writeFileSync(join(bin, '.code-cache'), 'not a folder');
    const r = convene(['--version'], { main: join(bin, 'main.js') });
    expect(r).toMatchObject({ code: 0, stdout: 'convene 0.1.0\n', stderr: '' });
  });
});

describe('commandWord', () => {
  it.each([
    [['--db', 'x', 'search', 'fsync'], 'search'],
    [['--config', 'c.yaml', '--json', 'stats'], 'stats'],
    [['--db=x', 'thread', '12'], 'thread'],
    [['--version'], 'version'],
    [[], 'usage'],
    [['Search'], 'other'],
  ])('%j → %s', (argv, word) => {
    expect(commandWord(argv)).toBe(word);
  });
});
