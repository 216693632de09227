/**
 * The chair's review: the only path that changes an existing agenda item (extraction only
 * inserts; see record.ts). Each action checks the state machine (transitions.ts), writes the item
 * and one audit log row in one transaction, and returns the item as it now is. The accepted and
 * done items of an occurrence are numbered 1..n (positions.ts); an item leaving them closes the gap.
 */
import type { MeetingConfig } from '../../config/meetings.js';
import { ConveneError } from '../../errors.js';
import { nextOccurrence, occurrenceByKey } from '../../meetings/occurrences.js';
import type { Occurrence } from '../../meetings/types.js';
import type { Db } from '../../store/db.js';
import { logAction } from '../../store/audit.js';
import { itemRow } from './item-reader.js';
import type { ItemRow } from './item-row.js';
import { insertItem, moveSources, updateItem } from './item-store.js';
import type { AgendaItem, ItemState } from './item-types.js';
import { LAST, renumber } from './positions.js';
import { getItem } from './reader.js';
import { normaliseTitle } from '../wording/title.js';
import { checkMove } from './transitions.js';

export { canMove } from './transitions.js';

export interface ReviewContext {
  readonly actor: string;
  readonly now: number;
  readonly meetings: readonly MeetingConfig[];
}

function load(db: Db, id: number): ItemRow {
  const row = itemRow(db, id);
  if (!row) throw new ConveneError('NOT_FOUND', `agenda: no item ${id}`);
  return row;
}

function meetingOf(c: ReviewContext, id: string): MeetingConfig {
  const m = c.meetings.find((x) => x.id === id);
  if (!m) throw new ConveneError('AGENDA', `agenda: meeting "${id}" is not in the config`);
  return m;
}

