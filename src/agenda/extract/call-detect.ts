import type { AgendaMessage } from './types.js';
import { regex } from './patterns.js';
import { hasReplyPrefix, withoutReplyPrefix } from '../../mail/subject.js';
import { isChairMail, signsAsAuthor } from './chair-mail.js';
import type { ThreadInfo } from './context.js';
import { foreignGroups } from './group-names.js';
import { introducesTopics } from '../reading/intros.js';
import { listBlocks } from '../reading/list-blocks.js';
import { requestsComments } from '../wording/title.js';
import { callMeetingOf, meetingsNamedIn, routeMeeting, type CompiledMeeting } from './meeting-match.js';

/**
 * Is a message a call for agenda items, a reminder or a posted agenda, and for which meeting?
 * Used by rule 5 on the message itself and by the caller to tell rule 2 that a parent is a call.
 *
 * Trust (issues 8 and 13): when a meeting names its `chairs`, only their mail (with no failed
 * DKIM/DMARC) can be its call, whatever the subject says; a chair's mail is a call when its
 * subject matches `calls`, names the meeting as a reminder does, or carries an agenda list, and
 * a chair's own reply in the call's thread ("I have a couple: - X") adds to that call. A meeting
 * with no chairs configured trusts its `calls` pattern and reminders that name it, as before.
 * Another group's reminder (a working group, committee or SIG the config does not know) is never
 * a call of "the only meeting".
 */

// Subjects that call for items or post an agenda, in the words chairs use on many lists.
const GENERIC_CALL = regex(
  'i',
  String.raw`\b(?:call\s+for\s+(?:agenda|topics|items|proposals|papers|presentations|`,
  String.raw`sessions|participation)|agenda\s+items?|(?:draft|tentative|proposed|planned|`,
  String.raw`final)\s+agenda|agenda\s+for|topics\s+for|cfp|call\s+for\s+\d{4}-\d{2}-\d{2})\b`,
);
/** "Maintainer's / Kernel Summit 2022 CFP", "Call for agenda items": a subject asking for topics. */
export function asksForItems(subject: string): boolean {
  return GENERIC_CALL.test(subject);
}

// A reminder naming a meeting: "Security Working Group meeting Wednesday May 1".
const REMINDER = regex(
  'i',
  String.raw`\b(?:meeting|call|reminder|agenda|schedule|topics|sync(?:-up)?|invitation|`,
  String.raw`today|tomorrow|this\s+(?:week|\w+day)|(?:mon|tues|wednes|thurs|fri|satur|`,
  String.raw`sun)day)\b`,
);
// A body line that announces the call's topics.
const BODY_AGENDA = regex(
  'im',
  String.raw`^\s*(?:current\s+topics|tentative\s+agenda|draft\s+agenda|proposed\s+agenda|`,
  String.raw`agenda(?:\s+items)?|topics(?:\s+for\s+[^:\n]{1,60})?)\s*:\s*$`,
);
// A reply prefix. A forward ("Fw: Test Work group meeting") is how some chairs resend the invite, so it may be a call.
const REPLY = /^\s*(?:\[[^\]]{1,40}\]\s*)*(?:re|aw|sv|antw|rif)\s*(?:\[\d+\])?\s*:/i;
// "Fwd: Linus Torvalds Speaks: Have You Something To Ask?" from the ILUGC meet's chair (2007): a
// forward's lists are its first author's ("The two broad topics that we would like to discuss with
// Linus are:"), for the meeting the forward names, never the only meeting by default.
const FORWARD = /^\s*(?:\[[^\]]{1,40}\]\s*)*(?:fwd?|fw)\s*:/i;

/**
 * The meeting a subject calls for items for (or posts an agenda of): the configured `calls`
 * pattern first; else a generic call-for-items subject, or a reminder that names a meeting.
 * Replies are never calls themselves. Subject only: for a thread's stored root or parent.
 */
export function callMeetingForSubject(subject: string, meetings: readonly CompiledMeeting[]): CompiledMeeting | null {
  if (REPLY.test(subject)) return null;
  const configured = callMeetingOf(subject, meetings);
  if (configured) return configured;
  const named = meetingsNamedIn(subject, meetings);
  if (GENERIC_CALL.test(subject)) {
    if (named.length) return routeMeeting([subject], named);
    if (meetings.length === 1 && foreignGroups(subject, meetings).length === 0) return meetings[0]!;
    return null;
  }
  if (named.length && REMINDER.test(subject)) return routeMeeting([subject], named);
  return null;
}

