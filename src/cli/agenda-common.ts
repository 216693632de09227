/** Shared pieces of the agenda, meetings and meeting commands: meeting choice, clock, item output. */
import type { AgendaItem } from '../agenda/items/item-types.js';
import type { MeetingConfig } from '../config/meetings.js';
import { ConveneError } from '../errors.js';
import { formatLocal } from '../time/plain-date-time.js';
import { findOccurrence, nextOccurrence } from '../meetings/occurrences.js';
import type { Occurrence } from '../meetings/types.js';
import { formatOffset, toLocal } from '../time/time-zone.js';
import type { Db } from '../store/db.js';

/** The meeting named by --meeting, or the only one configured. */
export function chooseMeeting(meetings: readonly MeetingConfig[], id: string | undefined): MeetingConfig {
  if (meetings.length === 0) throw new ConveneError('CONFIG', 'no meetings are configured (add a meetings section to convene.yaml)');
  if (id === undefined) {
    if (meetings.length === 1) return meetings[0]!;
    throw new ConveneError('USAGE', `several meetings are configured; give --meeting (${meetings.map((m) => m.id).join(', ')})`);
  }
  const m = meetings.find((x) => x.id === id);
  if (!m) throw new ConveneError('USAGE', `no meeting "${id}" (configured: ${meetings.map((x) => x.id).join(', ')})`);
  return m;
}

/** An occurrence from "next", a key, a local date or a local date-time. */
export function chooseOccurrence(db: Db, meeting: MeetingConfig, text: string | undefined, now: number): Occurrence {
  if (text === undefined || text === 'next') {
    const next = nextOccurrence(db, meeting, now);
    if (!next) throw new ConveneError('MEETING', `${meeting.id} has no future occurrence`);
    return next;
  }
  const occ = findOccurrence(db, meeting, text);
  if (!occ) throw new ConveneError('MEETING', `${meeting.id} has no occurrence on ${text} (dates are local, in ${meeting.zone})`);
  return occ;
}

/** An item id from "12" or "#12". */
export function itemId(text: string | undefined, usage: string): number {
  const m = text === undefined ? null : /^#?(\d+)$/.exec(text.trim());
  if (!m) throw new ConveneError('USAGE', `expected an item number${text !== undefined ? `, not "${text}"` : ''} (usage: ${usage})`);
  return Number(m[1]);
}

/** "15", "15m", "15min", "PT15M", "1h" → minutes. */
export function parseMinutes(text: string): number {
  const t = text.trim().toLowerCase();
  let m = /^(\d+)\s*(?:m|min|mins|minutes)?$/.exec(t);
  if (m) return Number(m[1]);
  m = /^(\d+)\s*(?:h|hours?)$/.exec(t);
  if (m) return Number(m[1]) * 60;
  m = /^pt(?:(\d+)h)?(?:(\d+)m)?$/.exec(t);
  if (m && (m[1] || m[2])) return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  throw new ConveneError('USAGE', `--duration takes minutes ("15", "15m", "PT15M"), not "${text}"`);
}

/** "Wed 2025-01-22 16:00 +00:00 Europe/London". */
export function localLabel(instant: number, zone: string): string {
  const l = toLocal(instant, zone);
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short' }).format(new Date(instant));
  return `${day} ${formatLocal(l).replace('T', ' ')} ${formatOffset(instant, zone)} ${zone}`;
}

/** The JSON shape of an item (issue 4: at least id, meeting, occurrence, state, position, title, proposer, messageIds, rule, late). */
export function itemJson(i: AgendaItem) {
  return {
    id: i.id,
    meeting: i.meetingId,
    occurrence: i.occurrenceKey,
    occurrenceDate: i.occurrenceKey ? i.occurrenceKey.slice(i.meetingId.length + 1, i.meetingId.length + 11) : null,
    state: i.state,
    position: i.position,
    title: i.title,
    proposer: i.proposer,
    presenter: i.presenter,
    durationMinutes: i.durationMinutes,
    messageIds: i.messageIds,
    supporters: i.supporters,
    links: i.links,
    rule: i.rule,
    confidence: i.confidence,
    late: i.late,
    carriedOver: i.carriedOver,
    chairEdited: i.chairEdited,
    reason: i.reason,
    mergedInto: i.mergedInto,
    deferredFrom: i.deferredFrom,
  };
}

export type ItemJson = ReturnType<typeof itemJson>;

/** One line per item for text output, from its JSON shape (what the printer hands a formatter, made safe). */
export function itemLine(i: ItemJson): string {
  const pos = i.position !== null ? `${i.position}.` : '  ';
  const flags = [
    i.rule ?? 'chair',
    i.late ? 'late' : '',
    i.carriedOver ? 'carried over' : '',
    i.chairEdited ? 'edited' : '',
    i.reason ? `reason: ${i.reason}` : '',
    i.mergedInto ? `merged into #${i.mergedInto}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const extra = [i.presenter ? `[${i.presenter}]` : '', i.durationMinutes ? `(${i.durationMinutes} min)` : ''].filter(Boolean).join(' ');
  const head = `#${String(i.id).padEnd(4)} ${i.state.padEnd(9)} ${pos.padStart(3)} ${i.occurrence ?? '(no occurrence)'}`;
  return `${head}  ${i.title}${extra ? ' ' + extra : ''} — ${i.proposer || '?'} (${flags})`;
}
