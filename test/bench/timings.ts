import { runConvene } from './convene.js';
import { median } from './util.js';

/** Median milliseconds per phase of CONVENE_TIMINGS=1 (src/cli/timings.ts) over a few runs. */
export interface PhaseFigure {
  readonly args: readonly string[];
  readonly runs: number;
  readonly phases: Readonly<Record<string, number>>;
  readonly codeCache: string;
}

/**
 * Where a command's milliseconds go: run it `runs` times with CONVENE_TIMINGS=1 and take the
 * median of each phase the CLI reports (node, load, command, parse, open, query, render, total).
 */
export async function phaseTimings(root: string, db: string, args: readonly string[], cwd: string, runs = 5): Promise<PhaseFigure> {
  const samples: Record<string, number[]> = {};
  let codeCache = '?';
  for (let i = 0; i < runs; i++) {
    const r = await runConvene(root, db, args, { cwd, env: { ...process.env, CONVENE_TIMINGS: '1' }, keepStdout: 0 });
    const line = /^timings \(ms\): (.*)$/m.exec(r.stderr)?.[1];
    if (r.code !== 0 || !line) throw new Error(`convene ${args.join(' ')}: no timings line (exit ${r.code}): ${r.stderr.trim()}`);
    for (const m of line.matchAll(/(\w+) ([\d.]+)/g)) (samples[m[1]!] ??= []).push(Number(m[2]));
    codeCache = /code cache: (\w+)/.exec(line)?.[1] ?? codeCache;
  }
  const phases = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  return { args, runs, phases, codeCache };
}

/** The phases in the order the CLI reports them. */
export const PHASES = ['node', 'load', 'command', 'parse', 'open', 'query', 'render', 'total'] as const;
