import type { Db } from '../store/db.js';
import type { Config } from '../config/types.js';

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
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Opens the database once (read-write, migrating), on first use. */
  readonly db: () => Db;
  /** Loads and validates the config once, on first use. */
  readonly config: () => Config;
  readonly env: NodeJS.ProcessEnv;
}

export interface Command {
  /** Returns the exit code (0 unless a command reports partial failure). */
  run(ctx: CommandContext): Promise<number | void>;
}
