import { spawn } from 'node:child_process';
import { accessSync, constants, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The outcome of one timed process run. */
export interface TimedRun {
  readonly code: number;
  readonly wallMs: number;
  /** Peak resident set size in bytes, when measured with GNU time. */
  readonly maxRssBytes?: number;
  /** From spawn to the first byte on stdout (undefined when it printed nothing). */
  readonly firstByteMs?: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Stream stdin from this file. */
  readonly stdinFile?: string;
  /** Keep at most this many bytes of stdout (default 4 MiB): output is counted, not stored. */
  readonly keepStdout?: number;
}

export const GNU_TIME = '/usr/bin/time';
let reportSeq = 0;

/**
 * Run a process to completion and time it from spawn to exit (wall clock, hrtime).
 * With `measureRss`, it runs under GNU `time -v` and the peak RSS is read from its report;
 * the report goes to a private fd so the tool's own stderr stays intact.
 */
export async function runTimed(
  cmd: string,
  args: readonly string[],
  options: RunOptions & { measureRss?: boolean } = {},
): Promise<TimedRun> {
  const rss = options.measureRss === true;
  // GNU time writes its report to a file of its own: node's extra stdio pipes are sockets,
  // which /dev/fd/N cannot reopen.
  const reportPath = join(tmpdir(), `convene-bench-time-${process.pid}-${++reportSeq}.txt`);
  const argv = rss ? ['-v', '-o', reportPath, cmd, ...args] : [...args];
  const exe = rss ? GNU_TIME : cmd;
  const keep = options.keepStdout ?? 4 << 20;
  const start = process.hrtime.bigint();
  const child = spawn(exe, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: [options.stdinFile ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  if (options.stdinFile && child.stdin) {
    const { createReadStream } = await import('node:fs');
    createReadStream(options.stdinFile).pipe(child.stdin);
  }
  const out: Buffer[] = [];
  let outLen = 0;
  const err: Buffer[] = [];
  let firstByteMs: number | undefined;
  child.stdout!.on('data', (b: Buffer) => {
    firstByteMs ??= Number(process.hrtime.bigint() - start) / 1e6;
    if (outLen < keep) out.push(b);
    outLen += b.length;
  });
  child.stderr!.on('data', (b: Buffer) => err.push(b));
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const stdout = Buffer.concat(out).toString('utf8');
  const stderr = Buffer.concat(err).toString('utf8');
  const first = firstByteMs !== undefined ? { firstByteMs } : {};
  if (!rss) return { code, wallMs, stdout, stderr, ...first };
  let text = '';
  try {
    text = readFileSync(reportPath, 'utf8');
  } finally {
    rmSync(reportPath, { force: true });
  }
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  const exit = /Exit status: (\d+)/.exec(text);
  return {
    code: exit ? Number(exit[1]) : code,
    wallMs,
    ...(m ? { maxRssBytes: Number(m[1]) * 1024 } : {}),
    ...first,
    stdout,
    stderr,
  };
}

/** Like runTimed, but a non-zero exit is an error that quotes the tool's stderr. */
export async function runChecked(
  cmd: string,
  args: readonly string[],
  options: RunOptions & { measureRss?: boolean } = {},
): Promise<TimedRun> {
  const r = await runTimed(cmd, args, options);
  if (r.code !== 0) {
    const tail = r.stderr.trim().split('\n').slice(-5).join(' | ');
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.code}: ${tail}`);
  }
  return r;
}

/** The path of an executable on PATH (or an absolute path that is executable), else undefined. */
export function which(cmd: string): string | undefined {
  const candidates = cmd.includes('/') ? [cmd] : (process.env.PATH ?? '').split(delimiter).map((d) => join(d, cmd));
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Median of a non-empty sample. */
export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/** Nearest-rank percentile (p in 0..100) of a non-empty sample. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** Total size in bytes of the files under a path (iterative walk; symlinks not followed). */
export function pathSize(path: string): number {
  let total = 0;
  const stack = [path];
  while (stack.length) {
    const p = stack.pop()!;
    let st;
    try {
      st = lstatSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) for (const name of readdirSync(p)) stack.push(join(p, name));
    else if (st.isFile()) total += st.size;
  }
  return total;
}

/** An empty directory (removed first if it exists). */
export function freshDir(path: string): string {
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
  return path;
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

export function fmtBytes(n: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(u === 0 ? 0 : 1)} ${units[u]}`;
}

export function fmtRatio(x: number): string {
  return Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a';
}

/** A fixed-width text table for the console report. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Read a JSON file written by a tool (hyperfine's --export-json). */
export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Quote one argument for a POSIX shell (and for hyperfine's shell-words splitting). */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
