/**
 * Lists in mail, read by their structure rather than by one intro phrase (issue 8, "Chairs' lists
 * not seen"): numbered, bulleted or lettered items; a number alone on its line with the text after a
 * blank line (HTML mail turned into text does that); items wrapped over several lines; sub-points
 * (deeper or differently marked) that belong to their item; a numbered item's paragraphs at the
 * margin up to the next number; and a list flattened into one paragraph ("The current topics 1. X.
 * 2. Y. 3. Z.", what a mailer's reflow leaves of a list; flattened-list.ts reads it).
 * Each block keeps the words that introduce it, so a rule can tell "Agenda:" from "Dial-in:". Loops
 * are bounded by the input; nextNumberIs looks at most DESCRIPTION_LINES ahead, and only
 * categoriesOpened reads a list again, its items' shorter detail.
 */

import { flattenedList } from './flattened-list.js';
import { markerOf, type Marked, type MarkerKind } from './list-marker.js';
import { blank } from './text.js';

export interface ListItem {
  /** The item's first paragraph, wrapped lines joined. */
  readonly text: string;
  /** Sub-points and further paragraphs under it. */
  readonly detail: string;
  /** Index of the item's first line in the text's lines. */
  readonly line: number;
}

export interface ListBlock {
  readonly kind: MarkerKind;
  /** What introduces the list: the text before it in its paragraph, else the last line before it. */
  readonly intro: string;
  readonly items: readonly ListItem[];
  /** First and last line (inclusive) of the block. */
  readonly start: number;
  readonly end: number;
}

// A line this much shorter than a mail's wrap width (72-80 columns) was not wrapped: it ends there.
const SHORT = 40;
const shortLine = (line: string): boolean => line.trim().length < SHORT;
// A line at least this long ran on to the next when the mailer wrapped it.
const WRAPPED = 60;
/**
 * The mailer wrapped this line: 60 columns or more (near a mail's wrap width) and no stop at its end. "- Recent
 * discussion of CVEs that apply to OpenBMC" (49, OpenBMC 2019) is an item's own short line; the line under it is no wrap.
 */
const ranOn = (line: string): boolean => line.trim().length >= WRAPPED && /[\p{L}\d,]$/u.test(line.trimEnd());

// "Rationale: ...", "Supporting material: ...", "Proposed by Paolo Vecchi 2024-03-28": a field of the item above.
const FIELD_LINE = /^\p{Lu}\p{Ll}+(?: \p{Ll}+){0,2}:\s|^(?:Proposed|Submitted|Presented|Requested|Raised)\s+by\s+\p{Lu}/u;

/** Every list block in a text, in order (line-structured ones and lists flattened into a paragraph). */
export function listBlocks(text: string): ListBlock[] {
  const lines = text.replace(/\r/g, '').split('\n');
  const blocks: ListBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = markerOf(lines[i]!, lines[i - 1]);
    if (!first) {
      const flat = flattenedList(lines, i);
      if (flat) {
        blocks.push(flat);
        i = flat.end;
      }
      continue;
    }
    const block = blockAt(lines, i, first);
    blocks.push(block);
    i = block.end;
  }
  return blocks;
}

/** How many blank lines stand right before line j. */
function blanksBefore(lines: readonly string[], j: number): number {
  let n = 0;
  while (j - n - 1 >= 0 && blank(lines[j - n - 1])) n++;
  return n;
}

/** The paragraph starting at line j is followed, after a blank line, by an item like the first. */
function itemAfterParagraph(lines: readonly string[], j: number, first: Marked): boolean {
  let k = j;
  while (!blank(lines[k])) k++;
  while (k < lines.length && blank(lines[k])) k++;
  const mk = k < lines.length ? markerOf(lines[k]!, lines[k - 1]) : null;
  return mk?.kind === first.kind && mk.indent === first.indent;
}

