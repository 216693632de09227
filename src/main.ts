#!/usr/bin/env node
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findCommand, SPECS } from './cli/commands.js';
import type { CommandContext, GlobalOptions } from './cli/context.js';
import { parseArgv } from './cli/parse.js';
import { directStream } from './cli/stdout.js';
import { mark, startTimings, timingsLine } from './cli/timings.js';
import { version } from './cli/version.js';
import type { Config } from './config/types.js';
import { ConveneError, oneLine } from './errors.js';
import { safeText } from './cli/terminal-text.js';
import type { Db } from './store/db.js';

/**
 * argv → command table → run. Any error becomes one stderr line and a mapped exit code
 * (0 ok, 1 failure, 2 usage; see errors.ts). Arguments are parsed by the command's spec
 * (cli/specs/) before its module loads: a usage error or --help costs no import.
 */
export async function main(argv: readonly string[], io: Pick<CommandContext, 'stdout' | 'stderr' | 'env'>): Promise<number> {
  startTimings(io.env);
  const parsed = parseArgv(argv, SPECS);
  if (parsed.version) {
    io.stdout.write(`convene ${version()}\n`);
    return 0;
  }
  if (!parsed.spec || parsed.help) {
    const { helpPage } = await import('./cli/help.js');
    io.stdout.write(await helpPage(parsed.spec));
    return parsed.spec || parsed.help ? 0 : 2;
  }
  const spec = parsed.spec;
  const name = spec.name.split(' ')[0]!;
  const entry = findCommand(name)!;
  const globals: GlobalOptions = { ...parsed.globals, json: parsed.values.json === true };
  let db: Db | undefined;
  let config: Config | undefined;
  // better-sqlite3 costs ~20 ms to load: only commands that may touch the archive pay for it;
  // the config loader (validators, zones, YAML) only commands that may read the config. Help,
  // --help and --version above load neither.
  const plain = name === 'help' || name === 'init';
  const store = plain ? undefined : await import('./store/db.js');
  const configLoader = plain || (entry.archiveOnly && globals.db !== undefined) ? undefined : await import('./config/load.js');
  await configLoader?.prepareConfig(globals.config); // the YAML parser, only when there is a file to read
  // A command that only reads the archive opens it read-only: no journal-mode and migration
  // pragmas to run (an archive from an older convene is still migrated, once, by openDb).
  const readOnly = entry.archiveOnly === true && spec.reads === true;
  const dbPath = (): string => globals.db ?? ctx.config().db;
  // Config and database open on first use: `convene search --db X` reads no YAML at all.
  const ctx: CommandContext = {
    argv: argv.slice(argv.indexOf(spec.name.split(' ').at(-1)!) + 1),
    globals,
    parsed,
    ...io,
    config: () => {
      if (!configLoader) throw new Error(`internal: ${name} read the config without loading it`);
      config ??= configLoader.loadConfigSync(globals.config, globals.db !== undefined ? { db: globals.db } : {});
      return config;
    },
    db: () => {
      if (!store) throw new Error(`internal: ${name} opened the database without loading it`);
      const path = dbPath();
      // Reading commands never create an empty archive where the user mistyped a path.
      if (!db && spec.reads && path !== ':memory:' && !existsSync(path)) {
        throw new ConveneError('NOT_FOUND', `no archive at ${path}: run convene import or convene sync first (or give --db)`);
      }
      if (!db) {
        db = store.openDb(path, readOnly && path !== ':memory:' ? { readonly: true } : {});
        mark('open');
      }
      return db;
    },
    existingDb: () => (db || dbPath() === ':memory:' || existsSync(dbPath()) ? ctx.db() : null),
  };
  try {
    const command = await entry.load();
    mark('command');
    const code = await command.run(ctx);
    return code ?? 0;
  } catch (err) {
    // SQLite's own errors (read-only, full disk, damaged file) name the archive they concern.
    throw db && store ? store.sqliteError(err, globals.db ?? ctx.config().db) : err;
  } finally {
    db?.close();
  }
}

/** main() with errors turned into one stderr line and the mapped exit code. */
export async function run(argv: readonly string[], io: Pick<CommandContext, 'stdout' | 'stderr' | 'env'>): Promise<number> {
  try {
    return await main(argv, io);
  } catch (err) {
    if (err instanceof ConveneError) {
      // Messages may quote mail (a Message-ID, a subject): made safe for the terminal.
      io.stderr.write(`convene: ${safeText(oneLine(err), false)}\n`);
      return err.exitCode;
    }
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
      const locked = new ConveneError('DB_LOCKED', 'the database is busy with another writer (a sync, a reindex); try again in a moment');
      io.stderr.write(`convene: ${locked.message}\n`);
      return locked.exitCode;
    }
    io.stderr.write(`convene: internal error: ${safeText(oneLine(err), false)}\n`);
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
