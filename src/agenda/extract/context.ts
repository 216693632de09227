/**
 * What the pure extractor needs besides the message itself: the meetings' agenda settings and
 * two lookups the caller answers from its archive (thread facts, existing items). Keeping them
 * injected is what lets extract() stay free of database and clock (DESIGN principle 5).
 */

/** One meeting's agenda settings, as configured (strings; "/regex/flags" accepted where noted). */
export interface MeetingAgendaConfig {
  readonly id: string;
  readonly name: string;
  /** How people name the meeting in subjects and prose ("security working group"). */
  readonly aliases: readonly string[];
  /** Subject tags ("[MAINTAINERS SUMMIT]", "agenda+") or "/regex/i". */
  readonly subjectTags: readonly string[];
  /** The chair's calls, reminders and posted agendas: a "/regex/i" or a plain subject substring. */
  readonly calls: string | null;
  /** List-Ids this meeting listens to; empty means every list. */
  readonly lists: readonly string[];
  /**
   * Lower-case addresses of the people who run the call. When given, only their mail is the
   * chair's (calls, reminders, posted agendas); when empty, a subject matching `calls` is trusted.
   */
  readonly chairs?: readonly string[];
  /**
   * For a meeting of fixed dates only (no schedule): when its last one ends (ms UTC). Once it is over
   * it takes no proposal that names no meeting (meeting-match.ts's routeMeeting).
   */
  readonly endsAt?: number;
  /** The days of the week its calls fall on, in its zone (0 = Sunday): "the agenda for next Tuesday" picks it. */
  readonly weekdays?: readonly number[];
}

/** Facts about the message's thread the caller knows from the archive. */
export interface ThreadInfo {
  /** Subject of the direct parent, when it is stored. */
  readonly parentSubject: string | null;
  /** Subject of the thread's root message, when it is stored. */
  readonly rootSubject: string | null;
  /** The direct parent is a call for agenda items (convene's own, or matched by `calls`). */
  readonly parentIsCall: boolean;
  /** The thread's root is a call for agenda items. */
  readonly rootIsCall: boolean;
  /** The meeting that call is for, when known. */
  readonly callMeetingId: string | null;
  /** A local date YYYY-MM-DD the call names for its occurrence ("KVM call for 2020-01-14"). */
  readonly callDate?: string | null;
  /** The address that sent that call (its author's follow-ups are logistics, not proposals). */
  readonly callFrom?: string | null;
  /** The subject of that call, where the date of the occurrence it asks for usually is. */
  readonly callSubject?: string | null;
  /** That call is not stored: known only from the replies' "Re:" subjects (call-detect.ts lostCallMeeting). */
  readonly callLost?: boolean;
  /** The message answers one the archive lacks: its In-Reply-To names no stored message. */
  readonly parentLost?: boolean;
}

export interface ExtractContext {
  readonly meetings: readonly MeetingAgendaConfig[];
  /** Thread facts for this message (parent/root subjects, whether they are calls). */
  readonly threadInfo: (msg: { readonly mid: string; readonly parentMid: string | null; readonly quotedText?: string }) => ThreadInfo;
  /** The id of an existing item of that meeting with this normalised title, or null. */
  readonly existingItem: (meetingId: string, normalisedTitle: string) => string | null;
  /**
   * convene's own mail, recognised by the HMAC in its Message-ID (src/mail/own-message-id.ts), or
   * null. Never by a header anyone can write (issue 13 item 5: "X-Convene: call" made any mail a call).
   */
  readonly ownMail?: (mid: string) => { readonly kind: string; readonly meeting: string; readonly occurrence: string } | null;
}

/** A ThreadInfo for a message with no stored parent: what tests and the first message of a thread get. */
export const NO_THREAD: ThreadInfo = {
  parentSubject: null,
  rootSubject: null,
  parentIsCall: false,
  rootIsCall: false,
  callMeetingId: null,
  callDate: null,
  callFrom: null,
  callSubject: null,
};
