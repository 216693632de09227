/** Specs of the operator's commands: init, daemon, status, outbox, help. */
import { OPT, type CommandSpec } from '../spec.js';

export const INIT = {
  name: 'init',
  summary: 'write a commented example convene.yaml',
  description: 'It sends nothing until you configure a meeting (the example one is commented out).',
  positionals: [{ name: 'PATH', help: 'where to write it (default: convene.yaml)' }],
  options: [{ name: 'force', type: 'boolean', help: 'overwrite an existing file' }],
} as const satisfies CommandSpec;

export const DAEMON = {
  name: 'daemon',
  summary: 'run sync and the scheduled jobs',
  description:
    'One daemon per database (a second one refuses to start). SIGHUP reloads the config, SIGTERM finishes the\n' +
    'work in flight and exits (a batch not done within 5 s is abandoned, to be read again at the next start).\n' +
    'Logs: readable lines on a terminal, JSON lines otherwise. With --once, the exit code is 1 when the sync\n' +
    'or a delivery failed.',
  options: [
    { name: 'once', type: 'boolean', help: 'one pass, then exit (cron jobs)' },
    { name: 'now', type: 'string', value: 'TIME', help: 'start the clock at TIME (with --once: the pass runs at TIME)' },
    { name: 'tick', type: 'string', value: 'SECONDS', help: 'seconds between passes, 1 to 60 (default 60)' },
  ],
} as const satisfies CommandSpec;

export const STATUS = {
  name: 'status',
  summary: 'the daemon, the last sync, next jobs, the outbox',
  description: "Exits 1 when the daemon's ingestion is stuck: a batch in flight for longer than --stuck-after.",
  reads: true,
  options: [
    OPT.json,
    OPT.now,
    { name: 'stuck-after', type: 'string', value: 'SECONDS', help: 'a batch in flight this long is stuck (default 300)' },
  ],
} as const satisfies CommandSpec;

const MAIL_ID = { name: 'ID', help: "the mail's number, as `convene outbox list` shows it", required: true } as const;

export const OUTBOX_LIST = {
  name: 'outbox list',
  summary: 'the mails in the outbox, newest first, with their state and last error',
  reads: true,
  options: [
    { name: 'state', type: 'string', value: 'STATE', help: 'only mails in this state: queued, sending, sent, failed or dropped' },
    { name: 'limit', type: 'string', value: 'N', help: 'at most N mails (default 50)' },
    OPT.json,
  ],
} as const satisfies CommandSpec;

export const OUTBOX_RETRY = {
  name: 'outbox retry',
  summary: 'send a failed, dropped or unconfirmed mail again now, with an hour to go out',
  positionals: [MAIL_ID],
  options: [OPT.json, OPT.now],
} as const satisfies CommandSpec;

export const OUTBOX_DROP = {
  name: 'outbox drop',
  summary: 'give a mail up for good: it is neither sent nor queued again',
  positionals: [MAIL_ID],
  options: [OPT.json],
} as const satisfies CommandSpec;

export const OUTBOX = {
  name: 'outbox',
  summary: 'the outbox: list it, send a mail again, or drop one',
  description:
    'A failed mail is retried with backoff until its call starts (outbox.retryFor stops sooner). When the\n' +
    "outcome of a send is unknown, convene looks for the mail (the list's echo, sentMailbox) before resending.",
  subcommands: [OUTBOX_LIST, OUTBOX_RETRY, OUTBOX_DROP],
} as const satisfies CommandSpec;

export const HELP = {
  name: 'help',
  summary: 'help on a command, or a topic: config, search',
  positionals: [{ name: 'TOPIC', help: 'a command (and subcommand), config or search', variadic: true }],
} as const satisfies CommandSpec;
