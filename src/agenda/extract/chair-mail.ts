/**
 * Whose mail is the chair's (issue 8, "A member's mail read as a chair's call", and issue 13,
 * "Agenda sources are not authenticated"). A call, reminder or posted agenda counts as the
 * chair's only when its author is one of the meeting's configured `chairs` and the receiving
 * server did not record a failed DKIM or DMARC check for it (RFC 8601 Authentication-Results).
 *
 * The author is the From address, except where a list rewrote From to its own address for DMARC
 * ("Andrea Cervesato via ltp <ltp@lists.linux.it>", Mailman's from_is_list): the original is then
 * in Reply-To or X-Original-From.
 */
import type { MeetingAgendaConfig } from './context.js';
import type { AgendaMessage } from './types.js';

/** The lower-case address of the person who wrote the message. */
export function authorAddress(msg: Pick<AgendaMessage, 'fromAddr' | 'fromName' | 'headers'>): string {
  const from = msg.fromAddr.trim().toLowerCase();
  const listPost = /<mailto:([^>?]+)/i.exec(msg.headers['list-post'] ?? '')?.[1]?.toLowerCase();
  // "'Nick Desaulniers' via Clang Built Linux" (Google Groups): the group's name may be several words.
  const munged = (listPost !== undefined && from === listPost) || /\svia\s+\S+(?:\s+\S+){0,4}$/i.test(msg.fromName.trim());
  if (!munged) return from;
  const original = msg.headers['x-original-from'] ?? msg.headers['reply-to'] ?? '';
  return (/<([^<>\s]+@[^<>\s]+)>/.exec(original)?.[1] ?? /[^\s<>",]+@[^\s<>",]+/.exec(original)?.[0] ?? from).toLowerCase();
}

/** True when the receiving server says DKIM or DMARC failed for this message. */
export function authenticationFailed(msg: Pick<AgendaMessage, 'headers'>): boolean {
  const results = msg.headers['authentication-results'] ?? '';
  return /\b(?:dkim|dmarc)\s*=\s*(?:fail|permerror)\b/i.test(results);
}

/**
 * Is this message the chair's, for this meeting? true or false when the meeting names its
 * chairs; null when it names none (the caller then trusts its `calls` pattern, as before).
 */
export function isChairMail(msg: AgendaMessage, meeting: Pick<MeetingAgendaConfig, 'chairs'>): boolean | null {
  const chairs = meeting.chairs ?? [];
  if (chairs.length === 0) return null;
  return chairs.includes(authorAddress(msg)) && !authenticationFailed(msg);
}

/** A sign-off's shape: one or two capitalised words ("Ted", "Joseph Reynolds"). */
export const SIGN_OFF = /^[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*)?$/u;

/**
 * "- Joseph" on a line of its own, mid-mail: the author signing a paragraph, not a one-item list.
 * True when the words are one or two capitalised words, the first of them one of the author's names.
 */
export function signsAsAuthor(words: string, msg: Pick<AgendaMessage, 'fromName'>): boolean {
  const w = words.trim();
  if (!SIGN_OFF.test(w)) return false;
  const names = msg.fromName.toLowerCase().split(/[^\p{L}'’-]+/u);
  return names.includes(w.split(/\s+/)[0]!.toLowerCase());
}
