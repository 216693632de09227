/** Specs of the operator's commands: init, daemon, status, help. */
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
    'work in flight and exits. Logs: readable lines on a terminal, JSON lines otherwise. With --once, the exit\n' +
    'code is 1 when the sync or a delivery failed.',
  options: [
    { name: 'once', type: 'boolean', help: 'one pass, then exit (cron jobs)' },
    { name: 'now', type: 'string', value: 'TIME', help: 'start the clock at TIME (with --once: the pass runs at TIME)' },
    { name: 'tick', type: 'string', value: 'SECONDS', help: 'seconds between passes (default 60)' },
  ],
} as const satisfies CommandSpec;

export const STATUS = {
  name: 'status',
  summary: 'the daemon, the last sync, next jobs, the outbox',
  reads: true,
  options: [OPT.json, OPT.now],
} as const satisfies CommandSpec;

export const HELP = {
  name: 'help',
  summary: 'help on a command, or a topic: config, search',
  positionals: [{ name: 'TOPIC', help: 'a command (and subcommand), config or search', variadic: true }],
} as const satisfies CommandSpec;
