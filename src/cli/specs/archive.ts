/** Specs of the archive commands: import, sync, search, thread, show, export, stats, db. */
import { OPT, type CommandSpec } from '../spec.js';

export const IMPORT = {
  name: 'import',
  summary: 'import mbox (optionally .gz) files and maildirs',
  description: 'The format is detected per path. Re-importing is safe: messages already stored count as duplicates.',
  positionals: [{ name: 'PATH', help: 'an mbox, mbox.gz or maildir', required: true, variadic: true }],
  options: [OPT.json],
} as const satisfies CommandSpec;

export const SYNC = {
  name: 'sync',
  summary: 'pull the list over IMAP (or read new mail from source.path)',
  description: 'Incremental by UID. Without --once it stays connected (IDLE) until SIGINT or SIGTERM.',
  options: [{ name: 'once', type: 'boolean', help: 'one pass, then exit (cron)' }, OPT.json],
} as const satisfies CommandSpec;

export const SEARCH = {
  name: 'search',
  summary: 'search the archive',
  reads: true,
  dashPositionals: true,
  topic: 'search',
  positionals: [{ name: 'QUERY', help: 'words, "phrases", prefixes (convene help search)', required: true, variadic: true }],
  options: [
    { name: 'sort', type: 'string', value: 'ORDER', help: 'relevance, newest (default) or oldest' },
    { name: 'limit', type: 'string', value: 'N', help: 'at most N results (text: 50; JSON and mboxrd: all; 0: no limit)' },
    { name: 'threads', type: 'boolean', help: 'one row per thread' },
    OPT.json,
    { name: 'jsonl', type: 'boolean', help: 'one JSON object per line' },
    { name: 'format', type: 'string', value: 'FORMAT', help: 'text, json, jsonl or mboxrd (the raw messages)' },
    { name: 'explain', type: 'boolean', help: 'show how the query is read, without running it' },
  ],
} as const satisfies CommandSpec;

export const THREAD = {
  name: 'thread',
  summary: 'show a whole thread as a tree',
  reads: true,
  positionals: [{ name: 'ID', help: 'a thread number or a Message-ID in it', required: true }],
  options: [OPT.json, { name: 'flat', type: 'boolean', help: 'every message in full, in date order' }],
} as const satisfies CommandSpec;

export const SHOW = {
  name: 'show',
  summary: 'show one message',
  reads: true,
  positionals: [{ name: 'MSGID', help: 'its Message-ID (with or without <>)', required: true }],
  options: [{ name: 'raw', type: 'boolean', help: 'the stored bytes exactly' }, OPT.json],
} as const satisfies CommandSpec;

export const EXPORT = {
  name: 'export',
  summary: 'export raw messages as mboxrd',
  description: 'Every message in storage order, or the matches of QUERY oldest first. The bytes are the ones received.',
  reads: true,
  dashPositionals: true,
  positionals: [{ name: 'QUERY', help: 'a search query (default: everything)', variadic: true }],
  options: [
    { name: 'format', type: 'string', value: 'FORMAT', help: 'mboxrd (the only one)' },
    { name: 'out', type: 'string', value: 'FILE', help: 'write to FILE instead of standard output' },
    { name: 'json', type: 'boolean', help: 'print a JSON summary on standard output (needs --out)' },
  ],
} as const satisfies CommandSpec;

export const STATS = {
  name: 'stats',
  summary: 'archive statistics',
  reads: true,
  options: [OPT.json],
} as const satisfies CommandSpec;

export const DB_CHECK = {
  name: 'db check',
  summary: 'check the archive for consistency (exit 1 on a problem)',
  reads: true,
  options: [OPT.json],
} as const satisfies CommandSpec;

export const DB_REINDEX = {
  name: 'db reindex',
  summary: 'rebuild threads, the search index and agenda candidates from the stored raw mail',
  options: [OPT.json],
} as const satisfies CommandSpec;

export const DB = {
  name: 'db',
  summary: 'database maintenance: check, reindex',
  subcommands: [DB_CHECK, DB_REINDEX],
} as const satisfies CommandSpec;
