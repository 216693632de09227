/**
 * Which lists in a chair's call state its topics (rule 5, rules/chair-call.ts): introduced as topics
 * or an agenda (intros.ts), and not the call's logistics, the last call's notes, the choices about
 * the call, examples of good topics or what a proposal must hold.
 */
import { introducesTopics, lastSentence, scopesTalks } from './intros.js';
import { listBlocks, type ListBlock } from './list-blocks.js';
import { regex } from '../extract/patterns.js';
import { LINK_LINE } from './text.js';

// Lists in a call that are not its topics: how to join, who attends, the last call's notes and actions.
const NOT_AGENDA = regex(
  'i',
  String.raw`\b(?:dial[- ]?in|join(?:ing)?\s+(?:info|details|the\s+meeting)|phone|access\s+code|`,
  String.raw`meeting\s+(?:id|link|time|details)|attendees|present:|notes|minutes|action\s+items?|`,
  // "Topics from previous meetings have included:" (the 2019 CF workshop's save-the-date): what was.
  String.raw`results?|summary|last\s+(?:time|week|meeting|call)|(?:previous|past|earlier|prior)\s+(?:meetings?|`,
  String.raw`calls?|workshops?|summits?|sessions?|years?)|recordings?|highlights\s+(?:from|of)|`,
  String.raw`time\s*zones?|administrative|conventions?|logistics|housekeeping|guidelines|`,
  // "we have reached some agreement on a number of basic points:" (the first PyPy sprint's call, 2003): settled.
  String.raw`(?:reached|have|came\s+to)\s+(?:some\s+|an?\s+|general\s+)?(?:agreement|consensus)|agreed\s+(?:on|upon)|`,
  // "I have a few proposals for our meeting frequency:": choices about the meetings themselves.
  String.raw`frequency|cadence|(?:meeting|call)\s+(?:schedule|format|slots?)|`,
  // "Please find the schedule of talks listed here. <url>", "whether the session you'd like to attend
  // is:" (Xen Summit 2024): the agenda is elsewhere, and what follows is how to join it.
  String.raw`listed\s+here|(?:can\s+be\s+)?found\s+(?:here|at)|whether|instructions|ground\s+rules|`,
  // "here are some requirements on presenters.", "fine with us so long as:" (the IETF CCAMP chairs, 2004):
  // what a presenter must do, the conditions on a change; no topics.
  String.raw`advice|tips|requirements\s+(?:on|for)|(?:so|as)\s+long\s+as|provided\s+that|on\s+condition)\b`,
);
// A summit's draft agenda may run to thirty topics (LPC 2022's VFIO/IOMMU/PCI MC call had 30);
// longer lists are file lists, changelogs or attendees.
const MAX_TOPICS = 40;

/**
 * A list that states the call's topics: introduced as topics or an agenda ("The current topics:",
 * "The agenda includes:", "I have a couple:"), not the call's logistics or the last call's notes.
 * Other lists in a call are the outline of one topic ("Pro/Con?", "Basically what we need is:").
 */
export function agendaBlock(block: ListBlock): boolean {
  if (block.items.length === 0 || block.items.length > MAX_TOPICS) return false;
  const last = lastSentence(block.intro);
  // "we'll continue the discussion we started last time:" lists this call's topics; only a list
  // about the last call itself (its notes, its actions) is not.
  const continues = /\bcontinue\s+(?:the|our)\s+discussions?\b/i.test(last) ? last.replace(CONTINUED_FROM, '') : last;
  // A call for proposals' own list, however hedged ("Topics of interest include, but are not limited
  // to:", LPC 2026 Containers MC; "Tentative topics ... include (but not limited to)", LPC 2022 VFIO/
  // IOMMU/PCI MC) is the chairs' draft agenda: the chair accepts or rejects each in review.
  // "We would like to discuss current problems in memory management, for example:" (LPC 2022 MM MC):
  // examples of what the chairs want discussed are their suggested topics.
  const examples = EXAMPLES.test(last) && !/\b(?:would\s+like|want|plan|hope)\s+to\s+(?:discuss|cover|talk\s+about)\b/i.test(last);
  // "The minutes are in the link below. ... Highlights:" recaps that meeting; "The agenda for the
  // October 28 meeting will be ... Here are a few highlights:" (the Boot-Time SIG, 2025) previews it.
  const recap = /\bhighlights\b/i.test(last) && NOT_AGENDA.test(block.intro.slice(0, -last.length));
  const excluded = recap || examples || scopesTalks(block.intro) || [OPTIONS, HOW_TO_PROPOSE].some((re) => re.test(last));
  return introducesTopics(block.intro) && !excluded && !NOT_AGENDA.test(continues);
}

