/**
 * A direct answer to a call for topics written as a list from its first line: "- X\n- Y", or an
 * outline of sections, each a bullet or number whose first sentence names the topic and whose
 * paragraphs under it explain it ("* New thermal trip types. Currently we have ...", "[ depends on
 * the generic trip points ]", "* Improve the step wise governor. ..."; replies to LPC 2023's Power
 * Management MC call). Notes between the sections split the text into several list blocks; the
 * blocks that go on with the first one's marker at its indent (and, numbered, its count) are its
 * sections.
 */
import { listBlocks, markerOf, type ListBlock } from './list-blocks.js';
import { firstSentence, stripGreeting } from './text.js';

// A line holding only a quotation mark: what is left of a passage the writer pasted between quotes.
const QUOTE_MARK_LINE = /^\s*["“”]\s*$/;
// "+ ksummit-discuss@lists.linuxfoundation.org": people added to Cc, not topics.
const ADDRESS_ONLY = /^[^@]*<?[^\s@<>]+@[^\s@<>]+\.\w+>?\W*$/;

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
