import { agendaMessageFromParsed } from '../../src/agenda/extract/agenda-message.js';
import { callMeetingForSubject } from '../../src/agenda/extract/call-detect.js';
import type { ExtractContext, MeetingAgendaConfig, ThreadInfo } from '../../src/agenda/extract/context.js';
import { compileMeetings, meetingsForList, namedDateIn } from '../../src/agenda/extract/meeting-match.js';
import type { AgendaMessage } from '../../src/agenda/extract/types.js';
import type { ParsedMessage } from '../../src/mail/types.js';

/**
 * The eval's stand-in for the archive: messages by Message-ID, parents and roots from
 * In-Reply-To/References (DESIGN principle 6, simplified: no ghosts needed for lookups), and an
 * in-memory item store for existingItem().
 */
export class EvalArchive {
  private readonly byMid = new Map<string, AgendaMessage>();
  private readonly items = new Map<string, Set<string>>();
  private readonly compiled;

  constructor(readonly meetings: readonly MeetingAgendaConfig[]) {
    this.compiled = compileMeetings(meetings);
  }

  /** Add a parsed message; returns its AgendaMessage (ids assigned in arrival order). */
  add(p: ParsedMessage, index: number): AgendaMessage {
    const mid = p.messageId ?? `no-id-${index}@eval`;
    const parentMid = p.inReplyTo.at(-1) ?? p.references.at(-1) ?? null;
    const msg = agendaMessageFromParsed({ id: index + 1, mid, threadId: null, parentMid: parentMid === mid ? null : parentMid }, p);
    if (!this.byMid.has(mid)) this.byMid.set(mid, msg);
    return msg;
  }

  /** The root of a message's thread among the stored messages (earliest stored reference). */
  root(msg: AgendaMessage): AgendaMessage | null {
    for (const r of msg.references) {
      const m = this.byMid.get(r);
      if (m && m.mid !== msg.mid) return m;
    }
    let cur: AgendaMessage | undefined = msg.parentMid ? this.byMid.get(msg.parentMid) : undefined;
    let last: AgendaMessage | null = null;
    for (let i = 0; cur && i < 200; i++) {
      last = cur;
      cur = cur.parentMid ? this.byMid.get(cur.parentMid) : undefined;
    }
    return last;
  }

  private callOf(m: AgendaMessage | null): { id: string; date: string | null; from: string; subject: string } | null {
    if (!m) return null;
    const meeting = callMeetingForSubject(m.subject, meetingsForList(this.compiled, m.listId))?.id ?? null;
    return meeting ? { id: meeting, date: namedDateIn(m.subject, m.date), from: m.fromAddr, subject: m.subject } : null;
  }

  threadInfo(msg: { mid: string; parentMid: string | null }): ThreadInfo {
    const self = this.byMid.get(msg.mid);
    const parent = msg.parentMid ? (this.byMid.get(msg.parentMid) ?? null) : null;
    const root = self ? this.root(self) : parent;
    const parentCall = this.callOf(parent);
    const rootCall = this.callOf(root);
    const call = parentCall ?? rootCall;
    return {
      parentSubject: parent?.subject ?? null,
      rootSubject: root?.subject ?? null,
      parentIsCall: parentCall !== null,
      rootIsCall: rootCall !== null,
      callMeetingId: call?.id ?? null,
      callDate: call?.date ?? null,
      callFrom: call?.from ?? null,
      callSubject: call?.subject ?? null,
    };
  }

  /** Remember an extracted item so later restatements are seen as carried over. */
  remember(meetingId: string, normalisedTitle: string): void {
    let set = this.items.get(meetingId);
    if (!set) this.items.set(meetingId, (set = new Set()));
    set.add(normalisedTitle);
  }

  context(): ExtractContext {
    return {
      meetings: this.meetings,
      threadInfo: (m) => this.threadInfo(m),
      existingItem: (meetingId, title) => (this.items.get(meetingId)?.has(title) ? title : null),
    };
  }
}