/** The next item at the list's margin within a few paragraphs after line j has the number `next`. */
function nextNumberIs(lines: readonly string[], j: number, first: Marked, next: number): boolean {
  for (let k = j; k < lines.length && k < j + DESCRIPTION_LINES; k++) {
    if (/^--\s*$/.test(lines[k]!)) return false; // the signature
    const mk = markerOf(lines[k]!, lines[k - 1]);
    if (mk?.kind === first.kind && Math.abs(mk.indent - first.indent) <= 1) return mk.ordinal === next;
    if (subNumberOf(lines[k]!) === next - 1) return true; // the item's own next point ("4.2)" under "4)")
  }
  return false;
}
// A point numbered within its item ("1.1.", "3.2.1.", "1.3  Who wants to chair?"): two or more numbers
// joined by dots, then a stop, a bracket or a wide gap before the words.
const SUB_NUMBER = /^\s*(\d{1,2})(?:\.\d{1,2}){1,3}(?:[.)]\s*|\s{2,}|\t)\S/;
/** The number of the item a point numbered within it belongs to ("4" of "4.1) Revising a Rec."), or undefined. */
const subNumberOf = (line: string): number | undefined => {
  const m = SUB_NUMBER.exec(line);
  return m ? Number(m[1]) : undefined;
};
// A heading: a few capitalised words, no stop ("Action Items", "Upcoming Calendar 📆").
const HEADING = /^\p{Lu}[\p{L}\d'&/-]*(?:\s+\p{Lu}[\p{L}\d'&/-]*){0,3}(?:\s+\p{Extended_Pictographic})?$/u;
// How far down a numbered item's description may run before the next number.
const DESCRIPTION_LINES = 25;

