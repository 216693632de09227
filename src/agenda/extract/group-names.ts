/**
 * Other groups' meetings (issue 8, "Another group's agenda lands in yours"). On a shared list
 * several working groups post reminders and agendas; with one meeting configured, "the only
 * meeting" may take a proposal that names no meeting, but never a reminder or an agenda that
 * names another group: a "working group", "workgroup", "WG", "SIG", "committee", "task force",
 * a named summit or conference, or an "<ACRONYM> meeting/call" that none of the configured
 * meetings' names or aliases matches.
 */
import { regex } from './patterns.js';
import type { CompiledMeeting } from './meeting-match.js';

// "GUI Design Workgroup", "Platform Telemetry WG", "Technical Steering Committee", "PMCI Working Group".
// Names are capitalised words ("GUI", "Platform Telemetry"); the keyword may be in any case.
const GROUP = regex(
  'gu',
  String.raw`\b((?:[\p{Lu}\d][\p{L}\d/&+.-]*\s+){1,5})([Ww]orking\s+[Gg]roup|[Ww]ork\s*[Gg]roup|`,
  String.raw`WORKING\s+GROUP|WG|SIG|[Cc]ommittee|[Tt]ask\s*[Ff]orce|[Ss]ub-?[Gg]roup|`,
  String.raw`[Ss]teering\s+[Gg]roup)\b`,
);
// "Maintainer's Summit", "Open Source Firmware Conference": a named event; "Scheduler
// Microconference", "Real-Time MC" (LPC's microconferences share their lists: a call for one is not
// the other's).
const EVENT = regex(
  'gu',
  String.raw`\b((?:[\p{Lu}][\p{L}'’/&+.-]*\s+){1,4})([Ss]ummit|SUMMIT|[Cc]onference|[Ww]orkshop|[Ss]ymposium|[Hh]ackathon|`,
  String.raw`[Mm]icro-?[Cc]onference|[Mm]ini-?[Cc]onference|MC|BoF)\b`,
);
// "the telemetry WG", "our security workgroup": prose names groups in lower case too.
const LOWER_GROUP = /\b((?:[\p{L}\d][\p{L}\d/&+.-]*\s+){1,3})(working\s+group|work\s*group|wg|sig)\b/giu;
const PROSE_WORD = regex(
  'i',
  String.raw`^(?:the|our|this|that|their|your|a|an|in|at|of|on|to|for|from|by|with|`,
  String.raw`and|or|as|is|was|were|be|next|last|each|every|any|some|all|other|openbmc|`,
  String.raw`linux|weekly|bi-?weekly|monthly|community|open|project|upstream|result|`,
  String.raw`meetings?|discussed|during|per|via)$`,
);
// "TSC meeting", "OCP call": an acronym that names a body, before meeting/call.
const ACRONYM_MEETING = /\b(\p{Lu}{2,6})\s+(?:meeting|call|sync)\b/gu;
// "our community call which Broad Bishop hosts", "the release meeting", "the upcoming kernel
// summit": a meeting named by one word in prose. Words that say when or how a call happens
// ("the next call", "our weekly meeting", "the zoom call") name no other meeting.
const PROSE_MEETING = regex(
  'gu',
  String.raw`\b(?:our|the)\s+(?:(?:next|upcoming|coming|first|this\s+year'?s)\s+)?([\p{Ll}][\p{Ll}-]{2,})\s+`,
  String.raw`(?:call|meeting|summit|conference|workshop)s?\b`,
);
const HOW_OR_WHEN = regex(
  'i',
  String.raw`^(?:next|last|previous|first|same|other|following|upcoming|coming|regular|usual|normal|scheduled|planned|`,
  String.raw`weekly|bi-?weekly|monthly|bi-?monthly|daily|quarterly|yearly|annual|fortnightly|recurring|`,
  String.raw`phone|video|conference|zoom|webex|teams|jitsi|meet|online|virtual|live|public|open|full|whole|`,
  String.raw`entire|actual|original|recent|latest|early|late|morning|evening|today's|tomorrow's|week's|month's|`,
  String.raw`above|below|mentioned|said|aforementioned|above-mentioned|one|two|second|third|short|quick|long|`,
  String.raw`sync|follow-up|followup|kick-off|kickoff|organizing|organising|planning|agenda|upstream)$`,
);
const NOT_A_GROUP = /^(?:the|our|this|next|a|an|openbmc|linux|weekly|bi-?weekly|monthly|community|open|project|upstream|\d{4})$/i;

/** Group names the text mentions, as written ("GUI Design Workgroup", "TSC meeting"). */
export function groupsNamedIn(text: string): string[] {
  const out: string[] = [];
  const seen: [number, number][] = [];
  // A later pattern's match inside an earlier one's ("Design Workgroup" in "GUI Design Workgroup") is the same group.
  const fresh = (m: RegExpMatchArray): boolean => {
    const from = m.index!;
    const to = from + m[0].length;
    if (seen.some(([a, b]) => from < b && to > a)) return false;
    seen.push([from, to]);
    return true;
  };
  for (const m of text.matchAll(GROUP)) {
    if (!fresh(m)) continue;
    const words = m[1]!.trim().split(/\s+/);
    while (words.length && NOT_A_GROUP.test(words[0]!)) words.shift();
    if (words.length) out.push(`${words.join(' ')} ${m[2]}`);
  }
  for (const m of text.matchAll(LOWER_GROUP)) {
    if (!fresh(m)) continue;
    const words = m[1]!.trim().split(/\s+/);
    let k = words.length;
    while (k > 0 && !PROSE_WORD.test(words[k - 1]!)) k--;
    const name = words.slice(k);
    if (name.length) out.push(`${name.join(' ')} ${m[2]}`);
  }
  for (const m of text.matchAll(EVENT)) {
    if (!fresh(m)) continue;
    const words = m[1]!.trim().split(/\s+/);
    while (words.length && NOT_A_GROUP.test(words[0]!)) words.shift();
    if (words.length) out.push(`${words.join(' ')} ${m[2]}`);
  }
  for (const m of text.matchAll(PROSE_MEETING)) if (!HOW_OR_WHEN.test(m[1]!) && fresh(m)) out.push(m[0].slice(m[0].indexOf(m[1]!)));
  for (const m of text.matchAll(ACRONYM_MEETING))
    if (!/^(?:AM|PM|UTC|GMT|CET|PST|PDT|EST|EDT|CST|CDT|IST|ANN|RFC|TBD)$/.test(m[1]!)) out.push(m[0]);
  return out;
}

/** Group names in the text that none of the meetings answers to (by name or alias). */
export function foreignGroups(text: string, meetings: readonly CompiledMeeting[]): string[] {
  return groupsNamedIn(text).filter((g) => !meetings.some((m) => m.aliases.some((a) => a.test(g)) || nameOverlaps(g, m)));
}

/** "Security Working Group" for a meeting named "OpenBMC Security Working Group": the distinctive words agree. */
function nameOverlaps(group: string, meeting: CompiledMeeting): boolean {
  const words = (s: string) =>
    s
      .toLowerCase()
      .split(/[^\p{L}\d]+/u)
      .filter((w) => w.length > 1 && !/^(?:working|work|group|workgroup|wg|sig|committee|meeting|call|the|openbmc)$/.test(w));
  const g = words(group);
  const n = new Set(words(meeting.name));
  return g.length > 0 && g.every((w) => n.has(w));
}
