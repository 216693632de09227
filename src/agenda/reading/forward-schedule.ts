/**
 * A chair's forward schedule: lines that each name a later call and its topic ("Future Schedule:
 * January 10th - Unified uAPI for protected VMs / January 31st - Available!", as the PUCK agenda
 * mails of KVM carry). The topic goes on the call its line names, not on the one the mail
 * announces. Only a mail with two such lines or more has a schedule: one "Dec 4 - ..." line is prose.
 */
import { regex } from '../extract/patterns.js';
import { dateMentions, type LocalDate } from '../placement/date-mentions.js';
import type { NamedDate } from '../placement/mentions.js';

export interface ScheduledTopic {
  readonly title: string;
  /** The date its line names, as a mention for the occurrence choice. */
  readonly mention: NamedDate;
  /** The line's index in the text. */
  readonly line: number;
}

// "January 10th - X", "Wed Jan 10: X", "- 2024-01-10 – X", "Thu 8 Apr, 3:30pm - Rick: X" (a time
// after the date, imagej-devel 2010).
const DATED_LINE = /^\s*(?:[-*•]\s+)?((?:[^-–—:]|\d:\d){3,40}?|\d{4}-\d{2}-\d{2})\s*(?:[-–—]|:)\s+(\S.*?)\s*$/;
// The time of day after a line's date: ", 3:30pm", " at 10am", " 16:00 UTC".
const TIME_AFTER = /,?\s*(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$/i;
// A free or cancelled slot names no topic, nor one still asking for topics ("- Any topics?", PUCK 2025-06-18).
export const NO_TOPIC = regex(
  'i',
  String.raw`^(?:(?:available|open|free|tbd|tba|none|nothing|no\s+(?:official\s+)?(?:call|meeting|topics?)|cancell?ed|skipped?|holiday)\b|`,
  String.raw`any\s+(?:topics?|items?|takers|proposals?)\b.*\?)`,
);

/** The dated topic lines of a text, read against the message's date `ref` ("YYYY-MM-DD"). */
export function forwardSchedule(text: string, ref: LocalDate): ScheduledTopic[] {
  const dated: (ScheduledTopic | 'free')[] = [];
  text.split('\n').forEach((line, i) => {
    const m = DATED_LINE.exec(line);
    if (!m) return;
    const when = m[1]!.trim().replace(TIME_AFTER, '');
    const found = dateMentions(when, ref);
    // The whole lead is the date ("January 10th", "Wed Jan 10"), not a sentence that holds one.
    if (found.length !== 1 || found[0]!.text.length < when.length - 4) return;
    const mention = { source: 'schedule', text: found[0]!.text, dates: found[0]!.dates };
    dated.push(NO_TOPIC.test(m[2]!) ? 'free' : { title: m[2]!, mention, line: i });
  });
  return dated.length >= 2 ? dated.filter((d): d is ScheduledTopic => d !== 'free') : [];
}
