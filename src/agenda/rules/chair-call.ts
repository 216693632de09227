import { namedDateIn } from '../meeting-match.js';
import { proposalPhrases, sentencesOf, trimTopic } from '../phrases.js';
import { makeCandidate, present, type RuleEnv } from '../rule-env.js';
import { listAt } from '../text.js';
import { normaliseTitle } from '../title.js';
import type { Candidate } from '../types.js';
import { regex } from '../patterns.js';

// A line introducing the call's topics: "Current topics:", "Tentative agenda:", "So far I have the
// following agenda items:", "Potential Maintainer Summit topics". Short, names topics/agenda/items.
const HEADER = /\b(?:topics?|agenda(?:\s+items?)?|items?\s+(?:for|on)\s+the\s+agenda)\b/i;
// ... but not the call's boilerplate: "Please add any other agenda items here:", "Access, agenda, and notes are in the wiki:".
const NOT_HEADER = regex(
  'i',
  String.raw`\b(?:please|send|add|reply|any\s+(?:other\s+)?(?:agenda|`,
  String.raw`topics?)|if\s+(?:you|anyone)|wiki|here\b|notes|suggest|`,
  String.raw`anything\s+else|let\s+me\s+know)\b`,
);
// A timetable line: "10:30 Regression tracking (Thorsten)", "9:00 - 9:30 Welcome".
const TIMETABLE = /^\s*(\d{1,2}[:.]\d{2})(?:\s*(?:-|–|to)\s*\d{1,2}[:.]\d{2})?\s*(?:[-–:|]\s*)?(\S.*)$/;
// Timetable and list entries that are logistics, not topics.
const LOGISTICS = regex(
  'i',
  String.raw`^<.*>$|^(?:tbd|tba)$|\b(?:breakfast|lunch|break|`,
  String.raw`coffee|refreshments|dinner|reception|photo(?:graph)?|`,
  String.raw`welcome|agenda\s+bashing|closing|wrap[- ]?up|keynote|`,
  String.raw`registration|social|adjourn|roll\s+call|introductions?|`,
  String.raw`attendance|open\s+slot|free\s+time|evening\s+event|`,
  String.raw`party|transportation|plenary|room\s+(?:not\s+)?available)\b`,
);
// Prose in a call: "Tomorrow agenda will be mostly X", "This week we have ... to discuss X".
const AGENDA_IS = /\bagenda\s+(?:will\s+be|is|includes?)\s+(?:mostly\s+|mainly\s+|about\s+)?(.+)/i;
const THIS_CALL = regex(
  'i',
  String.raw`\b(?:this\s+(?:week|call|time)|today|tomorrow|next\s+week|`,
  String.raw`for\s+this\s+call)\b.*?\b(?:to\s+)?(?:discuss|talk\s+about|`,
  String.raw`cover|review)\s+(.+)`,
);
// A quoted suggestion standing on its own line.
const QUOTED_LINE = /^\s*["“]([^"”\n]{8,160})["”]\s*$/gm;

/**
 * Rule 5: the chair's own calls, reminders and posted agendas (matched by `calls`, or a reminder
 * naming the meeting with a topics list): each listed topic is an item; one that restates an
 * existing item is marked carriedOver so the store links it instead of adding a new one.
 */
export function chairCallRule(env: RuleEnv): Candidate[] {
  const meeting = env.callMeeting;
  if (!meeting || env.isMinutes) return [];
  const { text, msg } = env;
  const namedDate = namedDateIn(msg.subject, msg.date) ?? env.thread.callDate ?? null;
  const topics: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const timed = TIMETABLE.exec(lines[i]!);
    // "16:00 - 17:00 UTC", "7:30AM CST", "08:00 PST (San Francisco)": times of the call, not a timetable.
    if (
      timed &&
      !/^(?:[aApP]\.?[mM]\.?\b|\+\d|[A-Z]{2,5}\b(?:\s*$|\s*[(,-]|\s+\())/.test(timed[2]!) &&
      !/\b(?:UTC|GMT)\b/.test(timed[2]!)
    ) {
      topics.push(timetableEntry(lines, i, timed[2]!));
      continue;
    }
    // A header may wrap: "The following topics have been proposed for the summit on\nthis list:".
    const header = line.endsWith(':') && i > 0 && lines[i - 1]!.trim() !== '' ? `${lines[i - 1]!.trim()} ${line}` : line;
    if (header.length > 160 || !HEADER.test(header) || NOT_HEADER.test(header)) continue;
    const { items, end } = listAt(lines, i + 1);
    if (!line.endsWith(':') && (/[?!]$/.test(line) || (line.endsWith('.') && items.length === 0))) continue;
    topics.push(...items);
    if (end > i) i = end - 1;
  }
  if (topics.length === 0) topics.push(...proseTopics(text));
  const out = topics
    .map((t) => t.trim())
    .filter((t) => t !== '' && !LOGISTICS.test(t))
    .map((t) => {
      const carried = env.ctx.existingItem(meeting.id, normaliseTitle(t)) !== null;
      return makeCandidate(env, meeting.id, 'chair-call', t, 0.85, { namedDate, carriedOver: carried });
    });
  return dedupe(present(out));
}

/** A timetable entry with its wrapped continuation lines (indented past the time). */
function timetableEntry(lines: readonly string[], i: number, first: string): string {
  let entry = first.trim();
  for (let j = i + 1; j < lines.length && j < i + 4; j++) {
    const next = lines[j]!;
    if (next.trim() === '' || TIMETABLE.test(next) || !/^\s{4,}\S/.test(next)) break;
    if (/^\s*\(/.test(next)) continue; // "(streaming available ...)": a note, not the title
    entry = `${entry} ${next.trim()}`;
  }
  return entry;
}

/** Topics a call states in prose: quoted suggestions, "agenda will be X", "X wants to talk about Y". */
function proseTopics(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(QUOTED_LINE)) out.push(m[1]!);
  for (const s of sentencesOf(text)) {
    if (/\b(?:please|send|any\s+topic|if\s+you|anything\s+else)\b/i.test(s) && !/\bagenda\s+will\b/i.test(s)) continue;
    const a = AGENDA_IS.exec(s) ?? THIS_CALL.exec(s);
    if (a) {
      out.push(trimTopic(a[1]!));
      continue;
    }
    for (const p of proposalPhrases(s)) if (p.topic) out.push(p.topic);
  }
  return out;
}

function dedupe(cands: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return cands.filter((c) => {
    const k = normaliseTitle(c.title);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
