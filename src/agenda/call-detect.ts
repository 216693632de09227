import { callMeetingOf, meetingsNamedIn, routeMeeting, type CompiledMeeting } from './meeting-match.js';
import { regex } from './patterns.js';

/**
 * Is a message a call for agenda items, a reminder or a posted agenda, and for which meeting?
 * Used by rule 5 on the message itself and by the caller to tell rule 2 that a parent is a call.
 */

// Subjects that call for items or post an agenda, in the words chairs use on many lists.
const GENERIC_CALL = regex(
  'i',
  String.raw`\b(?:call\s+for\s+(?:agenda|topics|items|proposals|`,
  String.raw`papers|presentations|sessions|participation)|agenda\s+items?|`,
  String.raw`(?:draft|tentative|proposed|planned|final)\s+agenda|`,
  String.raw`agenda\s+for|topics\s+for|cfp|call\s+for\s+\d{4}-\d{2}-\d{2})\b`,
);
// A reminder naming a meeting: "Security Working Group meeting Wednesday May 1".
const REMINDER = /\b(?:meeting|call|reminder|agenda|schedule|topics|sync(?:-up)?|today|tomorrow|this\s+(?:week|\w+day))\b/i;
// A body that lists the call's topics.
const BODY_AGENDA = regex(
  'im',
  String.raw`^\s*(?:current\s+topics|tentative\s+agenda|draft\s+agenda|`,
  String.raw`proposed\s+agenda|agenda(?:\s+items)?|topics(?:\s+for\s+[^:\n]{1,60})?)\s*:\s*$`,
);
// A reply prefix. A forward ("Fw: Test Work group meeting") is how some chairs resend the invite, so it may be a call.
const REPLY = /^\s*(?:\[[^\]]{1,40}\]\s*)*(?:re|aw|sv|antw|rif)\s*(?:\[\d+\])?\s*:/i;

/** convene's own call mail: "X-Convene: call; meeting=ID" → the meeting id. */
export function conveneCallMeeting(headers: Readonly<Record<string, string>>): string | null {
  const v = headers['x-convene'];
  if (!v || !/\bcall\b/i.test(v)) return null;
  return /\bmeeting=([\w.-]+)/i.exec(v)?.[1] ?? null;
}

/**
 * The meeting a subject calls for items for (or posts an agenda of): the configured `calls`
 * pattern first; else a generic call-for-items subject, or a reminder that names a meeting.
 * Replies and forwards are never calls themselves.
 */
export function callMeetingForSubject(subject: string, meetings: readonly CompiledMeeting[]): CompiledMeeting | null {
  if (REPLY.test(subject)) return null;
  const configured = callMeetingOf(subject, meetings);
  if (configured) return configured;
  if (GENERIC_CALL.test(subject)) {
    const m = routeMeeting([subject], meetings);
    if (m) return m;
  }
  const named = meetingsNamedIn(subject, meetings);
  if (named.length && REMINDER.test(subject)) return routeMeeting([subject], meetings);
  return null;
}

/** As callMeetingForSubject, plus a thread starter whose body lists "Tentative agenda:" for a meeting it names. */
export function callMeetingForMessage(subject: string, text: string, meetings: readonly CompiledMeeting[]): CompiledMeeting | null {
  // Only the subject decides: mailers add In-Reply-To when a chair reuses last week's reminder.
  if (REPLY.test(subject)) return null;
  const bySubject = callMeetingForSubject(subject, meetings);
  if (bySubject) return bySubject;
  if (!BODY_AGENDA.test(text)) return null;
  return routeMeeting([subject, text], meetings);
}
