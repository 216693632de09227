#!/usr/bin/env node
/**
 * The `convene` bin, bundled alone to dist/bin/main.js as CommonJS (dist/bin/package.json says
 * so): Node's ESM loader costs ~7 ms of a ~50 ms start before any code of ours runs. It loads
 * the bundled CLI (dist/bin/cli.js, every module in one CommonJS file) through vm.Script with
 * V8's code cache, so a start compiles almost nothing: the cache holds the bytecode of every
 * function the previous run of the same command compiled, not only the top level.
 *
 * The cache lives beside the bundle in dist/bin/.code-cache/, one file per command word, its
 * name keyed by the bundle's size and mtime and the Node version (V8 checks only the source's
 * length, so a rebuilt bundle of the same length must not find an old cache). A missing, stale
 * or rejected cache is written when the command ends; a read-only install simply runs without
 * one. `npm run build` removes dist/bin and primes the caches again. CONVENE_CODE_CACHE=0 turns
 * it off (to measure without).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** What cli.js exports (src/main.ts). */
interface Cli {
  start(): Promise<void>;
}

/** The command word of argv (past --db PATH and --config PATH), or "other". */
export function commandWord(argv: readonly string[]): string {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--db' || a === '--config') i++;
    else if (!a.startsWith('-')) return /^[a-z]{1,20}$/.test(a) ? a : 'other';
    else if (a === '--version' || a === '--help' || a === '-h') return a.replace(/^-+/, '');
  }
  return 'usage';
}

function load(dir: string): Cli {
  const bundle = join(dir, 'cli.js');
  const cacheDir = join(dir, '.code-cache');
  const source = readFileSync(bundle, 'latin1'); // ASCII: the build writes other characters as \uXXXX
  const off = process.env.CONVENE_CODE_CACHE === '0';
  const stat = statSync(bundle);
  const word = commandWord(process.argv.slice(2));
  const name = `${word}.${stat.size}.${Math.trunc(stat.mtimeMs)}.${process.version}.${process.arch}.v8`;
  let cachedData: Buffer | undefined;
  let primed = false;
  if (!off) {
    for (const [file, isPrime] of [
      [name, false],
      [`${name}.primed`, true],
    ] as const) {
      try {
        cachedData = readFileSync(join(cacheDir, file));
        primed = isPrime;
        break;
      } catch {
        // none yet
      }
    }
  }
  // The CommonJS wrapper, as Node's own loader adds it; a #! line would not parse inside it.
  const body = source.startsWith('#!') ? `//${source.slice(2)}` : source;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${body}\n})`, {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  const state = off ? 'off' : !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : primed ? 'primed' : 'used';
  (globalThis as { __conveneLaunch?: object }).__conveneLaunch = { codeCache: state };
  const module = { exports: {} as Cli };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, dir);
  // A primed cache (npm run build ran the command on an empty archive) is replaced by the first
  // real run's, which holds the functions that rendering results compiled too.
  const prime = process.env.CONVENE_CODE_CACHE === 'prime';
  if (state !== 'off' && state !== 'used') {
    process.once('exit', () => saveCache(script, cacheDir, word, prime ? `${name}.primed` : name));
  }
  return module.exports;
}

/** Write the cache atomically (another process may be writing the same one); drop stale ones. */
function saveCache(script: Script, cacheDir: string, word: string, name: string): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    for (const f of readdirSync(cacheDir))
      if (f.startsWith(`${word}.`) && f !== name && !f.endsWith('.tmp')) rmSync(join(cacheDir, f), { force: true });
    const tmp = join(cacheDir, `${name}.${process.pid}.tmp`);
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, join(cacheDir, name));
  } catch {
    // A read-only install: run without a cache.
  }
}

// Only when run as the bin (vitest imports this file for commandWord).
if (typeof require !== 'undefined' && require.main === module) void load(__dirname).start();