/**
 * The meeting of a call the archive does not hold, known from a reply to it: a thread whose
 * earliest stored message is "Re: QEMU developers fortnightly conference call for 2023-12-12"
 * answers a call that was never stored (the mirror or the subscription lacks it). Who sent it is
 * unknown, so a meeting's `chairs` cannot vouch for it: replies to it are read for explicit
 * proposals only (call-reply.ts).
 */
export function lostCallMeeting(replySubject: string, meetings: readonly CompiledMeeting[]): CompiledMeeting | null {
  if (!hasReplyPrefix(replySubject)) return null;
  return callMeetingForSubject(withoutReplyPrefix(replySubject), meetings);
}

/** The meeting this message is the chair's call, reminder or posted agenda of, or null. */
export function callMeetingForMessage(
  msg: AgendaMessage,
  text: string,
  thread: ThreadInfo,
  meetings: readonly CompiledMeeting[],
): CompiledMeeting | null {
  const subject = msg.subject;
  if (REPLY.test(subject)) {
    // The chair adding to their own call: "Re: Open monthly meeting" with "I have a couple: - X".
    const call = thread.callMeetingId ? meetings.find((m) => m.id === thread.callMeetingId) : undefined;
    return call && isChairMail(msg, call) === true && agendaList(text, msg) ? call : null;
  }
  const opening = text
    .split(/\n\s*\n/)
    .slice(0, 2)
    .join('\n');
  // Another group named in the subject decides unless the subject also names ours; one named only
  // in passing in the opening ("at the LPC and the Kernel Summit") decides unless ours is named too.
  const foreignSubject = foreignGroups(subject, meetings).length > 0;
  const foreign = foreignSubject || foreignGroups(opening, meetings).length > 0;
  const matches: { meeting: CompiledMeeting; strength: number }[] = [];
  for (const m of meetings) {
    const chair = isChairMail(msg, m);
    if (chair === false) continue;
    const bySubject = m.calls?.test(subject) ?? false;
    const namedInSubject = meetingsNamedIn(subject, [m]).length > 0;
    const named = namedInSubject || meetingsNamedIn(opening, [m]).length > 0;
    // "RFC: New Open MPI release procedure" from the chair, naming "tomorrow's teleconference" over
    // its numbered plan (Open MPI devel 2009): a request for comments is a proposal, not the call.
    const alone = meetings.length === 1 && !foreign && !requestsComments(subject) && !FORWARD.test(subject);
    const callWords = GENERIC_CALL.test(subject) || REMINDER.test(subject);
    const agenda = BODY_AGENDA.test(text) || agendaList(text, msg);
    let strength = 0;
    if (bySubject) strength = 3;
    else if (namedInSubject && (callWords || agenda)) strength = 2;
    else if (chair === true && (named || alone) && (callWords || agenda)) strength = 1;
    else if (chair === null && GENERIC_CALL.test(subject) && (named || alone)) strength = 1;
    else if (chair === null && agenda && named && !foreign) strength = 1;
    const excluded = foreignSubject ? !namedInSubject : foreign && !named;
    if (strength > 0 && !excluded) matches.push({ meeting: m, strength });
  }
  if (matches.length === 0) return null;
  const best = Math.max(...matches.map((x) => x.strength));
  const top = matches.filter((x) => x.strength === best).map((x) => x.meeting);
  return top.length === 1 ? top[0]! : routeMeeting([subject, opening], top);
}

/**
 * Every meeting a chair's mail is as much the call of as the one chosen: "Meeting schedule" from
 * the chair of a Tuesday planning session and a Thursday status report that share a list
 * (imagej-devel 2010). A forward schedule's lines may be for any of them.
 */
export function callPeers(msg: AgendaMessage, chosen: CompiledMeeting, meetings: readonly CompiledMeeting[]): CompiledMeeting[] {
  if (REPLY.test(msg.subject) || chosen.calls?.test(msg.subject) !== true) return [];
  return meetings.filter((m) => m !== chosen && m.calls?.test(msg.subject) === true && isChairMail(msg, m) === true);
}

/** The text carries a list introduced as topics or an agenda (not the author's "- Joseph" under a paragraph). */
function agendaList(text: string, msg: AgendaMessage): boolean {
  return listBlocks(text).some(
    (b) => b.items.length > 0 && introducesTopics(b.intro) && !(b.items.length === 1 && signsAsAuthor(b.items[0]!.text, msg)),
  );
}
