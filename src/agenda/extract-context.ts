/**
 * The ExtractContext the pure extractor needs, answered from the config and the archive: the
 * meetings' agenda settings, thread facts (is the parent or root a call for items, and for which
 * meeting and date?), and existing items by normalised title.
 */
import { addressOf, type MeetingConfig } from '../config/meetings.js';
import type { Db } from '../store/db.js';
import { ThreadContextReader, type ThreadContextRow } from '../store/message-threads.js';
import { ownMail as ownMailOf } from '../store/secrets.js';
import { callMeetingForSubject } from './call-detect.js';
import { isChairMail } from './chair-mail.js';
import type { ExtractContext, MeetingAgendaConfig, ThreadInfo } from './context.js';
import { compileMeetings, namedDateIn } from './meeting-match.js';
import { existingItemFinder } from './item-reader.js';
import { escapeRegex } from './patterns.js';

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
  };
}

function joinPatterns(patterns: readonly string[]): string | null {
  if (patterns.length === 0) return null;
  if (patterns.length === 1) return patterns[0]!;
  const parts = patterns.map((p) => /^\/(.*)\/[a-z]*$/s.exec(p)?.[1] ?? escapeRegex(p));
  return `/${parts.map((p) => `(?:${p})`).join('|')}/i`;
}

type MsgRow = ThreadContextRow;

/** The fields chair-mail.ts reads, from a stored row. */
function asAuthor(row: MsgRow, headers: Record<string, string>): Parameters<typeof isChairMail>[0] {
  return { fromAddr: row.from_addr, fromName: row.from_name, headers } as Parameters<typeof isChairMail>[0];
}

/** Build the context for one database handle (statements prepared once). */
export function makeExtractContext(db: Db, meetings: readonly MeetingConfig[]): ExtractContext {
  const configs = meetings.map(agendaConfigOf);
  const compiled = compileMeetings(configs);
  const thread = new ThreadContextReader(db);
  const ownMail = ownMailOf(db);
  const existing = existingItemFinder(db);

  const callOf = (row: MsgRow | undefined): { meetingId: string; date: string | null; from: string; subject: string } | null => {
    if (!row) return null;
    const headers = JSON.parse(row.headers_json) as Record<string, string>;
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
    // A meeting that names its chairs has calls only from them: a member's look-alike subject
    // does not make replies to it proposals for a date of that member's choosing.
    if (m && isChairMail(asAuthor(row, headers), m) === false) return null;
    return m ? { meetingId: m.id, date: namedDateIn(row.subject, row.date), from: row.from_addr, subject: row.subject } : null;
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
      const call = parentCall ?? rootCall;
      return {
        parentSubject: parent?.subject ?? null,
        rootSubject: rootRow?.subject ?? null,
        parentIsCall: parentCall !== null,
        rootIsCall: rootCall !== null,
        callMeetingId: call?.meetingId ?? null,
        callDate: call?.date ?? null,
        callFrom: call?.from ?? null,
        callSubject: call?.subject ?? null,
      };
    },
    ownMail,
    existingItem(meetingId, normalisedTitle) {
      const id = existing(meetingId, normalisedTitle);
      return id === null ? null : String(id);
    },
  };
}
