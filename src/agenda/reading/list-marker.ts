/**
 * What marks a line as a list item: a number ("1.", "1)", "(1)", "#1", "C.1)"), a bullet ("-", "*",
 * "•", Outlook's "o") or a letter ("a.", "(b)"), with the column where the item's text starts. Kept
 * apart from list-blocks.ts, which groups marked lines into blocks, because replies' outlines and
 * the deferral rule ask only whether a line is marked.
 */

import { regex } from '../extract/patterns.js';

export type MarkerKind = 'number' | 'bullet' | 'letter';

export interface Marked {
  readonly indent: number;
  /** The column where the item's text starts. */
  readonly textCol: number;
  readonly kind: MarkerKind;
  /** The number or letter, for numbered lists; 0 for bullets. */
  readonly ordinal: number;
  /** The item text on the marker's line ('' when the marker stands alone). */
  readonly text: string;
  /** What follows the item's title on its line, when emphasis closed the title ("*1. Welcome*Opening of ..."). */
  readonly rest?: string;
}

const MARKER = regex(
  'u',
  // "C.1) Any more 4.13 coordination": an item numbered within a section of the agenda (xen-devel 2019).
  // "1- MapServer vision / future direction" (mapserver-dev 2007): a number and a dash, typed by hand.
  // "A1. Update from the new board", "C1. Form Staffing Committee" (the TDF board's agenda, 2024): section and number.
  // "#3 Foo" is the third item; "#428 Retire Amended RECs" an issue's number (W3C, 2020), no "#42" and "8 Retire".
  String.raw`^(\s*)(?:(?:[A-Z]\.?)?(\d{1,2})(?:[.)](?=\s|\p{Lu}|\(|$)|-(?=\s+\p{L}))|\((\d{1,2})\)|`,
  String.raw`#(\d{1,2})(?:[.:)]|(?=\s|$))|([-*•+·▪◦‣o])|`,
  String.raw`([a-hA-H])[.)]|\(([a-hA-H])\))(?:\s*(\S.*))?$`,
);

/**
 * "In my opinion these rules are good in the general case. Things like _end\n- _start and other
 * ..." (xen-devel 2022): a dash in prose that the wrap put at the start of a line. The line before
 * is a long one at the margin that runs on (no colon or stop at its end), no list item of its own,
 * and the words after the dash go on in lower case.
 */
function proseDash(line: string, before: string | undefined): boolean {
  if (before === undefined || !/^-\s+[\p{Ll}_\d]/u.test(line) || /^\s/.test(before) || MARKER.test(before)) return false;
  return before.trim().length >= 60 && /[\p{L}\d_)]$/u.test(before.trimEnd());
}

// "*1. Welcome*Opening of the meeting.", "*3. Review and vote on X*The Board will ..." (the XSF board's
// agendas, 2026: HTML mail's bold headings turned into text): the number and title inside the emphasis.
const BOLD_NUMBER = /^(\s*)[*_]{1,2}((?:[A-Z]\.?)?\d{1,2}[.)]\s+[^*_]+?)[*_]{1,2}(.*)$/;

/** A list marker at the start of a line, or null. "o" counts only when followed by text (Outlook's bullets). */
export function markerOf(line: string, before?: string): Marked | null {
  if (proseDash(line, before)) return null;
  const bold = BOLD_NUMBER.exec(line);
  if (bold) {
    const inner = markerOf(`${bold[1]} ${bold[2]}`);
    return inner && { ...inner, rest: bold[3]!.trim() };
  }
  const m = MARKER.exec(line.replace(/\t/g, '    '));
  if (!m) return null;
  const expanded = line.replace(/\t/g, '    ');
  const text = (m[8] ?? '').trim();
  const indent = m[1]!.length;
  const textCol = text ? expanded.indexOf(text, indent + 1) : indent + 2;
  const num = m[2] ?? m[3] ?? m[4];
  if (num !== undefined) return { indent, textCol, kind: 'number', ordinal: Number(num), text };
  // Only "1.Title" may go without a space: "-foo", "*bold*" and "a.b" are no list items.
  if (text !== '' && !/\s/.test(expanded.charAt(textCol - 1))) return null;
  if (m[5] !== undefined) {
    // A lone "-" is a signature separator or a rule, not a bullet; "o" needs its text.
    if (text === '' || (m[5] === 'o' && !/^\s*o\s{1,3}\S/.test(line))) return null;
    if (m[5] === '-' && /^-{2,}/.test(line.trim())) return null;
    return { indent, textCol, kind: 'bullet', ordinal: 0, text };
  }
  const letter = m[6] ?? m[7];
  if (letter !== undefined && text !== '')
    return { indent, textCol, kind: 'letter', ordinal: letter.toLowerCase().charCodeAt(0) - 96, text };
  return null;
}
