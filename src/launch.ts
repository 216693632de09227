#!/usr/bin/env node
/**
 * The `convene` bin, bundled alone to dist/bin/main.js as CommonJS (dist/bin/package.json says
 * so): Node's ESM loader costs ~7 ms of a ~50 ms start before any code of ours runs. It loads
 * the bundled CLI (dist/bin/cli.js, every module in one CommonJS file) through vm.Script with
 * V8's code cache, so a start compiles almost nothing: the cache holds the bytecode of every
 * function the previous run of the same command compiled, not only the top level. The YAML
 * parser is a bundle of its own (dist/bin/yaml.js), loaded the same way when the CLI requires
 * `yaml` (a config file to read): from node_modules it cost 30-60 ms, inside cli.js every
 * command would read it.
 *
 * The caches live beside the bundles in dist/bin/.code-cache/, one file per command word (and
 * one for yaml), named by the bundle's size and mtime and the Node version (V8 checks only the
 * source's length, so a rebuilt bundle of the same length must not find an old cache). A
 * missing, stale or rejected cache is written when the command ends; a read-only install simply
 * runs without one. `npm run build` removes dist/bin and primes the caches again.
 * CONVENE_CODE_CACHE=0 turns them off (to measure without).
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

/** The packages that have a bundle of their own in dist/bin, loaded through the code cache. */
const OWN_BUNDLES: Readonly<Record<string, string>> = { yaml: 'yaml.js' };

/**
 * Run one CommonJS bundle of dist/bin through vm.Script with the code cache kept under `word`,
 * and return its exports. Its `require` serves OWN_BUNDLES the same way.
 */
function runBundle(dir: string, file: string, word: string): unknown {
  const bundle = join(dir, file);
  const cacheDir = join(dir, '.code-cache');
  const source = readFileSync(bundle, 'latin1'); // ASCII: the build writes other characters as \uXXXX
  const mode = process.env.CONVENE_CODE_CACHE;
  const stat = statSync(bundle);
  const name = `${word}.${stat.size}.${Math.trunc(stat.mtimeMs)}.${process.version}.${process.arch}.v8`;
  let cachedData: Buffer | undefined;
  let primed = false;
  if (mode !== '0') {
    for (const [f, isPrime] of [
      [name, false],
      [`${name}.primed`, true],
    ] as const) {
      try {
        cachedData = readFileSync(join(cacheDir, f));
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
  const state = mode === '0' ? 'off' : !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : primed ? 'primed' : 'used';
  if (file === 'cli.js') (globalThis as { __conveneLaunch?: object }).__conveneLaunch = { codeCache: state };
  const real = createRequire(bundle);
  const own = Object.assign((id: string): unknown => (id in OWN_BUNDLES ? ownBundle(dir, id) : real(id)), real);
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, own, module, bundle, dir);
  // A primed cache (npm run build ran the command on an empty archive) is replaced by the first
  // real run's, which holds the functions that rendering results compiled too.
  if (state !== 'off' && state !== 'used') {
    process.once('exit', () => saveCache(script, cacheDir, word, mode === 'prime' ? `${name}.primed` : name));
  }
  return module.exports;
}

const loaded = new Map<string, unknown>();

function ownBundle(dir: string, id: string): unknown {
  // A cache name no command word can take (commandWord gives letters only).
  if (!loaded.has(id)) loaded.set(id, runBundle(dir, OWN_BUNDLES[id]!, `lib-${id}`));
  return loaded.get(id);
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
if (typeof require !== 'undefined' && require.main === module) {
  void (runBundle(__dirname, 'cli.js', commandWord(process.argv.slice(2))) as Cli).start();
}
