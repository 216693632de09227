#!/usr/bin/env node
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMMANDS, findCommand } from './cli/commands.js';
import type { CommandContext, GlobalOptions } from './cli/context.js';
import { directStream } from './cli/stdout.js';
import { mark, startTimings, timingsLine } from './cli/timings.js';
import type { Config } from './config/types.js';
import { ConveneError, oneLine } from './errors.js';
import type { Db } from './store/db.js';

/**
 * argv → command table → run. Any error becomes one stderr line and a mapped exit code
 * (0 ok, 1 failure, 2 usage; see errors.ts). Globals: --db PATH, --config PATH, --json.
 */
export async function main(argv: readonly string[], io: Pick<CommandContext, 'stdout' | 'stderr' | 'env'>): Promise<number> {
  startTimings(io.env);
  const { globals, rest } = splitGlobals(argv);
  const [name, ...args] = rest;
  if (!name || name === '--help' || name === '-h') {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout.write('convene 0.1.0\n');
    return 0;
  }
  const entry = findCommand(name);
  if (!entry) {
    io.stderr.write(`convene: unknown command "${name}" (see convene --help)\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`usage: ${entry.usage}\n${entry.summary}\n`);
    return 0;
  }
  let db: Db | undefined;
  let config: Config | undefined;
  // better-sqlite3 costs ~20 ms to load: only commands that may touch the archive pay for it;
  // the config loader (validators, zones) only commands that may read the config. Help, and
  // --help above, load neither.
  const plain = name === 'help' || name === 'init';
  const store = plain ? undefined : await import('./store/db.js');
  const configLoader = plain || (entry.archiveOnly && globals.db !== undefined) ? undefined : await import('./config/load.js');
  await configLoader?.prepareConfig(globals.config); // the YAML parser, only when there is a file to read
  // Config and database open on first use: `convene search --db X` reads no YAML at all.
  const ctx: CommandContext = {
    argv: args,
    globals,
    ...io,
    config: () => {
      if (!configLoader) throw new Error(`internal: ${name} read the config without loading it`);
      config ??= configLoader.loadConfigSync(globals.config, globals.db !== undefined ? { db: globals.db } : {});
      return config;
    },
    db: () => {
      if (!store) throw new Error(`internal: ${name} opened the database without loading it`);
      const path = globals.db ?? ctx.config().db;
      // Reading commands never create an empty archive where the user mistyped a path.
      if (!db && entry.archiveOnly && path !== ':memory:' && !existsSync(path)) {
        throw new ConveneError('NOT_FOUND', `no archive at ${path}: run convene import or convene sync first (or give --db)`);
      }
      if (!db) {
        // A reading command opens read-only: no journal-mode and migration pragmas to run
        // (an archive from an older convene is still migrated, once, by openDb).
        db = store.openDb(path, entry.archiveOnly && path !== ':memory:' ? { readonly: true } : {});
        mark('open');
      }
      return db;
    },
  };
  try {
    const command = await entry.load();
    mark('command');
    const code = await command.run(ctx);
    return code ?? 0;
  } finally {
    db?.close();
  }
}

/** Pull --db, --config and --json out of argv wherever they stand. */
export function splitGlobals(argv: readonly string[]): { globals: GlobalOptions; rest: string[] } {
  const rest: string[] = [];
  let db: string | undefined;
  let config: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    if (flag === '--db' || flag === '--config') {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new ConveneError('USAGE', `${flag} needs a path`);
      if (flag === '--db') db = value;
      else config = value;
    } else if (a === '--json') {
      json = true;
      rest.push(a);
    } else {
      rest.push(a);
    }
  }
  return { globals: { ...(db !== undefined ? { db } : {}), ...(config !== undefined ? { config } : {}), json }, rest };
}

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return (
    'usage: convene [--db PATH] [--config PATH] <command> [options]\n\n' +
    COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n') +
    '\n\nconvene <command> --help for its options.\n'
  );
}

/** main() with errors turned into one stderr line and the mapped exit code. */
export async function run(argv: readonly string[], io: Pick<CommandContext, 'stdout' | 'stderr' | 'env'>): Promise<number> {
  try {
    return await main(argv, io);
  } catch (err) {
    if (err instanceof ConveneError) {
      io.stderr.write(`convene: ${oneLine(err)}\n`);
      return err.exitCode;
    }
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
      const locked = new ConveneError('DB_LOCKED', 'the database is busy with another writer (a sync, a reindex); try again in a moment');
      io.stderr.write(`convene: ${locked.message}\n`);
      return locked.exitCode;
    }
    io.stderr.write(`convene: internal error: ${oneLine(err)}\n`);
    if (io.env.CONVENE_DEBUG) io.stderr.write(`${(err as Error).stack ?? ''}\n`);
    return 70;
  } finally {
    const timings = timingsLine();
    if (timings) io.stderr.write(`${timings}\n`);
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

/** Run the CLI as the process: argv in, exit code out (the bundled bin calls this; see launch.ts). */
export function start(): Promise<void> {
  // Straight to fds 1 and 2 unless they are terminals: process.stdout loads the streams stack (stdout.ts).
  let stdout = directStream(1);
  if (!stdout) {
    stdout = process.stdout;
    // `convene search ... | head`: a closed pipe ends the output, it is not an error.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  const stderr = directStream(2) ?? process.stderr;
  return run(process.argv.slice(2), { stdout, stderr, env: process.env }).then((code) => {
    process.exitCode = code;
  });
}

if (isEntryPoint()) void start();
