/**
 * Apply the chair's commands through the agenda's review actions (agenda/items/review.ts) and the
 * meeting overrides, exactly as the CLI's `agenda accept|reject|...` and `meeting cancel` do:
 * each action and its audit-log row in one transaction, the actor naming the chair and the
 * command mail. A command that fails is reported and changes nothing; the others still apply.
 * `send` and the cancellation notice are left to the caller (they queue mail).
 */
import { getItem } from '../agenda/items/reader.js';
import { accept, addItem, defer, edit, merge, move, reject, type ReviewContext } from '../agenda/items/review.js';
import type { MeetingConfig } from '../config/meetings.js';
import type { ShortNumber } from '../digest/build-mails.js';
import { ConveneError } from '../errors.js';
import { occurrenceByKey } from '../meetings/occurrences.js';
import { cancelOccurrence } from '../meetings/overrides.js';
import type { Occurrence } from '../meetings/types.js';
import type { Db } from '../store/db.js';
import type { Command, CommandLine } from './commands.js';

export interface Applied {
  readonly applied: string[];
  readonly failed: string[];
  readonly cancelled: boolean;
  readonly send: boolean;
}

class Refusal extends Error {}

/** Apply the lines in order against the occurrence the mail replied about. */
export function applyCommands(
  db: Db,
  meeting: MeetingConfig,
  occ: Occurrence,
  numbers: readonly ShortNumber[],
  lines: readonly CommandLine[],
  c: ReviewContext,
  chair: string,
): Applied {
  const out = { applied: [] as string[], failed: [] as string[], cancelled: false, send: false };
  const idOf = (ref: number): number => {
    const n = numbers.find((x) => x.ref === ref);
    if (!n) throw new Refusal(`there is no [${ref}] in the mail you replied to`);
    return Number(n.id);
  };
  const label = (ref: number, id: number): string => `[${ref}] ${getItem(db, id)?.title ?? `item ${id}`}`;
  for (const { line, command } of lines) {
    const done = (text: string): void => void out.applied.push(`${line}: ${text}`);
    try {
      if (occ.status === 'cancelled' || out.cancelled) throw new Refusal('the call is cancelled');
      if (c.now >= occ.start) throw new Refusal('the call has started');
      if (command.kind === 'cancel') {
        cancelOccurrence(db, meeting, occ, c);
        out.cancelled = true;
        done('the call is cancelled');
      } else if (command.kind === 'send') {
        out.send = true; // after every other line; process.ts reports how it went
      } else if (command.kind === 'add') {
        const item = addItem(db, meeting, occ, { title: command.title, proposer: chair, ...extras(command) }, c);
        done(`added "${item.title}" as agenda item ${item.position}`);
      } else {
        for (const text of applyToItems(db, occ, command, idOf, label, c)) done(text);
      }
    } catch (err) {
      if (!(err instanceof Refusal) && !(err instanceof ConveneError)) throw err;
      out.failed.push(`${line}: ${inChairTerms(err.message, numbers)}`);
    }
  }
  return out satisfies Applied;
}

/** An agenda error as the chair reads it: the mail's [numbers], not convene's item ids. */
function inChairTerms(message: string, numbers: readonly ShortNumber[]): string {
  const byId = new Map(numbers.map((n) => [n.id, n.ref]));
  return message.replace(/^agenda: /, '').replace(/\bitem (\d+)\b/g, (whole, id: string) => (byId.has(id) ? `[${byId.get(id)}]` : whole));
}

function extras(cmd: Extract<Command, { kind: 'add' }>): { presenter?: string; durationMinutes?: number } {
  return {
    ...(cmd.presenter ? { presenter: cmd.presenter } : {}),
    ...(cmd.durationMinutes ? { durationMinutes: cmd.durationMinutes } : {}),
  };
}

/** The item commands; every number is checked before anything changes, so a typo changes nothing. */
function applyToItems(
  db: Db,
  occ: Occurrence,
  cmd: Exclude<Command, { kind: 'cancel' | 'send' | 'add' }>,
  idOf: (ref: number) => number,
  label: (ref: number, id: number) => string,
  c: ReviewContext,
): string[] {
  const refs = 'refs' in cmd ? cmd.refs : [cmd.ref];
  const ids = refs.map(idOf);
  const texts: string[] = [];
  const each = (fn: (id: number, ref: number) => string): void => ids.forEach((id, i) => texts.push(fn(id, refs[i]!)));
  const wrap = <T>(fn: () => T): T => db.transaction(fn).immediate(); // one line: all of it or nothing
  switch (cmd.kind) {
    case 'accept':
      wrap(() => each((id, ref) => `${label(ref, id)} is agenda item ${accept(db, id, c, { occurrenceKey: occ.key }).position}`));
      break;
    case 'reject':
      wrap(() => each((id, ref) => (reject(db, id, cmd.reason, c), `${label(ref, id)} declined`)));
      break;
    case 'defer':
      wrap(() => each((id, ref) => `${label(ref, id)} moved to the call of ${defer(db, id, c).occurrenceKey?.replace(/^.*\//, '')}`));
      break;
    case 'merge': {
      const keep = idOf(cmd.into);
      const name = label(cmd.into, keep);
      merge(db, keep, ids, c);
      texts.push(`${refs.map((r, i) => label(r, ids[i]!)).join(', ')} merged into ${name}`);
      break;
    }
    case 'title': {
      const before = label(cmd.ref, ids[0]!);
      edit(db, ids[0]!, { title: cmd.title }, c);
      texts.push(`${before} is now titled "${cmd.title}"`);
      break;
    }
    case 'move':
      texts.push(`${label(cmd.ref, ids[0]!)} is agenda item ${move(db, ids[0]!, cmd.to, c).position}`);
      break;
  }
  return texts;
}

/** The occurrence a mail is about, as it is now (null when it no longer exists). */
export function currentOccurrence(db: Db, meeting: MeetingConfig, key: string): Occurrence | null {
  return occurrenceByKey(db, meeting, key);
}
