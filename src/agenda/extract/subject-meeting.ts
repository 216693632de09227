/**
 * A thread starter's subject that names a meeting (rule 3, rules/inline.ts): the topic it puts to
 * that meeting ("kSummit proposal - The Linux kernel in ChromeOS", "LSF/MM/BPF 2023 IOMAP conversion
 * status update"), or none when the subject is about the meeting itself ("LSF/MM/BPF 2023: Call for
 * Proposals", "XFS BoF at LSFMM", "Monday's meeting - resched?").
 */
import type { AgendaMessage } from './types.js';
import { namesOnlyWhen } from '../placement/date-mentions.js';
import { isChairMail } from './chair-mail.js';
import { besideMeetingNames, LEADING_YEAR, meetingsNamedIn, type CompiledMeeting } from './meeting-match.js';
import { regex } from './patterns.js';

// A thread starter whose subject proposes a topic for a meeting: "kSummit proposal - X".
// A "BoF" (birds of a feather) is a session proposed by its subject, as LSF/MM/BPF posters write it.
const SUBJECT_PROPOSAL =
  /\b(?:topic|proposal|propose|session|bof)\b|\bfor\s+(?:today'?s|tomorrow'?s|the\s+(?:next|upcoming)|next\s+week'?s)\b/i;
// What follows a meeting's name at the head of a subject when the mail is about the meeting itself
// (its call for proposals, agenda, schedule, minutes, registration), not a topic for it.
const ABOUT_THE_MEETING = regex(
  'i',
  String.raw`^\W*(?:call\s+for|cfp|agenda|schedule|program|minutes|notes|summary|recap|report|reminder|`,
  // "Monday's meeting - resched?" (imagej-devel 2010).
  String.raw`registration|register|invit\w*|attend\w*|meeting|call|cancel\w*|postpone\w*|re-?sched\w*|`,
  String.raw`update\s+on\s+(?:the\s+)?(?:event|venue|dates?)|`,
  String.raw`venue|travel|hotel|dates?|slides|videos?|recordings?|is\b|will\b|has\b|was\b|`,
  String.raw`(?:new\s+)?(?:access|info(?:rmation)?|times?|link|dial|location|room|day|bridge|zoom|webex))`,
);

/** The meeting a new thread's subject puts a topic to, and the topic, or null. */
export function subjectProposal(
  msg: AgendaMessage,
  subjectTitle: string,
  meetings: readonly CompiledMeeting[],
): { meeting: CompiledMeeting; topic: string } | null {
  if (!SUBJECT_PROPOSAL.test(msg.subject) && !headedByMeeting(msg, subjectTitle, meetings)) return null;
  const named = meetingsNamedIn(msg.subject, meetings);
  if (named.length === 0) return null;
  // The longest name the subject holds: "LinuxConfAU Kernel MiniConf - LLVM" (LCA 2021) loses the
  // whole name, not "Kernel MiniConf" inside it.
  const label = named[0]!.aliases
    .filter((re) => re.test(subjectTitle))
    .sort((a, b) => (b.exec(subjectTitle)?.[0].length ?? 0) - (a.exec(subjectTitle)?.[0].length ?? 0))[0];
  const topic = label ? withoutMeetingLabel(subjectTitle, label) : subjectTitle;
  // "XFS BoF at LSFMM" (a name of the meeting itself, linux-xfs 2024) names no topic.
  if (WHERE_IT_IS.test(topic) || onlyTheMeeting(subjectTitle, named[0]!)) return null;
  return { meeting: named[0]!, topic };
}

// "XFS BoF at LSFMM" (linux-xfs 2024, asking for the session), "Boot Security microconf at Linux
// Plumbers Conf, Sep 9-11" (tboot-devel 2019): where (and when) the meeting is, no topic.
// (Spelled without the i flag: under it \p{Lu} would match any letter.)
const WHERE_IT_IS = /^(?:[Aa]t|[Ii]n|[Dd]uring|@)\s+\S+(?:\s+\S+)?$|^(?:[Aa]t|[Dd]uring|@)\s+\p{Lu}/u;

/**
 * "LSF/MM/BPF 2023 IOMAP conversion status update": a new thread whose subject opens with the
 * meeting's name (and year) and goes on with a topic puts that topic to it, the way a subject tag
 * would; "LSF/MM/BPF 2023: Call for Proposals", "netdev call - May 7th" and the chair's mail are
 * about the meeting.
 */
function headedByMeeting(msg: AgendaMessage, subjectTitle: string, meetings: readonly CompiledMeeting[]): boolean {
  for (const m of meetings) {
    // The chair's "Security Working Group - New access information" is an announcement.
    if (isChairMail(msg, m) === true) continue;
    for (const label of m.aliases) {
      const hit = label.exec(subjectTitle);
      if (!hit || hit.index !== 0) continue;
      const rest = subjectTitle.slice(hit[0].length).replace(LEADING_YEAR, '');
      const topical = /^\s*[:\-–—]?\s*\p{L}/u.test(rest) && !ABOUT_THE_MEETING.test(rest) && !onlyADate(rest);
      if (topical && rest.trim().split(/\s+/).length >= 2) return true;
    }
  }
  return false;
}

/** "FS behavior (I/O failure) in kernel summit" (LKML 2005): the topic, without the meeting it is put to. */
export function withoutWhereItGoes(subjectTitle: string, meeting: CompiledMeeting): string {
  for (const label of meeting.aliases) {
    const tail = new RegExp(String.raw`\s+(?:in|at|for|during)\s+(?:the\s+)?(?:next\s+)?(?:${label.source})\s*$`, 'i').exec(subjectTitle);
    if (tail && tail.index > 0) return subjectTitle.slice(0, tail.index);
  }
  return subjectTitle;
}

/** True when a subject names the meeting and at most where it is ("XFS BoF at LSFMM"), no topic. */
export function onlyTheMeeting(subjectTitle: string, meeting: CompiledMeeting): boolean {
  if (!meeting.aliases.some((re) => re.test(subjectTitle))) return false;
  const rest = besideMeetingNames(subjectTitle, meeting);
  return rest === '' || WHERE_IT_IS.test(rest) || onlyADate(rest);
}

/** "- June 12th, 2024", "(Wednesday May 29)": the call's date, no topic ("SVSM Development Call - June 12th, 2024"). */
function onlyADate(rest: string): boolean {
  return namesOnlyWhen(rest.replace(/\b(?:on|for|the|of)\b/gi, ' '));
}

/**
 * A subject that names the meeting, without that name: "BTF tag support in DWARF (notes for
 * today's BPF Office Hours)" loses the note naming it whole; "kSummit proposal - The Linux kernel
 * in ChromeOS" keeps what follows the label.
 */
function withoutMeetingLabel(subjectTitle: string, label: RegExp): string {
  const aside = /\s*\(([^()]*)\)\s*$/.exec(subjectTitle);
  if (aside && label.test(aside[1]!)) return subjectTitle.slice(0, aside.index).trim();
  const rest = subjectTitle
    .replace(label, ' ')
    .replace(LEADING_YEAR, '')
    .replace(/^\W*(?:(?:topic|proposal|session|bof)\b\W*)+/i, '')
    .trim();
  return rest || subjectTitle;
}
