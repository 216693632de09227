/**
 * The ExtractContext the pure extractor needs, answered from the config and the archive: the
 * meetings' agenda settings, thread facts (is the parent or root a call for items, and for which
 * meeting and date?), and existing items by normalised title.
 */
import { addressOf, type MeetingConfig } from '../../config/meetings.js';
import type { Db } from '../../store/db.js';
import { ThreadContextReader, type ThreadContextRow } from '../../store/message-threads.js';
import { ownMail as ownMailOf } from '../../store/secrets.js';
import { hasReplyPrefix, withoutReplyPrefix } from '../../mail/subject.js';
import { callMeetingForSubject, lostCallMeeting } from './call-detect.js';
import { authorAddress, isChairMail } from './chair-mail.js';
import type { ExtractContext, MeetingAgendaConfig, ThreadInfo } from './context.js';
import { compileMeetings, namedDateIn } from './meeting-match.js';
import { existingItemFinder } from '../items/item-reader.js';
import { escapeRegex } from './patterns.js';
import { addDuration, fromLocal } from '../../time/time-zone.js';
import { weekday } from '../../time/plain-date-time.js';
import { baseOccurrencesBetween } from '../../meetings/schedule.js';

/** Our config's meeting → the extractor's view of it. Several `calls` patterns become one regex. */
export function agendaConfigOf(m: MeetingConfig): MeetingAgendaConfig {
  return {
    id: m.id,
    name: m.name,
    aliases: m.agenda.aliases,
    subjectTags: m.agenda.subjectTags,
    calls: joinPatterns(m.agenda.calls),
    lists: m.lists,
    chairs: m.chairs.map(addressOf),
    ...(m.schedule === undefined && m.dates.length > 0 ? { endsAt: lastEnd(m) } : {}),
    weekdays: weekdaysOf(m),
  };
}

/** The weekdays of a meeting's first calls (enough for any weekly or monthly rule), in its zone. */
function weekdaysOf(m: MeetingConfig): number[] {
  // ISO weekdays (7 = Sunday) as the extractor counts them (0 = Sunday).
  const days = baseOccurrencesBetween(m, -8.64e15, 8.64e15, 60).map((o) => weekday(o.local) % 7);
  return [...new Set(days)].sort();
}

/** The end of a meeting's last fixed date (ms UTC). */
function lastEnd(m: MeetingConfig): number {
  return Math.max(...m.dates.map((d) => addDuration(fromLocal(d, m.zone), m.duration, m.zone)));
}

function joinPatterns(patterns: readonly string[]): string | null {
  if (patterns.length === 0) return null;
  if (patterns.length === 1) return patterns[0]!;
  const parts = patterns.map((p) => /^\/(.*)\/[a-z]*$/s.exec(p)?.[1] ?? escapeRegex(p));
  return `/${parts.map((p) => `(?:${p})`).join('|')}/i`;
}

type MsgRow = ThreadContextRow;
/** A call for items a thread answers: its meeting, the date its subject names, its author. */
interface CallFacts {
  readonly meetingId: string;
  readonly date: string | null;
  readonly from: string | null;
  readonly subject: string;
}

/** The fields chair-mail.ts reads, from a stored row. */
function asAuthor(row: MsgRow): Parameters<typeof isChairMail>[0] {
  const headers = JSON.parse(row.headers_json) as Record<string, string>;
  return { fromAddr: row.from_addr, fromName: row.from_name, headers } as Parameters<typeof isChairMail>[0];
}

/** How long after a call a member's mail under its subject is taken as an answer to it. */
const ANSWER_WINDOW_MS = 14 * 86_400_000;

