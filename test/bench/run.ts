#!/usr/bin/env node
/**
 * `npm run bench -- [import] [sync] [search] [scale] [options]`: run the selected benchmarks
 * (all when none is named), print their figures and write them as JSON. Figures are printed,
 * never asserted. A bench whose corpus or peer tool is absent says so and is skipped; nothing
 * is ever installed from here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Bench, BenchContext, BenchOptions, BenchOutcome } from './context.js';
import { corporaDir } from './corpus.js';
import { missingMessage, missingPeers, PEERS, type PeerId } from './peers.js';
import { fmtBytes, fmtMs } from './util.js';

const BENCHES: Record<string, () => Promise<Bench>> = {
  import: async () => (await import('./import-bench.js')).importBench,
  sync: async () => (await import('./sync-bench.js')).syncBench,
  search: async () => (await import('./search-bench.js')).searchBench,
  scale: async () => (await import('./scale-bench.js')).scaleBench,
  soak: async () => (await import('./soak-bench.js')).soakBench,
};
/** Run only when named: they take long (the soak, 10 minutes of wall time). */
const OPT_IN = new Set(['soak']);

const USAGE = `usage: npm run bench -- [${Object.keys(BENCHES).join('|')}]... [options]
  --limit N        use only the first N messages of the real slice (quick runs)
  --n N            messages in the generated archive for "scale" (default 100000; 1000000 is opt-in)
  --runs N         whole-process runs per command (default 10)
  --warmup N       hyperfine warm-up runs (default 2)
  --inproc-runs N  in-process repetitions per query (default 50)
  --out FILE       results JSON (default .tmp/bench-results-<time>.json)
  --minutes N      how long "soak" feeds the daemon (default 10; soak runs only when named)
  --keep           keep scratch databases under .tmp/bench`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      limit: { type: 'string' },
      n: { type: 'string' },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      'inproc-runs': { type: 'string' },
      out: { type: 'string' },
      keep: { type: 'boolean' },
      minutes: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = positionals.filter((p) => !(p in BENCHES));
  if (unknown.length) {
    process.stderr.write(`bench: unknown benchmark ${unknown.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  const names = positionals.length ? [...new Set(positionals)] : Object.keys(BENCHES).filter((b) => !OPT_IN.has(b));
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const options: BenchOptions = {
    ...(values.limit !== undefined ? { limit: positiveInt(values.limit, '--limit') } : {}),
    n: values.n !== undefined ? positiveInt(values.n, '--n') : 100_000,
    runs: values.runs !== undefined ? positiveInt(values.runs, '--runs') : 10,
    warmup: values.warmup !== undefined ? Number(values.warmup) : 2,
    inprocRuns: values['inproc-runs'] !== undefined ? positiveInt(values['inproc-runs'], '--inproc-runs') : 50,
    keep: values.keep === true,
    ...(values.minutes !== undefined ? { minutes: positiveInt(values.minutes, '--minutes') } : {}),
  };
  const ctx: BenchContext = {
    root,
    work: join(root, '.tmp', 'bench'),
    corpora: corporaDir(root),
    options,
    log: (line) => process.stdout.write(`${line}\n`),
  };
  mkdirSync(ctx.work, { recursive: true });
  // The load average goes with every figure: on a shared machine it explains most of the noise.
  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '?',
    memory: totalmem(),
    loadavgAtStart: loadavg(),
  };
  ctx.log(
    `convene bench: ${names.join(', ')} | node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, ${fmtBytes(machine.memory)} RAM, ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  const absent = missingPeers(Object.keys(PEERS) as PeerId[]);
  if (absent.length) ctx.log(`note: ${missingMessage(absent)}; benches that need them are skipped or lose a column`);

  const results: Record<string, BenchOutcome & { elapsedMs: number; loadavgAtEnd: number[] }> = {};
  for (const name of names) {
    ctx.log(`\n== ${name} ==`);
    const started = Date.now();
    let outcome: BenchOutcome;
    try {
      const bench = await BENCHES[name]!();
      outcome = await bench.run(ctx);
    } catch (err) {
      outcome = { status: 'failed', reason: (err as Error).stack ?? String(err) };
      process.exitCode = 1;
    }
    if (outcome.status !== 'ok') ctx.log(`${name}: ${outcome.status}: ${outcome.reason}`);
    results[name] = { ...outcome, elapsedMs: Date.now() - started, loadavgAtEnd: loadavg() };
    ctx.log(
      `(${name} took ${fmtMs(Date.now() - started)}; load average now ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
    );
  }
  const out = values.out ?? join(root, '.tmp', `bench-results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), argv, machine, options, results }, null, 2)}\n`);
  ctx.log(`\nresults: ${out}`);
  return 0;
}

function positiveInt(s: string, flag: string): number {
  const n = Number(s.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive integer, not "${s}"`);
  return n;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode ||= code;
  },
  (err: unknown) => {
    process.stderr.write(`bench: ${(err as Error).message}\n`);
    process.exitCode = 2;
  },
);