/** Run one action: the change and its log row in one transaction; returns the item after. */
function act(db: Db, c: ReviewContext, id: number, action: string, change: (row: ItemRow) => void): AgendaItem {
  return db
    .transaction(() => {
      const before = getItem(db, id);
      if (!before) throw new ConveneError('NOT_FOUND', `agenda: no item ${id}`);
      change(load(db, id));
      const after = getItem(db, id)!;
      logAction(db, {
        at: c.now,
        actor: c.actor,
        action,
        itemId: id,
        meetingId: after.meetingId,
        occurrenceKey: after.occurrenceKey,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    })
    .immediate(); // the chair's CLI and the daemon write the same file: take the lock up front
}

function snapshot(i: AgendaItem): Record<string, unknown> {
  return {
    state: i.state,
    occurrence: i.occurrenceKey,
    position: i.position,
    title: i.title,
    presenter: i.presenter,
    durationMinutes: i.durationMinutes,
    reason: i.reason,
    mergedInto: i.mergedInto,
  };
}

function set(db: Db, id: number, fields: Record<string, unknown>, now: number): void {
  updateItem(db, id, fields, now);
}

function occurrenceFor(db: Db, meeting: MeetingConfig, key: string): Occurrence {
  const occ = occurrenceByKey(db, meeting, key);
  if (!occ) throw new ConveneError('AGENDA', `agenda: ${meeting.id} has no occurrence ${key}`);
  return occ;
}

/**
 * Accept an item onto its occurrence's agenda (or onto `occurrenceKey`: how a carried-over item
 * is placed on a later call), at `position` (default: last).
 */
export function accept(db: Db, id: number, c: ReviewContext, options: { position?: number; occurrenceKey?: string } = {}): AgendaItem {
  return act(db, c, id, 'accept', (row) => {
    checkMove(row, 'accepted');
    const meeting = meetingOf(c, row.meeting_id);
    let key = row.occ_key;
    let start = row.occ_start;
    if (options.occurrenceKey !== undefined && options.occurrenceKey !== row.occ_key) {
      const occ = occurrenceFor(db, meeting, options.occurrenceKey);
      key = occ.key;
      start = occ.originalStart ?? occ.start;
    }
    if (key === null) throw new ConveneError('AGENDA', `agenda: item ${id} has no occurrence; give one with --occurrence`);
    if (row.state === 'accepted' && key === row.occ_key && options.position === undefined) {
      throw new ConveneError('AGENDA', `agenda: item ${id} is already accepted (position ${row.position}); use move to reorder`);
    }
    const oldKey = row.occ_key;
    set(db, id, { state: 'accepted', occ_key: key, occ_start: start, position: null, reason: null }, c.now);
    if (oldKey !== key) renumber(db, row.meeting_id, oldKey, c.now);
    renumber(db, row.meeting_id, key, c.now, { id, position: options.position ?? LAST });
  });
}

/** Reject with a reason (shown in the log and `agenda list`). */
export function reject(db: Db, id: number, reason: string | null, c: ReviewContext): AgendaItem {
  return leave(db, id, 'rejected', 'reject', reason, c);
}

/** Withdraw (the proposer dropped it). */
export function withdraw(db: Db, id: number, reason: string | null, c: ReviewContext): AgendaItem {
  return leave(db, id, 'withdrawn', 'withdraw', reason, c);
}

function leave(db: Db, id: number, to: ItemState, action: string, reason: string | null, c: ReviewContext): AgendaItem {
  return act(db, c, id, action, (row) => {
    checkMove(row, to);
    set(db, id, { state: to, position: null, reason }, c.now);
    renumber(db, row.meeting_id, row.occ_key, c.now);
  });
}

/** Mark an accepted item done after the call: it stops rolling over and keeps its position. */
export function markDone(db: Db, id: number, c: ReviewContext): AgendaItem {
  return act(db, c, id, 'done', (row) => {
    checkMove(row, 'done');
    set(db, id, { state: 'done' }, c.now);
  });
}

/** Defer to the occurrence after the item's own (or after now, when it has none). */
export function defer(db: Db, id: number, c: ReviewContext): AgendaItem {
  return act(db, c, id, 'defer', (row) => {
    checkMove(row, 'deferred');
    const meeting = meetingOf(c, row.meeting_id);
    const current = row.occ_key ? occurrenceByKey(db, meeting, row.occ_key) : null;
    const next = nextOccurrence(db, meeting, current ? Math.max(current.start, current.originalStart ?? current.start) : c.now);
    if (!next) throw new ConveneError('AGENDA', `agenda: ${meeting.id} has no later occurrence to defer item ${id} to`);
    set(
      db,
      id,
      { state: 'deferred', occ_key: next.key, occ_start: next.originalStart ?? next.start, position: null, deferred_from: row.occ_key },
      c.now,
    );
    renumber(db, row.meeting_id, row.occ_key, c.now);
  });
}

/** Edit what the chair may edit; marks the item chair_edited. */
export function edit(
  db: Db,
  id: number,
  fields: { title?: string; presenter?: string | null; durationMinutes?: number | null },
  c: ReviewContext,
): AgendaItem {
  return act(db, c, id, 'edit', (row) => {
    if (row.state === 'merged') throw new ConveneError('AGENDA', `agenda: item ${id} is merged into ${row.merged_into}; edit that one`);
    const change: Record<string, unknown> = { chair_edited: 1 };
    if (fields.title !== undefined) {
      const title = fields.title.replace(/\s+/g, ' ').trim();
      if (!title) throw new ConveneError('USAGE', 'agenda: the title must not be empty');
      change.title = title;
      change.title_norm = normaliseTitle(title) || title.toLowerCase();
    }
    if (fields.presenter !== undefined) change.presenter = fields.presenter?.trim() || null;
    if (fields.durationMinutes !== undefined) change.duration_min = fields.durationMinutes;
    if (Object.keys(change).length === 1) throw new ConveneError('USAGE', 'agenda: edit needs --title, --presenter or --duration');
    set(db, id, change, c.now);
  });
}

/** Move an accepted item to position `to` (1-based) on its occurrence's agenda. */
export function move(db: Db, id: number, to: number, c: ReviewContext): AgendaItem {
  return act(db, c, id, 'move', (row) => {
    if (row.state !== 'accepted')
      throw new ConveneError('AGENDA', `agenda: item ${id} is ${row.state}; only accepted items have a position`);
    if (!Number.isInteger(to) || to < 1) throw new ConveneError('USAGE', 'agenda: --to takes a position from 1');
    renumber(db, row.meeting_id, row.occ_key, c.now, { id, position: to });
  });
}

/**
 * Merge `others` into `keep`: their sources (proposals and supporters) move to it, they become
 * 'merged' with merged_into = keep. Returns the kept item.
 */
export function merge(db: Db, keep: number, others: readonly number[], c: ReviewContext): AgendaItem {
  if (others.length === 0) throw new ConveneError('USAGE', 'agenda: merge needs two items: merge KEEP OTHER...');
  return db.transaction(() => mergeAll(db, keep, others, c)).immediate();
}

function mergeAll(db: Db, keep: number, others: readonly number[], c: ReviewContext): AgendaItem {
  const target = load(db, keep);
  if (target.state === 'merged') throw new ConveneError('AGENDA', `agenda: item ${keep} is itself merged into ${target.merged_into}`);
  for (const other of others) {
    if (other === keep) throw new ConveneError('USAGE', `agenda: cannot merge item ${keep} into itself`);
    const row = load(db, other);
    if (row.meeting_id !== target.meeting_id)
      throw new ConveneError('AGENDA', `agenda: items ${keep} and ${other} belong to different meetings`);
    act(db, c, other, 'merge', (r) => {
      checkMove(r, 'merged');
      moveSources(db, other, keep);
      set(db, other, { state: 'merged', merged_into: keep, position: null }, c.now);
      renumber(db, r.meeting_id, r.occ_key, c.now);
    });
  }
  return getItem(db, keep)!;
}

/** An item nobody mailed: the chair adds it, accepted at `position` (default last) unless `proposed`. */
export function addItem(
  db: Db,
  meeting: MeetingConfig,
  occurrence: Occurrence,
  fields: {
    title: string;
    proposer?: string;
    presenter?: string;
    durationMinutes?: number;
    links?: readonly string[];
    position?: number;
    proposed?: boolean;
  },
  c: ReviewContext,
): AgendaItem {
  const title = fields.title.replace(/\s+/g, ' ').trim();
  if (!title) throw new ConveneError('USAGE', 'agenda: add needs a --title');
  const norm = normaliseTitle(title) || title.toLowerCase();
  return db
    .transaction(() => {
      const id = insertItem(
        db,
        {
          meetingId: meeting.id,
          occKey: occurrence.key,
          occStart: occurrence.originalStart ?? occurrence.start,
          title,
          norm,
          proposer: fields.proposer ?? c.actor,
          presenter: fields.presenter ?? null,
          durationMin: fields.durationMinutes ?? null,
          links: fields.links ?? [],
          rule: null,
          confidence: null,
          late: false,
          carriedOver: false,
          chairEdited: true,
          threadId: null,
          sourceDate: null,
        },
        c.now,
      );
      if (!fields.proposed) {
        set(db, id, { state: 'accepted' }, c.now);
        renumber(db, meeting.id, occurrence.key, c.now, { id, position: fields.position ?? LAST });
      }
      const item = getItem(db, id)!;
      logAction(db, {
        at: c.now,
        actor: c.actor,
        action: 'add',
        itemId: id,
        meetingId: meeting.id,
        occurrenceKey: occurrence.key,
        after: snapshot(item),
      });
      return item;
    })
    .immediate();
}
