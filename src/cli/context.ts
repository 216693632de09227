import type { Db } from '../store/db.js';
import type { Config } from '../config/types.js';
import type { ParsedArgv } from './parse.js';
import type { CommandSpec, Parsed } from './spec.js';

/** Global options every command accepts, parsed before the command's own. */
export interface GlobalOptions {
  readonly db?: string;
  readonly config?: string;
  readonly json: boolean;
}

/** What a command gets: its argv (after the command words), globals, and lazy accessors for I/O. */
export interface CommandContext {
  readonly argv: readonly string[];
  readonly globals: GlobalOptions;
  /** The arguments, parsed by the command's spec (see args()). */
  readonly parsed: ParsedArgv;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Opens the database once (read-write, migrating), on first use. */
  readonly db: () => Db;
  /** The database when it exists, else null: reading commands never create one. */
  readonly existingDb: () => Db | null;
  /** Loads and validates the config once, on first use. */
  readonly config: () => Config;
  readonly env: NodeJS.ProcessEnv;
}

export interface Command {
  /** Returns the exit code (0 unless a command reports partial failure). */
  run(ctx: CommandContext): Promise<number | void>;
}

/** The command's parsed arguments, typed by its spec (main parsed them before loading the command). */
export function args<S extends CommandSpec>(ctx: CommandContext, spec: S): Parsed<S> {
  const p = ctx.parsed;
  if (!p || p.spec?.name !== spec.name) throw new Error(`internal: ${spec.name} run without its parsed arguments`);
  return { spec: p.spec, values: p.values as Parsed<S>['values'], positionals: p.positionals };
}

/** --json given (the command's own option). */
export function wantsJson(ctx: CommandContext, values: { readonly json?: boolean }): boolean {
  return values.json === true || ctx.globals.json;
}
