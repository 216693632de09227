/** Specs of the meeting and mailing commands: meetings, meeting, digest, notes. */
import { OPT, type CommandSpec } from '../spec.js';

export const MEETINGS = {
  name: 'meetings',
  summary: 'list the next occurrences of each meeting',
  reads: true,
  options: [{ name: 'count', type: 'string', value: 'N', help: 'how many per meeting (default 3)' }, OPT.meeting, OPT.json, OPT.now],
} as const satisfies CommandSpec;

const MEETING_ID = { name: 'ID', help: 'the meeting id', required: true } as const;
const CHANGE = [OPT.as, OPT.json, OPT.now] as const;

export const MEETING_CANCEL = {
  name: 'meeting cancel',
  summary: 'cancel one call',
  positionals: [MEETING_ID, { name: 'DATE', help: 'the call: its local date or key', required: true }],
  options: CHANGE,
} as const satisfies CommandSpec;

export const MEETING_MOVE = {
  name: 'meeting move',
  summary: 'move one call to another time',
  positionals: [
    MEETING_ID,
    { name: 'DATE', help: 'the call: its local date or key', required: true },
    { name: 'NEWDATE', help: 'the new local date and time (a date alone keeps the time of day)', required: true },
  ],
  options: CHANGE,
} as const satisfies CommandSpec;

export const MEETING_ADD = {
  name: 'meeting add',
  summary: 'add an extra call',
  positionals: [MEETING_ID, { name: 'DATE', help: "a local date and time in the meeting's zone", required: true }],
  options: CHANGE,
} as const satisfies CommandSpec;

export const MEETING = {
  name: 'meeting',
  summary: 'one-off changes: cancel, move, add an occurrence',
  description: "Dates are local, in the meeting's zone.",
  subcommands: [MEETING_CANCEL, MEETING_MOVE, MEETING_ADD],
} as const satisfies CommandSpec;

export const DIGEST_PREVIEW = {
  name: 'digest preview',
  summary: 'print exactly what would be sent',
  reads: true,
  options: [
    OPT.meeting,
    OPT.occurrence,
    { name: 'format', type: 'string', value: 'FORMAT', help: 'text (default), html or eml (the whole message)' },
    { name: 'update', type: 'boolean', help: 'the next revision ("[UPDATED]"), saying what changed' },
    { name: 'json', type: 'boolean', help: 'the mail as JSON: headers, the text part, the HTML part' },
    OPT.now,
  ],
} as const satisfies CommandSpec;

export const DIGEST_SEND = {
  name: 'digest send',
  summary: 'queue the digest in the outbox and deliver it now (once per revision)',
  options: [
    OPT.meeting,
    OPT.occurrence,
    { name: 'dry-run', type: 'boolean', help: 'say what would be sent, send nothing' },
    { name: 'update', type: 'boolean', help: 'send the next revision ("[UPDATED]"), saying what changed' },
    OPT.json,
    OPT.now,
  ],
} as const satisfies CommandSpec;

export const DIGEST = {
  name: 'digest',
  summary: 'preview or send the pre-call digest',
  subcommands: [DIGEST_PREVIEW, DIGEST_SEND],
} as const satisfies CommandSpec;

export const NOTES = {
  name: 'notes',
  summary: 'print the notes skeleton for a call',
  description: 'Default: the call in progress, else the next one.',
  reads: true,
  options: [
    OPT.meeting,
    OPT.occurrence,
    { name: 'out', type: 'string', value: 'FILE', help: 'write it to FILE' },
    { name: 'json', type: 'boolean', help: 'print {meeting, occurrence, start, markdown} as JSON' },
    OPT.now,
  ],
} as const satisfies CommandSpec;