/** Build the context for one database handle (statements prepared once). */
export function makeExtractContext(db: Db, meetings: readonly MeetingConfig[]): ExtractContext {
  const configs = meetings.map(agendaConfigOf);
  const compiled = compileMeetings(configs);
  const thread = new ThreadContextReader(db);
  const ownMail = ownMailOf(db);
  const existing = existingItemFinder(db);

  const callOf = (row: MsgRow | undefined): CallFacts | null => {
    if (!row) return null;
    // Our own call for items, known by the HMAC in its Message-ID (never by its X-Convene header).
    const own = ownMail(row.mid);
    if (own) {
      if (own.kind !== 'call-for-items') return null;
      return {
        meetingId: own.meeting,
        date: /(\d{4}-\d{2}-\d{2})/.exec(own.occurrence)?.[1] ?? null,
        from: row.from_addr,
        subject: row.subject,
      };
    }
    const m = callMeetingForSubject(row.subject, compiled);
    if (!m) return null;
    const author = asAuthor(row);
    // A meeting that names its chairs has calls only from them: a member's look-alike subject
    // does not make replies to it proposals for a date of that member's choosing.
    if (isChairMail(author, m) === false) return null;
    // Its author as chair-mail.ts reads one: the original address where the list rewrote From.
    return { meetingId: m.id, date: namedDateIn(row.subject, row.date), from: authorAddress(author), subject: row.subject };
  };

  // A call the archive lacks, known from the "Re:" subject of the reply that opens the stored thread.
  const lostCall = (row: MsgRow): CallFacts | null => {
    const m = lostCallMeeting(row.subject, compiled);
    const subject = withoutReplyPrefix(row.subject);
    return m ? { meetingId: m.id, date: namedDateIn(subject, row.date), from: null, subject } : null;
  };

  // A member's mail under the subject of the chair's call sent days before, with no In-Reply-To and
  // no "Re:" (webmail that drops both; "[Ilugc] Agenda?" from a member, ILUGC 2002): an answer to
  // that call, read like a reply to a lost call (explicit proposals only). A member's look-alike with
  // no call before it stays no one's (issue 8, "Trust").
  // A member's mail under a call's subject that quotes the call the archive lacks ("Neil McGovern
  // wrote: > SPI meetings are held on ..." above two numbered requests, spi-general 2007, the reminder
  // itself not stored): an answer to that lost call, as a "Re:" would have said.
  const underCallSubject = (row: MsgRow, quotes: boolean): CallFacts | null => {
    const m = callMeetingForSubject(row.subject, compiled);
    if (!m || row.date === null || isChairMail(asAuthor(row), m) !== false) return null;
    const call = thread
      .underSubjectBefore(row.subject, row.date, ANSWER_WINDOW_MS)
      .map(callOf)
      .find((c) => c?.meetingId === m.id);
    if (call) return { ...call, from: null };
    return quotes ? { meetingId: m.id, date: namedDateIn(row.subject, row.date), from: null, subject: row.subject } : null;
  };

  // The call a message answers when none is stored: the one its own "Re:" names (its parent lost), the
  // one the stored root's "Re:" names, or the chair's call it shares its subject with (no parent at all).
  const unstoredCall = (
    self: MsgRow | undefined,
    rootRow: MsgRow | undefined,
    parentLost: boolean,
    noParent: boolean,
    quotes: boolean,
  ): CallFacts | null => {
    if (self && parentLost) return lostCall(self);
    if (rootRow) return lostCall(rootRow);
    return self && noParent ? underCallSubject(self, quotes) : null;
  };

  return {
    meetings: configs,
    threadInfo(msg): ThreadInfo {
      const parent = msg.parentMid ? thread.message(msg.parentMid) : undefined;
      const self = thread.message(msg.mid);
      const threadId = self?.thread_id ?? parent?.thread_id ?? null;
      const root = threadId !== null ? thread.root(threadId) : undefined;
      const rootRow = root && root.mid !== msg.mid ? root : undefined;
      const parentCall = callOf(parent);
      const rootCall = callOf(rootRow);
      // No stored call: the message itself opens the stored thread (its parent is not stored) and
      // so answers the lost call directly, or the stored root does and the message is deeper in.
      const stored = parentCall ?? rootCall;
      // A "Re:" that names no parent at all (its client dropped In-Reply-To and References; Outlook,
      // xen-devel 2019) answers a message the archive lacks as surely as one whose parent is missing.
      const parentLost = msg.parentMid ? !parent : !rootRow && self !== undefined && hasReplyPrefix(self.subject);
      const lost = stored ? null : unstoredCall(self, rootRow, parentLost, msg.parentMid === null, (msg.quotedText ?? '').trim() !== '');
      const call = stored ?? lost;
      return {
        parentSubject: parent?.subject ?? null,
        rootSubject: rootRow?.subject ?? null,
        parentIsCall: parentCall !== null || (lost !== null && !parent),
        rootIsCall: rootCall !== null || (lost !== null && parent !== undefined),
        callMeetingId: call?.meetingId ?? null,
        callDate: call?.date ?? null,
        callFrom: call?.from ?? null,
        callSubject: call?.subject ?? null,
        callLost: lost !== null,
        parentLost,
      };
    },
    ownMail,
    existingItem(meetingId, normalisedTitle) {
      const id = existing(meetingId, normalisedTitle);
      return id === null ? null : String(id);
    },
  };
}
