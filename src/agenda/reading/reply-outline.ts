/**
 * A direct answer to a call for topics written as a list from its first line: "- X\n- Y", or an
 * outline of sections, each a bullet or number whose first sentence names the topic and whose
 * paragraphs under it explain it ("* New thermal trip types. Currently we have ...", "[ depends on
 * the generic trip points ]", "* Improve the step wise governor. ..."; replies to LPC 2023's Power
 * Management MC call). Notes between the sections split the text into several list blocks; the
 * blocks that go on with the first one's marker at its indent (and, numbered, its count) are its
 * sections.
 */
import { listBlocks, type ListBlock } from './list-blocks.js';
import { markerOf } from './list-marker.js';
import { firstSentence, stripGreeting } from './text.js';
import { regex } from '../extract/patterns.js';

// A line holding only a quotation mark: what is left of a passage the writer pasted between quotes.
const QUOTE_MARK_LINE = /^\s*["“”]\s*$/;
// "+ ksummit-discuss@lists.linuxfoundation.org", "+ more folks, explicitly" (clang-built-linux
// 2019): people added to Cc, not topics.
const ADDRESS_ONLY =
  /^[^@]*<?[^\s@<>]+@[^\s@<>]+\.\w+>?\W*$|^(?:(?:a\s+few\s+|some\s+)?more\s+)?(?:folks|people|others|cc'?s?)\b[^.]{0,20}$/i;

/** The topics of a text that is a list (or an outline of sections) from its first line, or none. */
export function openingList(text: string): string[] {
  const body = stripGreeting(text)
    .split('\n')
    .filter((l) => !QUOTE_MARK_LINE.test(l))
    .join('\n');
  const lines = body.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const blocks = listBlocks(body);
  const head = blocks[0];
  if (!head || head.start !== first || head.intro !== '') return [];
  const sections = [head];
  for (const block of blocks.slice(1)) if (continues(lines, sections.at(-1)!, block)) sections.push(block);
  return sections
    .flatMap((b) => b.items)
    .map((i) => sectionTitle(i.text))
    .filter((t) => t !== '' && !ADDRESS_ONLY.test(t));
}

/**
 * True when a reply's own text opens with a list marked as a list in the mail it quotes: the writer
 * goes on with it ("* PEP 328 - absolute/relative import" under a quoted "* PEP 343 implementation",
 * python-dev 2005, deeper in the sprint's thread). Two quoted items at least, the same bullet.
 */
export function continuesQuotedList(text: string, quoted: string): boolean {
  const first = stripGreeting(text)
    .split('\n')
    .find((l) => l.trim() !== '');
  const own = first !== undefined ? markerOf(first) : null;
  if (!own) return false;
  const bullet = own.kind === 'bullet' ? first!.trim()[0] : null;
  const same = quoted.split('\n').filter((l) => {
    const m = markerOf(l);
    return m !== null && m.kind === own.kind && (bullet === null || l.trim()[0] === bullet);
  });
  return same.length >= 2;
}

/** True when `next` goes on with `prev`'s list: the same marker at the same indent, numbers in order. */
function continues(lines: readonly string[], prev: ListBlock, next: ListBlock): boolean {
  const a = markerOf(lines[prev.start]!);
  const b = markerOf(lines[next.start]!);
  if (!a || !b || a.kind !== b.kind || a.indent !== b.indent) return false;
  if (lines[prev.start]!.trim()[0] !== lines[next.start]!.trim()[0] && a.kind === 'bullet') return false;
  return a.kind !== 'number' || b.ordinal === a.ordinal + prev.items.length;
}

/**
 * A section's topic: its heading ("Idle injection and soft IRQs:" over the paragraph), else its
 * first sentence when the item runs on into its explanation.
 */
function sectionTitle(item: string): string {
  if (item.length <= 100) return item;
  const heading = /^([^:.?!]{3,80}):\s/.exec(item);
  if (heading && heading[1]!.split(/\s+/).length <= 8) return heading[1]!;
  return firstSentence(item).replace(/[.!]$/, '');
}

// "I can think of a couple more areas that could do with some consensus on how to implement:" (a
// reply to the Media Summit's request for topics, 2022), then a paragraph per area.
const ANNOUNCES_SEVERAL = regex(
  'i',
  String.raw`\b(?:i|we)\s+(?:can\s+(?:also\s+)?think\s+of|(?:also\s+)?have|(?:'d|would)\s+(?:like\s+to\s+)?(?:add|raise|propose))\s+`,
  String.raw`(?:a\s+couple(?:\s+of)?|a\s+few|some|several|two|three|four|five)\s+(?:more\s+|other\s+|further\s+)?`,
  String.raw`(?:[\w-]+\s+){0,2}?(?:areas|topics|issues|things|items|points|ideas|subjects|problems)\b[^\n]*:\s*$`,
);
// What opens a paragraph of prose rather than naming a topic: "I think ...", "Thanks,".
const PROSE_OPENING =
  /^(?:i|we|you|it|this|that|these|those|there|thanks|thank|just|so|but|and|also|anyway|cheers|regards|in|if|as|for|not|yes|no)\b/i;
const MAX_TOPIC_WORDS = 10;

/**
 * Topics a reply gives one paragraph each, under a sentence announcing several ("a couple more
 * areas ...:"): each paragraph that opens with a short noun phrase ("On-sensor temperature
 * reporting. Thread started by ...", "Lens drivers. Each driver ...") names its topic there.
 */
export function paragraphTopics(text: string): string[] {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim());
  const at = paragraphs.findIndex((p) => ANNOUNCES_SEVERAL.test(p.replace(/\s+/g, ' ')));
  if (at < 0) return [];
  const topics: string[] = [];
  for (const para of paragraphs.slice(at + 1)) {
    if (para === '' || /^>/.test(para) || /^--\s*$/.test(para.split('\n')[0]!)) break;
    const opening = firstSentence(para)
      .replace(/\s*\([^()]*\)/g, '')
      .replace(/\s+(?:for\s+things\s+)?(?:such\s+as|e\.g\.|including)\b.*$/i, '')
      .replace(/[.!:]$/, '')
      .trim();
    const words = opening.split(/\s+/).length;
    if (words <= MAX_TOPIC_WORDS && !/[?,;]/.test(opening) && !PROSE_OPENING.test(opening)) topics.push(opening);
  }
  return topics.length >= 2 ? topics : [];
}
