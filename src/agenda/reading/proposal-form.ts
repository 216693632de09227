import { regex } from '../extract/patterns.js';

/**
 * A proposal written as a form, the way a call for topics often asks for it (the Linux Media
 * Summit 2026: "Title: / Presenter: / Time estimate: / Description:"), or as a document with its
 * title as a heading ("A case for a media-job scheduler" over "=====", often between "-----" or
 * "%<---snip---" rules). The title is the topic; the description under it is not.
 */

// "Title: Generic V4L2 ISP M2M framework", "Topic: X", "Session title: X"; "Summit topic: when are we
// going to sunset Python 2.7?" (python-committers 2013, the whole answer to the Language Summit's call).
const TITLE_FIELD = regex(
  'i',
  // "> Talk 1: R (Lighting Talk)" (ILUGC 2010): a marker before the field, in mail that quotes nothing.
  String.raw`^\s*(?:>\s*)?(?:(?:summit|session|discussion|agenda|proposed|suggested|my)\s+topic|title|topic|session(?:\s+title)?|`,
  // "Talk 1: Overview of /proc file-system" over "By Raman P (30min)" (ILUGC 2008, the meet's announcement);
  // "> Talk II: Ruby On Rails - An Intro (40 mins)" over "Speaker: ..." (ILUGC 2007): numbered in Roman.
  String.raw`talk(?:\s+title|\s*#?\d{1,2}|\s+[ivx]{1,4})?|proposal)\s*:\s*(\S.{2,150}?)\s*$`,
);
// "Abstract: Expand the virtio portfolio with RDMA" over "Description:" (LPC 2019, a reply to the RDMA
// mini-summit's call): a one-line abstract heading a form is its title.
const ABSTRACT_FIELD = /^\s*(?:abstract|summary)\s*:\s*(\S.{2,120}?)\s*$/i;
const DESCRIPTION_FIELD = /^\s*(?:description|details|abstract)\s*:/i;
// "Presenter: Loic Poulain", "Speakers: A, B".
// "By Raman P (30min)" under "Talk 1: ..." (ILUGC 2008); not "bytes formatting".
const PRESENTER_FIELD = /^\s*(?:(?:presenters?|speakers?|presented\s+by|owner)\s*:|by(?=\s))\s*(\S.{1,80}?)\s*$/i;
// "-------", "=====", "-------%<---snip-------", "8<-----": a rule or a scissors line, no words.
const RULE = /^\s*(?:[-=_*~]{3,}\s*)?(?:%?[<>]8?|8[<>])?[-=_*~\s]*(?:snip)?[-=_*~\s]*$/i;

// "Important Dates", "Submit Your Proposal", "Code of Conduct", "Questions?", "About the Devroom": the
// sections of a call for proposals (FOSDEM 2020's Virtualization devroom call, reposted in a reply).
const CALL_SECTION = regex(
  'i',
  String.raw`^(?:important|key)\s+dates$|^(?:deadlines?|timeline|contacts?|questions\??|format)$|^about\s+(?:the|this|us)\b|`,
  String.raw`^(?:how\s+to\s+)?submit(?:ting)?\s+(?:your|a)\s+(?:proposals?|talks?|papers?|abstracts?)$|`,
  String.raw`^submissions?(?:\s+(?:guidelines|process|deadline|instructions))?$|^how\s+to\s+(?:apply|register|participate|attend)$|`,
  String.raw`^code\s+of\s+conduct$|^call\s+for\s+(?:volunteers|speakers|papers|proposals|presentations|participation)$|`,
  String.raw`^(?:(?:speaker\s+)?mentoring|travel|venue|registration|accommodation|sponsors?|organi[sz]ers)(?:\s+[\w-]+){0,2}$`,
);

export interface FormTopic {
  readonly title: string;
  readonly presenter?: string;
}

/** True for a line that only draws a rule or marks a cut ("-----", "%<---snip---"). */
export function isRuleLine(line: string): boolean {
  return line.trim().length >= 3 && RULE.test(line) && !/[\p{L}\d]/u.test(line.replace(/snip|%?[<>]8|8[<>]/gi, ''));
}

