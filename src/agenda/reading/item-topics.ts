/**
 * The topics one item of a chair's list stands for. Usually the item itself; but an item that only
 * names people, with their topics as the points under it ("Current responses:" over "- Jiri Pirko /
 * Jacob Keller" and "  + multi PF device with shared resources", netdev 2024, the Driver and H/W APIs
 * Workshop chair's reminder), stands for those points, credited to them; and a section of a
 * recurring call's agenda ("Round-table of completed or ongoing work") for the points under it.
 */
import { listBlocks, type ListItem } from './list-blocks.js';
import { regex } from '../extract/patterns.js';
import { listAt } from './text.js';
import { PEOPLE_ONLY } from './timetable-slots.js';
import { endsWithPresenter } from '../wording/topic-title.js';

/**
 * The topics a list item stands for: its points, by the people it names; the points of a section
 * ("Round-table of completed or ongoing work", "What are people working on?", "Review of action
 * items" over the work to report on, the Boot-Time SIG 2024), nested as written; or the item itself,
 * with the points of a section nested under it ("- ELC boot-time post-mortem" over "  - Status of
 * patches or docs being considered for upstream" and the patches, the Boot-Time SIG 2025).
 */
export function itemTopics(item: ListItem, inSection = false): string[] {
  const who = item.text.trim();
  // "- Review of action items", "- Status of patches or docs being considered for upstream" with
  // nothing under them: the call's standing business, no topic ("Updates on icon changes" is one).
  if (item.detail.trim() === '') return STANDING.test(who) || NO_SUBJECT.test(who) ? [] : [item.text];
  const points = pointsOf(item);
  // Within a section, a heading ending in a colon over its points ("patches in flight:") is one
  // too; elsewhere such a heading keeps its points ("Load balancing:" over "wakeup", "periodic").
  if (isSection(who) || ((inSection || creditsEach(points)) && /:$/.test(who))) {
    const topics = points.filter((p) => !NO_TOPIC.test(p.text.trim())).flatMap((p) => itemTopics(p, true));
    return topics.length ? topics : [item.text];
  }
  if (!PEOPLE_ONLY.test(who)) return [item.text, ...points.filter((p) => isSection(p.text.trim())).flatMap((p) => itemTopics(p, true))];
  const credited = listAt(item.detail.split('\n'), 0).items;
  return credited.length ? credited.map((p) => `${p} (${who})`) : [item.text];
}

// "4) Issues and PRs tagged agenda+" over "4.1) Revising a Rec.", "4.2) ..." (the W3C Process CG's agendas,
// 2020-2021): points numbered within their item are its points like bullets.
const SUB_NUMBERED = /^(\s*)\d{1,2}(?:\.\d{1,2}){1,3}[.)]?\s+(?=\S)/gm;

/**
 * The points under an item, every list of them: an agenda typed by hand sets sibling points at
 * different indents ("     - Tim currently working on:", then "   - boot caching", then
 * "    - Automatically reducing kernel configuration", the Boot-Time SIG 2025), which the list
 * reader takes for lists of their own.
 */
function pointsOf(item: ListItem): ListItem[] {
  return listBlocks(item.detail.replace(SUB_NUMBERED, '$1- ')).flatMap((b) => b.items);
}

/**
 * "2) Small architecture enhancements:" over points that each end with who brings them ("- Acquiring
 * subdevs ... (Tomasz)", the V4L2 brainstorm agenda, linux-media 2011): a heading over topics.
 */
function creditsEach(points: readonly ListItem[]): boolean {
  return points.length >= 2 && points.every((p) => endsWithPresenter(`${p.text}\n${p.detail}`.trim()));
}

/** A section of a recurring call's agenda, or a heading that names no subject of its own ("News", "Status reports"). */
export function isSection(text: string): boolean {
  // "Agenda+ <https://github.com/...> (I think they are mostly old ...)", "Issues and PRs tagged agenda+. Yes/No,
  // take discussion to Github, please." (the W3C Process CG, 2020-2021): the heading without its link, aside or note.
  const heading = text
    .replace(/<[^<>]*>|\([^()]*\)|\p{Extended_Pictographic}/gu, ' ')
    .split(/[.!?](?:\s|$)/)[0]!
    .trim();
  return [text, heading].some((t) => SECTION.test(t) || NO_SUBJECT.test(t) || AGENDA_PLUS.test(t));
}