/** The block that starts with the marked line i. */
function blockAt(lines: readonly string[], i: number, first: Marked): ListBlock {
  const items: { text: string[]; detail: string[]; line: number; textCol: number; indent: number; ordinal: number }[] = [];
  let current: (typeof items)[number] | null = null;
  let lastBlank = false;
  let inDetail = false;
  let sub = 0; // the last point of a numbered sub-list written at the list's own margin
  let subIndent = -1; // where that sub-list's numbers stand
  let end = i;
  let j = i;
  for (; j < lines.length; j++) {
    const line = lines[j]!;
    if (blank(line)) {
      lastBlank = true;
      continue;
    }
    // "  1.1. Make sure somebody is logging", "    3.2.1. Should we make a quick EAPI bump?" set in under "1. Intro
    // (5 minutes)" (the Gentoo Council's agendas, 2009): a numbered item's own numbered points. At the items'
    // margin ("1.1) timestamper" under "1) 0.3.4.3 status", I2P's weekly index, 2004) they are entries of the index;
    // but after a blank line, with the item's own number ("4.1) Revising a Rec." under "4) Issues and PRs tagged
    // agenda+", the W3C Process CG, 2020), its points, up to the next item.
    const itemOf = subNumberOf(line);
    const setIn = line.search(/\S/) > first.indent || (lastBlank && itemOf === current?.ordinal);
    if (current && first.kind === 'number' && itemOf !== undefined && setIn) {
      current.detail.push(line.trim());
      [inDetail, lastBlank, end] = [true, false, j];
      continue;
    }
    const mk = markerOf(line, lines[j - 1]);
    // A bullet two columns deeper than the item before is its sub-point, even when it is within a
    // column of the first item's margin ("   - What ideas ...", "  - Status of patches", "    - print
    // initlevel", the Boot-Time SIG 2025); a column's wobble is none (" - DSP framework", "  - SOF
    // integration", the audio miniconference's schedule, 2019; " 9." over "10.").
    const deeper = current !== null && first.kind === 'bullet' && mk !== null && mk.indent - current.indent >= 2;
    // "10) Definitive guidelines for ... This should address:" over "1) Where to define toolchains", "2) ..."
    // (the OpenEmbedded TSC's agenda, 2011): numbers starting again under an item's colon are its points.
    const last = current?.detail.at(-1) ?? current?.text.at(-1) ?? '';
    // So are they right under an item's description, no blank line between ("*3. Jabber Trademark Sublicensing
    // Program*" over its context, "Key points", "1. Is there any current demand?", the XSF board, 2026).
    const restarts =
      first.kind === 'number' &&
      mk?.kind === 'number' &&
      (current?.ordinal ?? 0) > 1 &&
      mk.ordinal === 1 &&
      (/:\s*$/.test(last) || (inDetail && !lastBlank));
    // A restarted list set in from the items' margin goes on at its own indent, though its next number is
    // the next item's (" 1. Council approves GLEP58." ... " 3. Old Portage versions still work" under "2.
    // GLEP 58 (5 minutes)", the Gentoo Council's agenda, 2010).
    const goesOn = mk !== null && mk.indent === subIndent && subIndent !== first.indent;
    if (current && mk && (restarts || (sub > 0 && mk.ordinal === sub + 1 && (mk.ordinal !== current.ordinal + 1 || goesOn)))) {
      if (restarts) subIndent = mk.indent;
      current.detail.push(line.trim());
      sub = mk.ordinal;
      [inDetail, lastBlank, end] = [true, false, j];
      continue;
    }
    if (mk && mk.kind === first.kind && Math.abs(mk.indent - first.indent) <= 1 && !deeper) {
      sub = 0;
      current = { text: mk.text ? [mk.text] : [], detail: [], line: j, textCol: mk.textCol, indent: mk.indent, ordinal: mk.ordinal };
      items.push(current);
      lastBlank = false;
      // Emphasis closed the title ("*1. Welcome*Opening of the meeting."): what follows describes it.
      inDetail = mk.rest !== undefined;
      if (mk.rest) current.detail.push(mk.rest);
      end = j;
      continue;
    }
    const indent = line.search(/\S/);
    // A number at a bulleted list's own margin after a blank line goes on with the outline around
    // it ("- Other potential solution?", then "2." of the sections, LPC 2023); lettered points under
    // a numbered item ("1. ...", "a. ...", OpenBMC 2019) are its sub-points.
    const outer = mk !== null && lastBlank && mk.indent === first.indent && first.kind === 'bullet' && mk.kind === 'number';
    if (current && mk && mk.indent >= first.indent && !outer) {
      current.detail.push(' '.repeat(Math.max(0, indent - current.textCol)) + line.trim()); // a sub-point, nested as written
      inDetail = true;
      lastBlank = false;
      end = j;
      continue;
    }
    if (current && !mk) {
      // "1." alone, its text after a blank line (HTML mail turned into text); not a line that
      // introduces what follows ("Access, agenda and notes are in the wiki:") after an empty "1.",
      // unless it stands right under the number: "1.\nIdle injection and soft IRQs:" heads a section.
      const heading = blanksBefore(lines, j) === 0 || !/:\s*$/.test(line);
      if (current.text.length === 0 && blanksBefore(lines, j) <= 2 && heading) {
        current.text.push(line.trim());
        lastBlank = false;
        end = j;
        continue;
      }
      // "Access, agenda, and notes are in the wiki:" at the margin right under the last item
      // introduces what follows (a reminder quoted without its blank lines, OpenBMC 2019).
      // Not the last line of a wrapped item ("... See recent" over "threads on the Security list:", XMPP Summit 2009).
      if (!lastBlank && indent < current.textCol && /:\s*$/.test(line) && !inDetail && !ranOn(lines[j - 1]!)) break;
      // "Action Items" left of a list set in from the margin, the next item right under it (a draft agenda
      // pasted from a document, its headings at the margin: the Jenkins board, 2023): a heading, no wrap.
      if (!lastBlank && indent < first.indent && HEADING.test(line.trim()) && markerOf(lines[j + 1] ?? '')?.indent === first.indent) break;
      if (!lastBlank) {
        // A wrapped line lines up with the item's text (or the margin); one indented past it
        // starts the item's description ("* Topic\n    What we would discuss ..."), and so does a
        // sentence at the margin under a short item, which no wrap made ("- Rule 18.3\nIn my
        // opinion these rules are good", xen-devel 2022).
        if (!inDetail && indent > current.textCol + 1 && current.text.length > 0) inDetail = true;
        if (!inDetail && indent < current.textCol && shortLine(lines[j - 1]!) && /^\p{Lu}\p{Ll}/u.test(line.trim())) inDetail = true;
        // "Rationale: Give an update ...", "Summary: ...", "Supporting material: ..." at the margin under
        // "A1. Update from the new board (10 minutes)" (the TDF board's agenda, 2024): the item's fields.
        // ("    Rationale: Provide an opportunity ...", set in under "1. Q&A: ...", the same board in 2020: at any indent.)
        if (!inDetail && current.text.length > 0 && FIELD_LINE.test(line.trim())) inDetail = true;
        (inDetail ? current.detail : current.text).push(line.trim());
        end = j;
        continue;
      }
      // An indented paragraph under the item; or, in a list set in from the margin, one at the markers'
      // indent that another item follows (" * External Device Models", " I know this ...", qemu-devel 2022).
      // A numbered item's paragraphs at the margin, up to the next number ("1) Multimedia Linux Remote
      // Controllers – Jarod Wilson – 35 mins", its description, "Should include the following sub-themes:"
      // and their bullets, then "2) Videobuf2 ...", the V4L/DVB miniconf's schedule, LPC 2010).
      const described = first.kind === 'number' && indent === first.indent && nextNumberIs(lines, j, first, current.ordinal + 1);
      if (indent > first.indent || (indent === first.indent && indent > 0 && itemAfterParagraph(lines, j, first)) || described) {
        current.detail.push(line.trim());
        inDetail = true;
        lastBlank = false;
        end = j;
        continue;
      }
    }
    break;
  }
  const joined = items
    .filter((it) => it.text.length > 0)
    .map((it) => ({ text: it.text.join(' ').replace(/\s+/g, ' ').trim(), detail: it.detail.join('\n'), line: it.line }));
  const numbered = first.kind === 'number' ? splitRunOn(joined, first.ordinal) : joined;
  return { kind: first.kind, intro: introBefore(lines, i), items: categoriesOpened(numbered, first.kind), start: i, end };
}

