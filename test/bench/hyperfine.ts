import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, runChecked, shellQuote } from './util.js';

/** One command for hyperfine: a label and its argv (quoted here, run without a shell). */
export interface BenchCommand {
  readonly name: string;
  readonly argv: readonly string[];
}

/** hyperfine's figures for one command, in milliseconds. */
export interface HyperfineResult {
  readonly name: string;
  readonly command: string;
  readonly medianMs: number;
  readonly meanMs: number;
  readonly stddevMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
}

interface HyperfineJson {
  results: { command: string; mean: number; stddev: number | null; median: number; min: number; max: number; times: number[] }[];
}

export interface HyperfineOptions {
  readonly runs: number;
  readonly warmup: number;
  /** Where hyperfine writes its JSON export (a scratch directory). */
  readonly scratch: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

/**
 * Time whole processes with hyperfine: `--shell=none` so no shell start-up is counted or
 * subtracted, output to /dev/null (hyperfine's default), start to exit, median of `runs` runs
 * after `warmup` runs. A command that exits non-zero fails the whole measurement (no
 * `--ignore-failure`), so a broken query is never reported as fast.
 */
export async function hyperfine(commands: readonly BenchCommand[], options: HyperfineOptions): Promise<HyperfineResult[]> {
  const exportPath = join(options.scratch, `hyperfine-${process.pid}-${Date.now()}.json`);
  const args = [
    '--shell=none',
    '--style',
    'none',
    '--runs',
    String(options.runs),
    '--warmup',
    String(options.warmup),
    '--export-json',
    exportPath,
  ];
  // --command-name=NAME: a name starting with '-' would otherwise be read as an option of hyperfine's.
  for (const c of commands) args.push(`--command-name=${c.name}`, c.argv.map(shellQuote).join(' '));
  await runChecked('hyperfine', args, { ...(options.env ? { env: options.env } : {}), ...(options.cwd ? { cwd: options.cwd } : {}) });
  const json = readJson<HyperfineJson>(exportPath);
  rmSync(exportPath, { force: true });
  return json.results.map((r, i) => ({
    name: commands[i]!.name,
    command: r.command,
    medianMs: r.median * 1000,
    meanMs: r.mean * 1000,
    stddevMs: (r.stddev ?? 0) * 1000,
    minMs: r.min * 1000,
    maxMs: r.max * 1000,
    runs: r.times.length,
  }));
}