/**
 * True when an intro names the call's logistics or the last call's notes ("Action items:" over "AI :
 * Greg will send an e-mail ...", OLPC's roadmap meeting 2008, written one paragraph per item): a list
 * without markers under it is no agenda either.
 */
export function introducesNoAgenda(intro: string): boolean {
  return NOT_AGENDA.test(lastSentence(intro));
}

// "... then we have the option of 1) cancelling or 2) joining to see if anyone brings up topics":
// choices about the call, not its topics.
const OPTIONS = /\b(?:options?|choices?|alternatives?|either)\b(?:\s+(?:of|are|is|here))?\s*:?\s*$/i;
// "Good topics:" over "- bugs you're working on - short code walkthroughs" (bcachefs 2024-04): the kind of
// topic the chair welcomes, not this call's topics.
const EXAMPLES = /\b(?:(?:good|example|sample)\s+topics?|topics?\s+(?:like|such\s+as)|for\s+(?:example|instance)|e\.g\.)\s*:?\s*$/i;

// "Please send us your request for slots to bpf-chairs@ietf.org detailing" over "* Topic and presenter
// info * Requested slot duration" (IETF BPF WG 2023): what a request must hold, not topics.
// "I am reaching out to you asking for:" over "1) Topics your project may want to discuss 2) Whether
// you are willing to participate" (LPC 2021 Toolchains MC): what to answer, not topics.
const HOW_TO_PROPOSE = regex(
  'i',
  String.raw`\b(?:send|submit|mail|e-?mail)\b.*\b(?:detailing|including|with|stating|containing|giving|listing)\s*:?\s*$|`,
  String.raw`\b(?:asking|ask)\s+(?:you\s+|everyone\s+|all\s+)?for\s*:?\s*$`,
);

const CONTINUED_FROM =
  /\b(?:we\s+)?(?:started|had|began)?\s*(?:at\s+|in\s+|from\s+)?(?:the\s+)?(?:last|previous)\s+(?:time|week|meeting|call)\b/gi;

/**
 * Lists standing under an item that only heads them: "* Index" over "1) Net status 2) 0.4.2.6 ..."
 * (I2P's weekly status notes, 2005), "- Agenda:" over its points. The heading is their intro, and
 * its own list (the mail's sections, "* 1) Net status" further down) is no agenda.
 */
export function headedSubLists(block: ListBlock): ListBlock[] {
  return block.items
    .filter((i) => i.detail !== '' && i.text.split(/\s+/).length <= 4 && introducesTopics(i.text))
    .flatMap((i) => listBlocks(i.detail).map((sub) => shifted({ ...sub, intro: i.text }, i.line + 1)));
}

/** A block read from an item's detail, its lines counted in the whole text (the detail starts on the next line). */
function shifted(block: ListBlock, by: number): ListBlock {
  return {
    ...block,
    start: block.start + by,
    end: block.end + by,
    items: block.items.map((i) => ({ ...i, line: i.line + by })),
  };
}

/**
 * A list with no intro of its own under a one-item list that only heads it: "* Index:", a blank
 * line, then "1) 0.4.0.1 2) Threat model updates ..." (I2P's weekly status notes, 2004). The heading
 * item is its intro.
 */
export function withHeadingItemIntros(blocks: readonly ListBlock[], lines: readonly string[]): ListBlock[] {
  return blocks.map((block, k) => {
    const above = blocks[k - 1];
    const heading = above?.items.length === 1 && above.items[0]!.detail === '' ? above.items[0]!.text : '';
    const adjacent = above !== undefined && lines.slice(above.end + 1, block.start).every((l) => l.trim() === '');
    return block.intro === '' && adjacent && /:\s*$/.test(heading) ? { ...block, intro: heading } : block;
  });
}

/**
 * A list the mail's own sections repeat as headings further down ("1) 0.3.2.3, 0.3.3, and the
 * roadmap" at the top, "* 1) 0.3.2.3, 0.3.3, and the roadmap" over its section; I2P 2004): the
 * contents of the mail, which in a chair's call are its topics, whatever (if anything) stands above.
 */