/**
 * "* PCI:" over "- Data Object Exchange (DOE)", "- Peer-to-Peer DMA", "* VFIO:" over its own points
 * (LPC 2022's VFIO/IOMMU/PCI MC call), or an outline of lettered sections ("A. Scalability" over
 * "- Lockless page cache", OLS 2006's NUMA BoF): when every item is a short heading (ending in a
 * colon, or a lettered section's name) with points under it, the points are the list's items.
 */
function categoriesOpened(items: readonly ListItem[], kind: MarkerKind): readonly ListItem[] {
  const heading = (it: ListItem): boolean =>
    (/:$/.test(it.text) || (kind === 'letter' && /^\p{Lu}/u.test(it.text) && !/[.!?,;]$/.test(it.text))) &&
    it.text.split(/\s+/).length <= 4;
  if (items.length === 0 || !items.every(heading)) return items;
  const opened = items.map((it) => ({ it, points: listBlocks(it.detail).flatMap((b) => b.items) }));
  if (opened.some((o) => o.points.length === 0)) return items;
  return opened.flatMap((o) => o.points.map((p) => ({ text: p.text, detail: p.detail, line: o.it.line })));
}

/**
 * "1. X. 2. Y. 3. Z." on one line of a numbered list (a mailer's reflow): the next numbers in order
 * start items of their own.
 */
function splitRunOn(items: readonly ListItem[], firstOrdinal: number): ListItem[] {
  const out: ListItem[] = [];
  let next = firstOrdinal;
  for (const item of items) {
    next++;
    let rest = item.text;
    let detail = item.detail;
    for (;;) {
      const at = new RegExp(`(?:^|\\s)${next}[.)]\\s*(?=\\S)`).exec(rest);
      if (!at || at.index === 0) break;
      out.push({ text: rest.slice(0, at.index).trim(), detail: '', line: item.line });
      rest = rest.slice(at.index + at[0].length).trim();
      next++;
    }
    out.push({ text: rest, detail, line: item.line });
    detail = '';
  }
  return out;
}

/**
 * The text introducing a list at line i: the paragraph's lines before it (up to six: "Here is a one
 * liner for each subject ..." may open a paragraph of five, OLS 2006), else the last non-blank line.
 */
function introBefore(lines: readonly string[], i: number): string {
  const out: string[] = [];
  let j = i - 1;
  while (j >= 0 && blank(lines[j])) j--;
  for (let n = 0; j >= 0 && !blank(lines[j]) && n < 6; j--, n++) {
    if (markerOf(lines[j]!)) break;
    out.unshift(lines[j]!.trim());
  }
  return out.join(' ').replace(/\s+/g, ' ').trim();
}