/**
 * A document whose headings are mostly the sections of a call for proposals ("Important Dates",
 * "Submit Your Proposal", "Code of Conduct"): the call restated (FOSDEM 2020's Virtualization
 * devroom call, reformatted in a reply to its forward), which proposes nothing.
 */
export function restatesCall(text: string): boolean {
  const lines = text.split('\n');
  return callRestated(lines, topHeadings(lines));
}

/** restatesCall for a text's lines and the line numbers of its top-level headings. */
function callRestated(lines: readonly string[], tops: readonly number[]): boolean {
  const headings = tops.map((i) => lines[i]!.trim());
  return headings.length >= 2 && headings.filter((h) => CALL_SECTION.test(h)).length * 2 > headings.length;
}

/** The topics a reply states as forms or headed documents, in order; a call's sections ("Questions?") are none. */
export function formTopics(text: string): FormTopic[] {
  const lines = text.split('\n');
  const tops = topHeadings(lines);
  const headings = new Set(callRestated(lines, tops) ? [] : tops);
  const out: FormTopic[] = [];
  for (let i = 0; i < lines.length; i++) {
    const field = TITLE_FIELD.exec(lines[i]!) ?? abstractHeading(lines, i);
    if (field) {
      const presenter = presenterBelow(lines, i);
      out.push({ title: field[1]!, ...(presenter ? { presenter } : {}) });
      continue;
    }
    if (headings.has(i) && !CALL_SECTION.test(lines[i]!.trim())) out.push({ title: lines[i]!.trim() });
  }
  return out;
}

/**
 * The talks a chair's announcement states as fields: "Topic   : GUI Programming in Perl/Tk - Intro"
 * over "Speaker : Mr. Raman P" (ILUGC's monthly meet, 2004). Only a title with its speaker below it:
 * a video call's invitation has "Topic: <the meeting's name>" and no speaker.
 */
export function announcedTalks(text: string): Required<FormTopic>[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => {
    const title = TITLE_FIELD.exec(line)?.[1];
    const presenter = title === undefined ? undefined : presenterBelow(lines, i);
    return title !== undefined && presenter !== undefined ? [{ title, presenter }] : [];
  });
}

/** "Speaker: X" or "Presenter: X" within the three lines under a title field (a wrapped title, a blank line). */
function presenterBelow(lines: readonly string[], i: number): string | undefined {
  return lines
    .slice(i + 1, i + 4)
    .map((l) => PRESENTER_FIELD.exec(l)?.[1])
    .find((p) => p !== undefined);
}

/** The line numbers of a document's top-level headings. */
function topHeadings(lines: readonly string[]): number[] {
  // "Commit-Graph Status Report" over "===" with "File Format v2" over "---" under it (git 2019): as in
  // Markdown, "=" marks the topics and "-" their parts, when a document has both.
  const levels = lines.map((_, i) => heading(lines, i));
  const topLevel = levels.includes('=') ? '=' : '-';
  return levels.flatMap((l, i) => (l === topLevel ? [i] : []));
}

/** "Abstract: X" with a "Description:" field within the next five lines: the form's title line. */
function abstractHeading(lines: readonly string[], i: number): RegExpExecArray | null {
  const abstract = ABSTRACT_FIELD.exec(lines[i]!);
  return abstract && lines.slice(i + 1, i + 6).some((l) => DESCRIPTION_FIELD.test(l)) ? abstract : null;
}

/** A setext heading: a short line of words, underlined by "=" or "-" about as long as it; its underline's character. */
function heading(lines: readonly string[], i: number): '=' | '-' | null {
  const line = lines[i]!.trim();
  const under = (lines[i + 1] ?? '').trim();
  if (!/^(?:={3,}|-{3,})$/.test(under) || line === '' || isRuleLine(line)) return null;
  const words = line.split(/\s+/).length;
  const fits = words <= 16 && !/[.,;:]$/.test(line) && Math.abs(under.length - line.length) <= Math.max(4, line.length * 0.7);
  return fits ? (under[0] as '=' | '-') : null;
}
