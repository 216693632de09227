/**
 * A chair's notice that one call will not take place: "[ANNOUNCE] PUCK Agenda - 2025.03.19 -
 * CANCELED", "May 29 OpenBMC Infrastructure Workgroup Cancelled", "[ANN] netdev call - Jul 16th -
 * canceled". Read so that convene neither mails a digest for a call that is off nor keeps the
 * topics put to it there (cancel-record.ts moves them to the next call), as the chair would by hand
 * with `convene meeting cancel`.
 *
 * Only the chair's own mail counts (a meeting with `chairs`; chair-mail.ts checks the author and
 * DKIM/DMARC): a member cannot take a call off the calendar by writing "cancelled" in a subject.
 * Only a notice that names its meeting and one call's date: the end of a whole series ("Cancelling
 * recurring bi-weekly PMCI WG meetings") is the operator's to configure, not ours to guess.
 */
import { isChairMail } from './chair-mail.js';
import { meetingsNamedIn } from './meeting-match.js';
import type { NamedDate } from '../placement/mentions.js';
import type { RuleEnv } from './rule-env.js';

/** One call a chair's notice takes off the calendar. */
export interface Cancellation {
  readonly meetingId: string;
  readonly messageId: string;
  /** When the notice was sent (ms UTC). */
  readonly date: number;
  /** The dates its subject names: the call is the meeting's occurrence on one of them. */
  readonly mentions: readonly NamedDate[];
}

const CANCELLED = /\bcancel(?:l?ed|l?ing|lation)\b/i;
// The whole series, not one call; or a cancellation undone ("un-cancelled", "not cancelled").
const NOT_ONE_CALL = /\b(?:recurring|series|until\s+further\s+notice|all\s+(?:future\s+)?(?:meetings|calls)|un-?cancel|not\s+cancel)/i;

/** True when a subject says a call is off ("ILUGC Meet Cancelled"): its replies are about that, not topics. */
export const saysCancelled = (subject: string): boolean => CANCELLED.test(subject) && !NOT_ONE_CALL.test(subject);

/** The call this message cancels, or null when it is not a chair's notice cancelling one call. */
export function cancellationOf(env: RuleEnv): Cancellation | null {
  const { msg } = env;
  if (env.isReply || msg.date === null) return null;
  const subject = msg.subject;
  if (!CANCELLED.test(subject) || NOT_ONE_CALL.test(subject) || NOT_ONE_CALL.test(env.text.slice(0, 400))) return null;
  const mentions = env.mentions.filter((m) => m.source === 'subject');
  if (mentions.length === 0) return null;
  const named = env.meetings.filter((m) => (m.calls?.test(subject) ?? false) || meetingsNamedIn(subject, [m]).length > 0);
  const meeting = named.length === 1 ? named[0]! : null;
  if (!meeting || isChairMail(msg, meeting) !== true) return null;
  return { meetingId: meeting.id, messageId: msg.mid, date: msg.date, mentions };
}
