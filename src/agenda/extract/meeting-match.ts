import type { MeetingAgendaConfig } from './context.js';
import { foreignGroups } from './group-names.js';
import { namedWeekday } from '../placement/date-mentions.js';
import { escapeRegex, matcherOf, regexOf } from './patterns.js';

/**
 * Which meeting a message or a phrase is about. A proposal goes to the meeting whose tags, call
 * pattern or aliases it names; with one meeting listening to the list, "the next call" means it
 * (issue 4, "Meetings").
 */

export interface CompiledMeeting {
  readonly id: string;
  readonly name: string;
  readonly tags: readonly TagMatcher[];
  readonly aliases: readonly RegExp[];
  readonly calls: RegExp | null;
  readonly lists: readonly string[];
  /** Lower-case chair addresses; empty when none are configured. */
  readonly chairs: readonly string[];
  /** When a meeting of fixed dates is over (ms UTC); absent for a scheduled one. */
  readonly endsAt?: number;
  /** The weekdays its calls fall on (0 = Sunday). */
  readonly weekdays?: readonly number[];
}

/** A subject tag: a bracketed tag matches by its words, anything else by regex/phrase. */
type TagMatcher = { readonly kind: 'bracket'; readonly words: readonly string[] } | { readonly kind: 'regex'; readonly re: RegExp };

