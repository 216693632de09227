/**
 * The dates a message names for a call, strongest source first: its own subject ("Security
 * Working Group meeting - Wednesday May 29"), the subject of the call it answers ("KVM call for
 * agenda for 2020-05-19"), then sentences of its text that speak of a meeting ("add it to the
 * Feb 19 agenda", "Next meeting will be on the 6th of March"). Only candidates: the store keeps
 * the first that is a real occurrence of the meeting (occurrence-choice.ts).
 */
import type { ThreadInfo } from '../extract/context.js';
import { dateMentions, type LocalDate } from './date-mentions.js';
import { regex } from '../extract/patterns.js';
import { sentencesOf } from '../wording/sentences.js';

export interface NamedDate {
  /** Where it was written: "subject", "call it answers", "text". */
  readonly source: string;
  readonly text: string;
  readonly dates: readonly LocalDate[];
}

const MEETING_WORD = regex(
  'i',
  String.raw`\b(?:meeting|call|agenda|summit|session|slot|bof|sync(?:-up)?|wg|workgroup|working\s+group|work\s+group|`,
  String.raw`conference|scheduled|topics?)\b`,
);
const MAX_TEXT_MENTIONS = 6;

/** Date mentions for a message sent at `date` (ms UTC), its thread facts and its own text. */
export function namedDates(
  subject: string,
  date: number | null,
  thread: ThreadInfo,
  text: string,
  aliases: readonly RegExp[],
): NamedDate[] {
  if (date === null) return [];
  const ref = mentionDate(date);
  const out: NamedDate[] = [];
  const push = (source: string, s: string): void => {
    for (const m of dateMentions(s, ref)) out.push({ source, text: m.text, dates: m.dates });
  };
  const own = stripReply(subject);
  push('subject', own);
  if (thread.callSubject && stripReply(thread.callSubject) !== own) push('call it answers', stripReply(thread.callSubject));
  if (thread.callDate && !out.some((n) => n.dates.includes(thread.callDate!))) {
    out.push({ source: 'call it answers', text: thread.callDate, dates: [thread.callDate] });
  }
  let n = 0;
  for (const s of sentencesOf(text)) {
    if (n >= MAX_TEXT_MENTIONS) break;
    if (!MEETING_WORD.test(s) && !aliases.some((a) => a.test(s))) continue;
    const before = out.length;
    push('text', s);
    n += out.length - before;
  }
  return out;
}

/** The date a message's relative and yearless dates are read against: its UTC date. */
export function mentionDate(date: number): LocalDate {
  return new Date(date).toISOString().slice(0, 10);
}

function stripReply(subject: string): string {
  return subject.replace(/^\s*(?:(?:re|aw|sv|fwd?|wg)\s*(?:\[\d+\])?\s*:\s*|\[[^\]]{1,40}\]\s*)+/i, '').trim();
}
