import type { Command } from './context.js';

/**
 * The one table of commands (notmuch's commands[]). Each entry loads its module only when run,
 * so `convene search` never pays for imapflow or nodemailer at start-up.
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Reads the archive only: with --db given, no config file is read (start-up time). */
  readonly archiveOnly?: true;
  readonly load: () => Promise<Command>;
}

const lazy = (load: () => Promise<{ command: Command }>) => async (): Promise<Command> => (await load()).command;

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'init',
    summary: 'write a commented example convene.yaml',
    usage: 'convene init [PATH] [--force]',
    load: lazy(() => import('./init.js')),
  },
  {
    name: 'import',
    summary: 'import mbox (optionally .gz) files and maildirs',
    usage: 'convene import PATH... [--json]',
    load: lazy(() => import('./import.js')),
  },
  {
    name: 'sync',
    summary: 'pull the list over IMAP (--once for cron)',
    usage: 'convene sync [--once] [--json]',
    load: lazy(() => import('./sync.js')),
  },
  {
    name: 'search',
    archiveOnly: true,
    summary: 'search the archive',
    usage: 'convene search QUERY [--sort relevance|newest|oldest] [--limit N] [--threads] [--json|--jsonl|--format mboxrd] [--explain]',
    load: lazy(() => import('./search.js')),
  },
  {
    name: 'thread',
    archiveOnly: true,
    summary: 'show a whole thread as a tree',
    usage: 'convene thread ID [--json] [--flat]',
    load: lazy(() => import('./thread.js')),
  },
  {
    name: 'show',
    archiveOnly: true,
    summary: 'show one message',
    usage: 'convene show MSGID [--raw | --json]',
    load: lazy(() => import('./show.js')),
  },
  {
    name: 'export',
    archiveOnly: true,
    summary: 'export raw messages as mboxrd',
    usage: 'convene export [QUERY] [--format mboxrd] [--out FILE]',
    load: lazy(() => import('./export.js')),
  },
  {
    name: 'stats',
    archiveOnly: true,
    summary: 'archive statistics',
    usage: 'convene stats [--json]',
    load: lazy(() => import('./stats.js')),
  },
  {
    name: 'db',
    summary: 'database maintenance: check, reindex',
    usage: 'convene db check|reindex [--json]',
    load: lazy(() => import('./db.js')),
  },
  {
    name: 'meetings',
    summary: 'list the next occurrences of each meeting',
    usage: 'convene meetings [--count N] [--json]',
    load: lazy(() => import('./meetings.js')),
  },
  {
    name: 'meeting',
    summary: 'one-off changes: cancel, move, add an occurrence',
    usage: 'convene meeting cancel|move|add ID DATE [NEWDATE]',
    load: lazy(() => import('./meeting.js')),
  },
  {
    name: 'agenda',
    summary: 'review and edit agenda items',
    usage: 'convene agenda list|accept|reject|defer|withdraw|done|edit|move|merge|add|log|review|extract ...',
    load: lazy(() => import('./agenda.js')),
  },
  {
    name: 'digest',
    summary: 'preview or send the pre-call digest',
    usage: 'convene digest preview|send --meeting ID [--occurrence DATE] ...',
    load: lazy(() => import('./digest.js')),
  },
  {
    name: 'notes',
    summary: 'print the notes skeleton for a call',
    usage: 'convene notes --meeting ID [--occurrence DATE] [--out FILE]',
    load: lazy(() => import('./notes.js')),
  },
  {
    name: 'daemon',
    summary: 'run sync and the scheduled jobs',
    usage: 'convene daemon [--once] [--now TIME]',
    load: lazy(() => import('./daemon.js')),
  },
  {
    name: 'outbox',
    summary: 'list the outbox; send a mail again or drop it',
    usage: 'convene outbox list [--state STATE] | retry ID | drop ID [--json]',
    load: lazy(() => import('./outbox.js')),
  },
  { name: 'status', summary: 'last sync, next jobs, outbox', usage: 'convene status [--json]', load: lazy(() => import('./status.js')) },
  {
    name: 'help',
    summary: 'help on a command or topic (help search)',
    usage: 'convene help [COMMAND|search]',
    load: lazy(() => import('./help.js')),
  },
];

export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name);
}