/** Compile the configured meetings once; throws naming the meeting on a bad pattern. */
export function compileMeetings(meetings: readonly MeetingAgendaConfig[]): CompiledMeeting[] {
  return meetings.map((m) => {
    try {
      return {
        id: m.id,
        name: m.name,
        tags: m.subjectTags.map(tagMatcher),
        aliases: [m.name, ...m.aliases].filter((a) => a.trim() !== '').map(matcherOf),
        calls: m.calls ? matcherOf(m.calls) : null,
        lists: m.lists.map((l) => l.toLowerCase()),
        chairs: (m.chairs ?? []).map((c) => c.toLowerCase()),
        ...(m.endsAt !== undefined ? { endsAt: m.endsAt } : {}),
        ...(m.weekdays !== undefined ? { weekdays: m.weekdays } : {}),
      };
    } catch (err) {
      throw new Error(`meeting ${m.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}

function tagMatcher(tag: string): TagMatcher {
  const re = regexOf(tag);
  if (re) return { kind: 'regex', re };
  const m = /^\s*\[([^\]]+)\]\s*$/.exec(tag);
  if (m) return { kind: 'bracket', words: bracketWords(m[1]!) };
  // A literal tag like "agenda+" is a subject prefix: it must open the subject (after list tags).
  return { kind: 'regex', re: new RegExp(`^\\s*(?:\\[[^\\]]{1,80}\\]\\s*)*${escapeRegex(tag.trim())}`, 'i') };
}

/**
 * Words of a bracket tag, singular and lower-case, so "[MAINTAINER SUMMIT]", "[Maintainers Summit]"
 * and "[MAINTAINERS/KERNEL SUMMIT]" all carry the configured "[MAINTAINERS SUMMIT]": people
 * misspell tags, and a combined tag names both meetings.
 */
function bracketWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9+]+/)
    .filter(Boolean)
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** The bracket groups of a subject ("[A] Re: [B] x" → ["A", "B"]). */
export function bracketsOf(subject: string): string[] {
  return [...subject.matchAll(/\[([^\]]{1,80})\]/g)].map((m) => m[1]!);
}

/** True when the subject carries one of the meeting's tags. */
export function subjectHasTag(subject: string, meeting: CompiledMeeting): boolean {
  // "[MAINTAINERS SUMMIT] X [was Re: [TECH TOPIC] Y]": the old subject's tags are not this topic's.
  const own = subject.replace(/\s*[[(]was\b.*$/i, '');
  const brackets = bracketsOf(own).map(bracketWords);
  return meeting.tags.some((t) => {
    if (t.kind === 'regex') return t.re.test(own);
    return brackets.some((b) => t.words.every((w) => b.includes(w)));
  });
}

/** The subject without the meeting's non-bracket tags ("agenda+ X" → "X"); bracket tags go with titleFromSubject. */
export function stripTags(subject: string, meeting: CompiledMeeting): string {
  let s = subject;
  for (const t of meeting.tags) if (t.kind === 'regex') s = s.replace(t.re, (m) => m.replace(/[^\s[\]]+$/, ''));
  return s;
}

/** Meetings listening to this list (all of them when the message has no List-Id or none is configured). */
export function meetingsForList(meetings: readonly CompiledMeeting[], listId: string | null): CompiledMeeting[] {
  if (!listId) return [...meetings];
  const id = listId.toLowerCase();
  const listening = meetings.filter((m) => m.lists.length === 0 || m.lists.includes(id));
  return listening.length ? listening : [];
}

// A year right after a meeting's name: "LSF/MM/BPF 2023 ...", "LSFMM'24 ...".
export const LEADING_YEAR = /^\s*(?:'?\d{2}|\d{4})\b/;

/** What a subject says besides the meeting's names and a year after them ("XFS BoF at LSFMM": "at LSFMM"). */
export function besideMeetingNames(title: string, meeting: CompiledMeeting): string {
  return meeting.aliases
    .reduce((t, re) => t.replace(new RegExp(re.source, 'gi'), ' '), title)
    .replace(LEADING_YEAR, '')
    .trim();
}

/** Meetings whose name or aliases the text mentions. */
export function meetingsNamedIn(text: string, meetings: readonly CompiledMeeting[]): CompiledMeeting[] {
  return meetings.filter((m) => m.aliases.some((a) => a.test(text)));
}

/** The meeting whose call pattern the subject matches, if any. */
export function callMeetingOf(subject: string, meetings: readonly CompiledMeeting[]): CompiledMeeting | null {
  return meetings.find((m) => m.calls?.test(subject)) ?? null;
}

/**
 * Route a proposal: the meeting a text names (aliases, then tags), else the only meeting on the
 * list ("the next call" then means it), else the fallback (e.g. the call the thread replies to).
 * Sent at `at`, a proposal naming no meeting passes over meetings of fixed dates already over: "Please
 * put on the agenda: ..." in July is for the weekly call, not the June face-to-face meeting (Open MPI
 * devel 2012).
 */
export function routeMeeting(
  texts: readonly string[],
  meetings: readonly CompiledMeeting[],
  fallback: string | null = null,
  at?: number,
): CompiledMeeting | null {
  for (const text of texts) {
    const named = longestAliasMatch(text, meetings);
    if (named) return named;
    const tagged = meetings.filter((m) => subjectHasTag(text, m));
    if (tagged.length >= 1) return tagged[0]!;
  }
  if (fallback) {
    const f = meetings.find((m) => m.id === fallback);
    if (f) return f;
  }
  // "The only meeting" takes what names no meeting, but never what names another group (issue 8):
  // the first two texts (the sentence or subject at hand) are where that is said.
  const open = meetings.length === 1 || at === undefined ? meetings : meetings.filter((m) => m.endsAt === undefined || m.endsAt > at);
  // "Terry: please add this to the agenda for next Tuesday" (Open MPI devel 2012): of a Tuesday
  // teleconference and a Wednesday meeting, the one that meets on the day named.
  const day = namedWeekday(texts[0] ?? '');
  const onDay = day === null ? [] : open.filter((m) => m.weekdays?.includes(day));
  const pick = open.length > 1 && onDay.length === 1 ? onDay : open;
  if (pick.length !== 1 || texts.slice(0, 2).some((t) => foreignGroups(t, meetings).length > 0)) return null;
  return pick[0]!;
}

/** The meeting whose alias match in the text is longest: "security working group" beats "working group". */
function longestAliasMatch(text: string, meetings: readonly CompiledMeeting[]): CompiledMeeting | null {
  let best: CompiledMeeting | null = null;
  let bestLen = 0;
  for (const m of meetings) {
    for (const a of m.aliases) {
      const hit = a.exec(text);
      if (hit && hit[0].length > bestLen) {
        best = m;
        bestLen = hit[0].length;
      }
    }
  }
  return best;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The occurrence a text names for a meeting or call: "at the 2019-06-26 meeting", "call for
 * 2020-01-14", "community call 12/11/2024" (day first, as European chairs write it).
 */
export function namedDateIn(text: string, messageDate: number | null = null): string | null {
  const iso =
    /\b(?:at|for|on|in|during)\s+(?:the\s+)?(\d{4}-\d{2}-\d{2})\b/i.exec(text) ??
    /\b(\d{4}-\d{2}-\d{2})\s+(?:\w+\s+){0,3}(?:meeting|call)\b/i.exec(text);
  if (iso) return iso[1]!;
  const dmy = /\b(?:call|meeting)\b[^\n]{0,40}?\(?\b(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\b/i.exec(text);
  if (dmy) {
    const year = dmy[3]!.length === 2 ? `20${dmy[3]}` : dmy[3]!;
    return `${year}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  }
  const named =
    /\b(?:call|meeting)\b[^\n]{0,30}?\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.exec(text);
  if (named) {
    const month = MONTHS.indexOf(named[2]!.toLowerCase()) + 1;
    if (messageDate === null) return null;
    const year = new Date(messageDate).getUTCFullYear();
    return `${year}-${String(month).padStart(2, '0')}-${named[1]!.padStart(2, '0')}`;
  }
  return null;
}
