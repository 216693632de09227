/**
 * `CONVENE_TIMINGS=1`: where a command's milliseconds go, one line on stderr when it ends
 * (issue 9). Phases are the gaps between marks, from the process's own start
 * (performance.now() counts from it): node (Node's bootstrap), load (reading and compiling
 * the CLI, up to main()), then what the command marks: command (its module), open (config
 * and database), query, render. Off, a mark costs one comparison.
 */
let marks: { readonly phase: string; readonly at: number }[] | null = null;

/** What the bin (launch.ts) leaves for the report: how it loaded the bundled CLI. */
interface LaunchNote {
  readonly codeCache?: string;
}

export function startTimings(env: NodeJS.ProcessEnv): void {
  marks = null;
  if (!env.CONVENE_TIMINGS || env.CONVENE_TIMINGS === '0') return;
  marks = [{ phase: 'node', at: performance.nodeTiming.bootstrapComplete }];
  mark('load');
}

/** The phase that ends now. */
export function mark(phase: string): void {
  marks?.push({ phase, at: performance.now() });
}

/** The report line, or null when timings are off. */
export function timingsLine(): string | null {
  if (!marks) return null;
  const parts = marks.map((m, i) => `${m.phase} ${(m.at - (i ? marks![i - 1]!.at : 0)).toFixed(1)}`);
  const note = (globalThis as { __conveneLaunch?: LaunchNote }).__conveneLaunch;
  const cache = note?.codeCache ? ` (code cache: ${note.codeCache})` : '';
  return `timings (ms): ${parts.join(', ')}; total ${performance.now().toFixed(1)}${cache}`;
}