// A section of a recurring call's agenda, not a topic of its own, when points stand under it.
const SECTION = regex(
  'i',
  String.raw`^(?:review\s+of\s+)?(?:(?:the\s+)?round[- ]?table|status\s+updates?|updates|action\s+items|open\s+items|`,
  String.raw`(?:things|items|topics)\s+to\s+follow\s+up(?:\s+on)?|`,
  // "Other things to discuss, if interest/time:", "Recently Landed Patches:", "Other Updated Patches this
  // week" over their points (the LLVM RISC-V sync-up's agendas, 2019-2020): headings, the points the topics.
  String.raw`(?:other|more|additional|further)\s+(?:things|items|topics|issues|questions)(?:\s+to\s+(?:discuss|cover|talk\s+about))?|`,
  String.raw`(?:other\s+)?(?:recently\s+)?(?:landed|updated|merged|posted|new)\s+patches|`,
  // "Heads up:", "RVV topics", "Patches or bugs to note / briefly discuss:", "Ratified extension patches"
  // over their points (the same sync-up, 2021-2022): what kind of points follow, each its own topic.
  String.raw`heads?[- ]?ups?|(?:[\w.+-]+\s+){0,2}(?:topics|patch(?:es|sets)|prs|pull\s+requests|bugs)(?=\s*(?:[/:,]|or\b|to\b|for\b|$))|`,
  String.raw`what\s+(?:are\s+)?(?:people|folks|you|we)\s+(?:are\s+)?working\s+on)\b[^:]{0,40}[:?]?$`,
);
// "Agenda+", "Issues and PRs tagged agenda+" (W3C groups label the GitHub issues they want on a call "Agenda+").
const AGENDA_PLUS = regex('i', String.raw`^(?:(?:[\w-]+\s+){0,4}(?:tagged|labell?ed|marked)\s+)?agenda\s?\+\s*:?$`);
// The business every call of a series holds, named alone.
// "Review action items from previous meeting", "Approve previous meeting minutes", "appoint meeting chair,
// meeting scribe/secretary", "roll call" (the OSGeo board's agenda, 2017): every meeting's business.
const STANDING = regex(
  'i',
  String.raw`^(?:review\s+(?:of\s+)?)?(?:the\s+)?(?:(?:open|previous|last|pending)\s+)?action\s+items`,
  String.raw`(?:\s+from\s+(?:the\s+)?(?:previous|last)\s+(?:meeting|call))?\s*[:.]?$|^(?:the\s+)?round[- ]?table\b|^roll[- ]?call\b|`,
  // "List the current action items.", "List the next meeting's agenda items." (the Squeak Foundation board, 2006-2007).
  String.raw`^(?:list|set|agree\s+on)\s+(?:the\s+)?(?:(?:current|open|new|next\s+(?:meeting|call|week)'?s?)\s+)?`,
  String.raw`(?:action|agenda)\s+items\b|`,
  String.raw`^(?:approv(?:e|al\s+of)|review)\s+(?:of\s+)?(?:the\s+)?(?:previous|last)\s+(?:meeting'?s?\s+)?minutes\b|`,
  String.raw`^(?:appoint|assign|choose|select|elect|pick)\s+(?:the\s+|a\s+)?(?:meeting\s+)?(?:chair|scribe|secretary|minute[- ]?taker)\b|`,
  // "Agenda bash." (the W3C Process CG's agendas; IETF sessions open with "agenda bashing"): the agenda itself.
  String.raw`^agenda\s+bash(?:ing)?\b`,
);
// "upstream discussion" over "effects of new nbcon console", "Status of patches or docs being
// considered for upstream, or recently upstreamed" over the patches (the Boot-Time SIG 2025): words
// that say what kind of business follows, and none that says what it is about.
const NO_SUBJECT = regex(
  'i',
  String.raw`^(?:(?:upstream(?:ed)?|discussions?|status|updates?|reports?|news|upcoming|calendar|patch(?:es|sets?)?|docs|work|`,
  String.raw`pending|ongoing|on-going|`,
  String.raw`in[- ]flight|in[- ]progress|submissions?|submitted|being|considered|recently|recent|current|open|other|misc|`,
  String.raw`miscellaneous|items|topics|issues|questions|business|follow[- ]?ups?|of|the|and|or|for|to|on|in)[\s,]*)+:?$`,
);
// "Anyone else?", "In particular, are there any patches in flight?", "Are there any other patches in
// flight?": the chair's prompts within a section; "I don't see any recent Issues that should be triaged <link>"
// (the W3C Process CG, 2021): the chair's note that there is nothing.
const NO_TOPIC = regex(
  'i',
  String.raw`^(?:anyone|anybody|anything|any\s+other)\b.{0,20}\?$|^(?:in\s+particular,?\s+)?(?:are|is)\s+there\s+any\b.*\?$|`,
  String.raw`^i\s+(?:don['’]?t|do\s+not)\s+see\s+any\b`,
);
