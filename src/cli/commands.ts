import type { Command } from './context.js';
import type { CommandSpec } from './spec.js';
import { AGENDA } from './specs/agenda.js';
import { DB, EXPORT, IMPORT, SEARCH, SHOW, STATS, SYNC, THREAD } from './specs/archive.js';
import { DIGEST, MEETING, MEETINGS, NOTES } from './specs/calls.js';
import { DAEMON, HELP, INIT, STATUS } from './specs/operate.js';

/**
 * The one table of commands (notmuch's commands[]): each command's spec (specs/: parsing and help
 * are generated from it) and its module, loaded only when run, so `convene search` never pays for
 * imapflow or nodemailer at start-up.
 */
export interface CommandEntry {
  readonly spec: CommandSpec;
  /** Reads the archive only: with --db given, no config file is read (start-up time). */
  readonly archiveOnly?: true;
  readonly load: () => Promise<Command>;
}

const lazy = (load: () => Promise<{ command: Command }>) => async (): Promise<Command> => (await load()).command;

export const COMMANDS: readonly CommandEntry[] = [
  { spec: INIT, load: lazy(() => import('./init.js')) },
  { spec: IMPORT, load: lazy(() => import('./import.js')) },
  { spec: SYNC, load: lazy(() => import('./sync.js')) },
  { spec: SEARCH, archiveOnly: true, load: lazy(() => import('./search.js')) },
  { spec: THREAD, archiveOnly: true, load: lazy(() => import('./thread.js')) },
  { spec: SHOW, archiveOnly: true, load: lazy(() => import('./show.js')) },
  { spec: EXPORT, archiveOnly: true, load: lazy(() => import('./export.js')) },
  { spec: STATS, archiveOnly: true, load: lazy(() => import('./stats.js')) },
  { spec: DB, load: lazy(() => import('./db.js')) },
  { spec: MEETINGS, load: lazy(() => import('./meetings.js')) },
  { spec: MEETING, load: lazy(() => import('./meeting.js')) },
  { spec: AGENDA, load: lazy(() => import('./agenda.js')) },
  { spec: DIGEST, load: lazy(() => import('./digest.js')) },
  { spec: NOTES, load: lazy(() => import('./notes.js')) },
  { spec: DAEMON, load: lazy(() => import('./daemon.js')) },
  { spec: STATUS, load: lazy(() => import('./status.js')) },
  { spec: HELP, load: lazy(() => import('./help.js')) },
];

/** The specs of every command, in the table's order. */
export const SPECS: readonly CommandSpec[] = COMMANDS.map((c) => c.spec);

export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.spec.name === name);
}
