/**
 * An agenda written as headings with their points under them (issue 8, "Chairs' lists not seen"):
 *
 *     Please join us if you are interested in the following items:
 *
 *     Information Architecture
 *     - Discuss potential changes to accommodate scalability
 *
 *     FW Update
 *     - Is it possible to have a backend notification ...
 *
 * Each heading is a topic and its bullets are what will be said about it. A heading is a short line
 * of its own, no sentence, right above a list; the first must follow words that introduce topics,
 * each next one the list of the heading before it.
 */
import { introducesTopics } from './intros.js';
import { isSection } from './item-topics.js';
import type { ListBlock } from './list-blocks.js';
import { blank } from './text.js';

const HEADING = /^[\p{Lu}\d][^.:;!?]{1,60}$/u;
const MAX_WORDS = 8;
// "Note that currently I have" right above a list: a sentence running into it, not a heading.
const CLAUSE = /\b(?:I|[Ww]e|[Yy]ou)\b|^(?:Note|Please|See)\b/;

/** The headings of a text's lists that name its topics (see the file comment). */
export function headedTopics(text: string, blocks: readonly ListBlock[]): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  let lastEnd = -1;
  for (const block of blocks) {
    const at = block.start - 1;
    const heading = (lines[at] ?? '').trim();
    if (!HEADING.test(heading) || heading.split(/\s+/).length > MAX_WORDS || CLAUSE.test(heading) || !blank(lines[at - 1])) continue;
    // "Suggested topics based on recent netdev threads include" (netdev 2024): the list's intro.
    if (introducesTopics(heading)) continue;
    // "News", "Upcoming Calendar 📆", "Action Items" over their points (the Jenkins board's draft agenda, 2023):
    // a section of the agenda, which names no subject of its own.
    if (isSection(heading)) continue;
    let j = at - 1;
    while (j >= 0 && blank(lines[j])) j--;
    if (j < 0) continue;
    const before: string[] = [];
    for (let k = j; k >= 0 && !blank(lines[k]) && before.length < 4; k--) before.unshift(lines[k]!.trim());
    if (j !== lastEnd && !introducesTopics(before.join(' '))) continue;
    out.push(heading);
    lastEnd = block.end;
  }
  return out;
}
