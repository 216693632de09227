/** Specs of `convene agenda SUBCOMMAND`: the chair's review. */
import { OPT, type CommandSpec, type OptionSpec, type PositionalSpec } from '../spec.js';

const ITEMS: PositionalSpec = { name: 'ITEM', help: 'item numbers (12 or #12); each is reported', variadic: true };
const ONE_ITEM: PositionalSpec = { name: 'ITEM', help: 'the item number (12 or #12)', required: true };
const REASON = { name: 'reason', type: 'string', value: 'TEXT', help: 'why, for the log and the proposer' } as const;
const WRITE = [OPT.as, OPT.json, OPT.now] as const;
const TITLE = { name: 'title', type: 'string', value: 'TEXT', help: 'the title' } as const;
const PRESENTER = { name: 'presenter', type: 'string', value: 'NAME', help: 'who presents it' } as const;
const DURATION = { name: 'duration', type: 'string', value: 'MIN', help: 'minutes ("15", "15m", "PT15M")' } as const;
const POSITION = { name: 'position', type: 'string', value: 'N', help: 'place on the agenda, from 1 (default: last)' } as const;
const FROM_MESSAGE = {
  name: 'from-message',
  type: 'string',
  value: 'MSGID',
  help: 'every open item proposed in (or supported by) this message',
} as const satisfies OptionSpec;

export const AGENDA_LIST = {
  name: 'agenda list',
  summary: 'list items (default: the open ones: proposed, accepted, deferred)',
  reads: true,
  options: [
    OPT.meeting,
    { name: 'occurrence', type: 'string', value: 'DATE', help: 'only the items of this call (a local date, key or "next")' },
    { name: 'state', type: 'string', value: 'S', help: 'a state, several comma-separated, open (default) or all' },
    OPT.json,
    OPT.now,
  ],
} as const satisfies CommandSpec;

export const AGENDA_SHOW = {
  name: 'agenda show',
  summary: 'the agenda of one call, as the digest will show it',
  reads: true,
  options: [OPT.meeting, OPT.occurrence, OPT.json, OPT.now],
} as const satisfies CommandSpec;

export const AGENDA_LOG = {
  name: 'agenda log',
  summary: "the audit log of the chair's actions",
  reads: true,
  options: [
    { name: 'item', type: 'string', value: 'ID', help: 'only this item' },
    OPT.meeting,
    { name: 'limit', type: 'string', value: 'N', help: 'at most N entries (default 200; 0: all)' },
    { name: 'all', type: 'boolean', help: 'include what extraction added' },
    OPT.json,
  ],
} as const satisfies CommandSpec;

export const AGENDA_ACCEPT = {
  name: 'agenda accept',
  summary: 'put items on the agenda',
  positionals: [ITEMS],
  options: [POSITION, { name: 'occurrence', type: 'string', value: 'DATE', help: "for another call than the item's" }, ...WRITE],
} as const satisfies CommandSpec;

export const AGENDA_REJECT = {
  name: 'agenda reject',
  summary: 'reject items (they stay in the log)',
  positionals: [ITEMS],
  options: [REASON, FROM_MESSAGE, ...WRITE],
} as const satisfies CommandSpec;

export const AGENDA_DEFER = {
  name: 'agenda defer',
  summary: 'move items to the next call',
  positionals: [ITEMS],
  options: [...WRITE],
} as const satisfies CommandSpec;

export const AGENDA_WITHDRAW = {
  name: 'agenda withdraw',
  summary: 'withdraw items (the proposer took them back)',
  positionals: [ITEMS],
  options: [REASON, FROM_MESSAGE, ...WRITE],
} as const satisfies CommandSpec;

export const AGENDA_DONE = {
  name: 'agenda done',
  summary: 'mark items as discussed',
  positionals: [ITEMS],
  options: [...WRITE],
} as const satisfies CommandSpec;

export const AGENDA_EXPIRE = {
  name: 'agenda expire',
  summary: 'reject the items still awaiting review (proposed or deferred) for calls before a date',
  positionals: [],
  options: [
    { name: 'before', type: 'string', value: 'DATE', help: 'calls before this local date (YYYY-MM-DD) (required)' },
    OPT.meeting,
    { name: 'reason', type: 'string', value: 'TEXT', help: 'the reason recorded (default: "expired")' },
    ...WRITE,
  ],
} as const satisfies CommandSpec;

export const AGENDA_EDIT = {
  name: 'agenda edit',
  summary: "change an item's title, presenter or duration",
  positionals: [ONE_ITEM],
  options: [TITLE, PRESENTER, DURATION, ...WRITE],
} as const satisfies CommandSpec;

export const AGENDA_MOVE = {
  name: 'agenda move',
  summary: 'move an accepted item to another position',
  positionals: [ONE_ITEM],
  options: [{ name: 'to', type: 'string', value: 'N', help: 'the new position, from 1 (required)' }, ...WRITE],
} as const satisfies CommandSpec;

export const AGENDA_MERGE = {
  name: 'agenda merge',
  summary: 'merge items into the first (their sources and supporters join it)',
  positionals: [
    { name: 'KEEP', help: 'the item that stays', required: true },
    { name: 'OTHER', help: 'the items merged into it', required: true, variadic: true },
  ],
  options: [...WRITE],
} as const satisfies CommandSpec;

export const AGENDA_ADD = {
  name: 'agenda add',
  summary: 'add an item yourself',
  options: [
    { ...TITLE, help: 'the title (required)' },
    OPT.meeting,
    OPT.occurrence,
    PRESENTER,
    DURATION,
    POSITION,
    { name: 'proposer', type: 'string', value: 'NAME', help: 'who proposed it (default: you)' },
    { name: 'link', type: 'strings', value: 'URL', help: 'a link shown with the item' },
    { name: 'proposed', type: 'boolean', help: 'add it as proposed (awaiting review) instead of accepted' },
    ...WRITE,
  ],
} as const satisfies CommandSpec;

export const AGENDA_REVIEW = {
  name: 'agenda review',
  summary: 'walk the items awaiting review on a terminal, one key per action',
  options: [OPT.meeting, OPT.occurrence, OPT.as, OPT.now],
} as const satisfies CommandSpec;

export const AGENDA_EXTRACT = {
  name: 'agenda extract',
  summary: 're-run extraction over the archive (adds, never overwrites)',
  options: [{ name: 'since', type: 'string', value: 'TIME', help: 'only messages from TIME on' }, OPT.json, OPT.now],
} as const satisfies CommandSpec;

export const AGENDA = {
  name: 'agenda',
  summary: 'review and edit agenda items',
  subcommands: [
    AGENDA_LIST,
    AGENDA_SHOW,
    AGENDA_LOG,
    AGENDA_ACCEPT,
    AGENDA_REJECT,
    AGENDA_DEFER,
    AGENDA_WITHDRAW,
    AGENDA_DONE,
    AGENDA_EXPIRE,
    AGENDA_EDIT,
    AGENDA_MOVE,
    AGENDA_MERGE,
    AGENDA_ADD,
    AGENDA_REVIEW,
    AGENDA_EXTRACT,
  ],
} as const satisfies CommandSpec;
