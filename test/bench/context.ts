/** Options from the `npm run bench -- ...` command line. */
export interface BenchOptions {
  /** Use only the first N messages of the real slice (quick runs while developing). */
  readonly limit?: number;
  /** Size of the generated archive for the scale bench. */
  readonly n: number;
  /** Whole-process runs per command (hyperfine --runs). */
  readonly runs: number;
  readonly warmup: number;
  /** In-process query repetitions for p50/p95. */
  readonly inprocRuns: number;
  /** Keep scratch databases and maildirs after the run (they are reused as inputs anyway). */
  readonly keep: boolean;
  /** How long the soak feeds the daemon (default 10). */
  readonly minutes?: number;
}

/** What every bench gets. */
export interface BenchContext {
  /** The checkout (package.json's directory). */
  readonly root: string;
  /** Scratch space: .tmp/bench under the checkout. */
  readonly work: string;
  readonly corpora: string;
  readonly options: BenchOptions;
  readonly log: (line: string) => void;
}

export type BenchOutcome =
  | { readonly status: 'ok'; readonly figures: Record<string, unknown> }
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'failed'; readonly reason: string };

export interface Bench {
  readonly name: string;
  readonly summary: string;
  run(ctx: BenchContext): Promise<BenchOutcome>;
}

export function skipped(reason: string): BenchOutcome {
  return { status: 'skipped', reason };
}