export function listsSections(block: ListBlock, lines: readonly string[]): boolean {
  // From the last item's own line: a section heading right under the list may be read as its detail.
  const below = lines.slice(Math.max(...block.items.map((i) => i.line)) + 1).map((l) => l.replace(/^[\s*#-]*/, '').trim());
  const repeated = block.items.filter((item, n) => below.some((l) => l.startsWith(`${n + 1}) ${item.text}`)));
  return block.items.length >= 2 && repeated.length * 2 > block.items.length;
}

/**
 * A list of links and, after a blank line, the agenda in the same bullets ("accessible at:" over two
 * calendar links, then "* LLVM 13.0 - any pending backport requests?", the LLVM RISC-V sync-up, 2021):
 * two lists. The second has no intro of its own.
 */
export function apartFromLinks(block: ListBlock, lines: readonly string[]): ListBlock[] {
  const links = block.items.findIndex((i) => !LINK_LINE.test(i.text));
  if (links <= 0 || lines[block.items[links]!.line - 1]?.trim() !== '') return [block];
  const after = block.items.slice(links);
  return [
    { ...block, items: block.items.slice(0, links), end: after[0]!.line - 1 },
    { ...block, intro: '', items: after, start: after[0]!.line },
  ];
}

// The chair's mail says it is the agenda: its subject ("Agenda for TDF board meeting on Monday, October
// 2nd", "Invitation and agenda for ...") or its own words ("find below the agenda for our TDF board
// meeting", "here is the agenda", "Here's the agenda for the meeting on Monday", "the agenda is as follows").
const IS_THE_AGENDA = regex(
  'i',
  String.raw`^(?:(?:re|fwd?):\s*)*(?:\[[^\]]*\]\s*)*(?:[\w-]+\s+){0,3}agenda\b|`,
  String.raw`\b(?:find|see)\s+below\s+(?:the|our)\s+(?:[\w-]+\s+)?agenda\b|\bhere(?:\s+is|['’]s)\s+(?:the|our)\s+(?:[\w-]+\s+)?agenda\b|`,
  String.raw`\b(?:the|our)\s+agenda\s+(?:is\s+)?(?:below|as\s+follows)\b`,
);
// A section's heading: a few words on a line of their own ("Public Section", "Proposed motions to discuss").
// No colon: "Prework questions:" over "a) Which subsystems ..." (the 2024 Maintainers Summit's draft agenda)
// introduces what the list is, which agendaBlock reads.
const SECTION_HEADING = /^[\p{L}][\p{L}\d/&' -]{2,50}$/u;

/** The mail says it is the agenda, by its subject or the words it opens with. */
export function saysItIsTheAgenda(subject: string, text: string): boolean {
  return (
    IS_THE_AGENDA.test(subject) ||
    IS_THE_AGENDA.test(
      text
        .split(/\n\s*\n/)
        .slice(0, 3)
        .join(' '),
    )
  );
}

/**
 * A numbered list under a section heading in a mail that says it is the agenda (saysItIsTheAgenda:
 * "Public Section" over "1. Discuss: Answering questions from the community", "Proposed motions to
 * vote" over "C1. Form Staffing Committee", the TDF board's agendas, 2023-2024): a part of that
 * agenda. Bullets under a heading may be anything (links, dial-in), lettered points questions to
 * think about, so only numbered items count.
 */
export function agendaSection(block: ListBlock, isTheAgenda: boolean): boolean {
  const heading = block.intro.trim();
  // "Action Items" heading a list of the posted draft agenda ("Here is the draft agenda", "News", "Action
  // Items" over "• Basil create issue to drop ...", the Jenkins board, 2023): the actions this call takes up,
  // each listed (bulleted or not). Not "Action items from last week:" (the last call's notes).
  if (isTheAgenda && /^(?:\p{Lu}\p{L}*\s+)?action\s+items:?$/iu.test(heading)) return true;
  if (!isTheAgenda || block.kind !== 'number' || !SECTION_HEADING.test(heading) || heading.split(/\s+/).length > 6) return false;
  return !introducesNoAgenda(heading);
}

/**
 * The first numbered list of a mail that says it is the agenda (saysItIsTheAgenda), when no list of it
 * was read as the agenda otherwise: "Here's the agenda for the meeting on Monday. ... you'll see that
 * it's pretty packed." over "1. Intro (5 minutes)", "2. EAPI3 status (10 minutes)" (the Gentoo Council,
 * 2009). Not one whose intro says it is something else (how to join, the last meeting's actions).
 */
export function theAgendaList(blocks: readonly ListBlock[], isTheAgenda: boolean): ListBlock | undefined {
  if (!isTheAgenda) return undefined;
  const first = blocks.find((b) => b.kind === 'number' && b.items.length >= 2 && b.items.length <= MAX_TOPICS);
  const last = first ? lastSentence(first.intro) : '';
  return first && ![NOT_AGENDA, OPTIONS, EXAMPLES, HOW_TO_PROPOSE].some((re) => re.test(last)) ? first : undefined;
}
