/**
 * Annotations found on a proposal line: a duration "(15 min)", a presenter "[Name]", links.
 * Each is removed from the title it was found on.
 */
import { regex } from '../extract/patterns.js';

export interface Annotated {
  readonly title: string;
  readonly durationMinutes?: number;
  readonly presenter?: string;
  readonly links: readonly string[];
}

const URL = /<?(https?:\/\/[^\s<>()"']+[^\s<>()"'.,;:!?])>?/g;
const LINK_POINTER = regex(
  'i',
  String.raw`\s*[-–(,;:]?\s*\b(?:see|cf\.?|ref\.?|more\s+info(?:rmation)?)(?!\w)(?:\s+(?:also|the|this|that|here))?`,
  String.raw`(?:\s+(?:thread|discussion|link|page|post|mail|patch(?:es)?|series|rfc))?\s*[:-]?\s*\)?(?=\s*(?:\([^()]*\)\s*)?$)`,
);
// "(15 min)", "(1h)"; "[20 minutes]" in square brackets too (the IETF CCAMP chairs' outline, 2004).
export const DURATION = /[([]\s*(\d{1,3})\s*(?:min(?:ute)?s?|m|')\s*[)\]]|[([]\s*(\d(?:\.\d)?)\s*h(?:ours?|rs?)?\s*[)\]]/i;
// "15 minutes - Trac usage conventions for 9.1" (OLPC's roadmap meeting, 2008), "10 min: X": the time first.
// "30 minutes for answering random newbie questions" (BayPIGgies 2006, a meeting cut into three slots).
const LEADING_DURATION = /^\s*(\d{1,3})\s*(?:min(?:ute)?s?|mins?)\.?\s*(?:[-–—:]|for(?:\s+(?:the|a|an))?)\s+(?=\S)/i;
// "(Florian, all 5min)", "(All, max. 10 min)" (2020): a word or two may stand before the time.
const WHO_AND_TIME = /\(\s*([^()]{2,80}?),\s*(?:[a-z]+\.?\s+){0,2}?(\d{1,3})\s*(?:min(?:ute)?s?|m)\s*\)/i;
// A presenter in square brackets at the end or start of a line, a person's name (letters, dots,
// spaces, "/" for pairs), not a tag like [PATCH] or a reference like [1].
// "[Proposed: Koen, Khem]" (the OpenEmbedded TSC's agenda, 2011): who put it forward.
const PRESENTER = /\[\s*(?:[Pp]roposed(?:\s+by)?\s*:?\s*)?([\p{Lu}][\p{L}.'’-]*(?:(?:[ /]|,\s*)[\p{L}.'’-]+){0,3})\s*\]/u;

/** Pull duration, presenter and links out of a line; the rest is the title. */
export function annotate(line: string): Annotated {
  let title = line;
  const links: string[] = [];
  for (const m of line.matchAll(URL)) links.push(m[1]!);
  title = title.replace(URL, ' ');
  // "Support for multiple rectangle cropping See thread: <url> (Name)": the words that pointed at the link go with it.
  if (links.length) title = title.replace(LINK_POINTER, ' ');
  let durationMinutes: number | undefined;
  const d = DURATION.exec(title);
  const lead = LEADING_DURATION.exec(title);
  if (d) {
    durationMinutes = d[1] ? Number(d[1]) : Math.round(Number(d[2]) * 60);
    title = title.replace(d[0], ' ');
  } else if (lead) {
    durationMinutes = Number(lead[1]);
    title = title.slice(lead[0].length);
  }
  let presenter: string | undefined;
  // "(Florian Effenberger, Thorsten Behrens, 10 mins)", "(tdf-board, 5 mins)" (the TDF board's agenda,
  // 2023): who brings it, then its time, in one parenthesis.
  const both = WHO_AND_TIME.exec(title);
  if (both && durationMinutes === undefined) {
    durationMinutes = Number(both[2]);
    presenter = both[1]!.replace(/\s+/g, ' ').trim();
    title = title.replace(both[0], ' ');
  }
  const p = presenter === undefined ? PRESENTER.exec(title) : null;
  if (p && !/^(?:PATCH|RFC|TECH|MAINTAINERS?|AGENDA|WIP|DRAFT)\b/i.test(p[1]!)) {
    presenter = p[1]!.trim();
    title = title.replace(p[0], ' ');
  }
  title = title
    .replace(/\(\s*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    title,
    links,
    ...(durationMinutes !== undefined ? { durationMinutes } : {}),
    ...(presenter !== undefined ? { presenter } : {}),
  };
}
