/**
 * One-off changes to a meeting's occurrences (`convene meeting cancel|move|add`), written to
 * meeting_overrides and the audit log in one transaction. A moved or cancelled occurrence keeps
 * its key and raises its sequence, so calendar clients replace the earlier event (RFC 5545
 * section 3.8.7.4 SEQUENCE).
 */
import { logAction } from '../store/audit.js';
import type { MeetingConfig } from '../config/meetings.js';
import { ConveneError } from '../errors.js';
import type { Db } from '../store/db.js';
import { occurrencesBetween } from './occurrences.js';
import { readOverrides } from './overrides-reader.js';
import { upsertOverride as upsert, type ChangeContext } from './overrides-store.js';

export type { ChangeContext } from './overrides-store.js';
import { occurrenceKey } from './schedule.js';
import type { Occurrence } from './types.js';
import { toLocal } from '../time/time-zone.js';

function originalOf(occ: Occurrence): number | null {
  return occ.status === 'extra' ? null : (occ.originalStart ?? occ.start);
}

/** Cancel an occurrence (its key stays reserved; the sequence rises). */
export function cancelOccurrence(db: Db, meeting: MeetingConfig, occ: Occurrence, c: ChangeContext): Occurrence {
  if (occ.status === 'cancelled') throw new ConveneError('MEETING', `${occ.key} is already cancelled`);
  const extra = readOverrides(db, meeting.id).get(occ.key)?.extra ?? false;
  db.transaction(() => {
    upsert(
      db,
      meeting.id,
      occ.key,
      { originalStart: originalOf(occ), start: occ.start, cancelled: true, extra, sequence: occ.sequence + 1 },
      c,
    );
    logAction(db, { at: c.now, actor: c.actor, action: 'meeting.cancel', meetingId: meeting.id, occurrenceKey: occ.key, before: occ });
  })();
  return { ...occ, status: 'cancelled', sequence: occ.sequence + 1 };
}

/** Move an occurrence to a new start; it keeps its key; a cancelled one is reinstated. */
export function moveOccurrence(db: Db, meeting: MeetingConfig, occ: Occurrence, newStart: number, c: ChangeContext): Occurrence {
  if (newStart === occ.start && occ.status !== 'cancelled') throw new ConveneError('MEETING', `${occ.key} already starts then`);
  const clash = occurrencesBetween(db, meeting, newStart, newStart + 1).find((o) => o.key !== occ.key);
  if (clash) throw new ConveneError('MEETING', `${clash.key} already starts then`);
  const extra = readOverrides(db, meeting.id).get(occ.key)?.extra ?? false;
  const original = originalOf(occ);
  db.transaction(() => {
    upsert(db, meeting.id, occ.key, { originalStart: original, start: newStart, cancelled: false, extra, sequence: occ.sequence + 1 }, c);
    logAction(db, {
      at: c.now,
      actor: c.actor,
      action: 'meeting.move',
      meetingId: meeting.id,
      occurrenceKey: occ.key,
      before: occ,
      after: { start: newStart },
    });
  })();
  const moved = original !== null && newStart !== original;
  return {
    ...occ,
    start: newStart,
    end: newStart + (occ.end - occ.start),
    status: extra ? 'extra' : moved ? 'moved' : 'scheduled',
    ...(moved ? { originalStart: original } : {}),
    sequence: occ.sequence + 1,
  };
}

/** Add an extra occurrence at `start`. Its key is the local date (plus the time when that day already has one). */
export function addOccurrence(db: Db, meeting: MeetingConfig, start: number, c: ChangeContext): Occurrence {
  const local = toLocal(start, meeting.zone);
  const dayFrom = start - 2 * 86_400_000;
  const near = occurrencesBetween(db, meeting, dayFrom, start + 2 * 86_400_000, { includeCancelled: true });
  if (near.some((o) => o.start === start && o.status !== 'cancelled'))
    throw new ConveneError('MEETING', `${meeting.id} already meets then`);
  const dayKey = occurrenceKey(meeting.id, local);
  const taken = new Set([...near.map((o) => o.key), ...readOverrides(db, meeting.id).keys()]);
  const key = taken.has(dayKey) ? occurrenceKey(meeting.id, local, true) : dayKey;
  if (taken.has(key)) throw new ConveneError('MEETING', `${key} already exists`);
  db.transaction(() => {
    upsert(db, meeting.id, key, { originalStart: null, start, cancelled: false, extra: true, sequence: 0 }, c);
    logAction(db, { at: c.now, actor: c.actor, action: 'meeting.add', meetingId: meeting.id, occurrenceKey: key, after: { start } });
  })();
  const end = occurrencesBetween(db, meeting, start, start + 1).find((o) => o.key === key)?.end ?? start;
  return { meetingId: meeting.id, key, start, end, zone: meeting.zone, status: 'extra', sequence: 0 };
}
