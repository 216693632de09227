/**
 * Text helpers the rules share: the author's own prose (no diffs, list footers or top-posted
 * originals), lines and list parsing. All loops are bounded by the input; nothing recurses.
 */
import { regex } from './patterns.js';

// A diff's lines (git format): header, hunk markers, file names.
const DIFF_START = /^(?:diff --git |Index: |@@ -\d|\+\+\+ [ab]?\/|--- a\/)/;
const DIFF_BODY = /^(?:[ +\-@\\]|index [0-9a-f]|new file mode|deleted file mode|similarity index|rename (?:from|to)|old mode|new mode|$)/;
// Where a top-posted reply's original begins (Outlook, Lotus, Gmail forwards), or a list footer.
const ORIGINAL_START = regex(
  'i',
  String.raw`^(?:_{8,}\s*$|-{3,}\s*(?:Original Message|Forwarded message)\s*-{3,}|`,
  String.raw`(?:From|Von|De):\s.+\s*$|Begin forwarded message:|`,
  String.raw`-----\s*Forwarded by)`,
);

/** Remove diff hunks (issue 4: diffs are never items). */
export function stripDiffs(text: string): string {
  const out: string[] = [];
  const lines = text.split('\n');
  let inDiff = false;
  for (const line of lines) {
    if (DIFF_START.test(line)) inDiff = true;
    else if (inDiff && !DIFF_BODY.test(line)) inDiff = false;
    if (!inDiff) out.push(line);
  }
  return out.join('\n');
}

/** True when the text carries a diff. */
export function hasDiff(text: string): boolean {
  return /^diff --git |^@@ -\d+(?:,\d+)? \+\d+/m.test(text);
}

/**
 * The author's own text: diffs removed, and everything from a top-posted original or a mailing
 * list footer on (those quote other people without ">" markers).
 */
export function ownProse(bodyText: string): string {
  // U+2028/2029 (line/paragraph separators some mailers emit) and NBSP would defeat the line and
  // word patterns: they become the newline and space they stand for.
  const plain = bodyText
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/\u00a0/g, ' ');
  const lines = stripDiffs(plain).split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (ORIGINAL_START.test(line.trim()) && i > 0) break;
    out.push(line);
  }
  return out.join('\n').trim();
}

/** Drop an opening salutation line ("Hi Ted,", "Hello all,", "Dear community members,"). */
export function stripGreeting(text: string): string {
  return text
    .replace(/^\s*(?:hi|hey|hello|dear|greetings|good (?:morning|afternoon|evening)|all)\b[^\n.!?]{0,40}[,!:]?\s*\n/i, '')
    .replace(/^\s*(?:thanks|thank you|many thanks|cheers)\b[^\n.!?]{0,30}[,!.]?\s*\n/i, '')
    .replace(/^\s*[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2}\s*,\s*\n/u, '') // "Richard,": a greeting by name
    .replace(/^\s*On\s[^\n]{0,80}\d[^\n]*\n/, '') // an attribution line whose "wrote:" the quote splitter missed
    .trim();
}

/** Non-empty lines. */
export function contentLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

/** The first sentence of a text (up to ". ", "? ", "! " or a blank line), whitespace collapsed. */
export function firstSentence(text: string): string {
  const para = text.trim().split(/\n\s*\n/)[0] ?? '';
  const flat = para.replace(/\s+/g, ' ').trim();
  const m = /^(.{10,}?[.!?])(?:\s|$)/.exec(flat);
  return (m ? m[1]! : flat).trim();
}

const MARKER = /^(\s*)([-*•+·o]|\d{1,2}[.)]|\(\d{1,2}\)|[a-z][.)]|\([a-z]\)|[ivx]{1,4}[.)])\s+(\S.*)$/;

interface MarkedLine {
  readonly indent: number;
  readonly kind: 'bullet' | 'number' | 'letter';
  readonly text: string;
  /** Column where the item's text starts. */
  readonly textCol: number;
}

/** A list line: its marker kind, indentation and text; null when the line has no list marker. */
export function markedLine(line: string): MarkedLine | null {
  const m = MARKER.exec(line.replace(/\t/g, '    '));
  if (!m) return null;
  const marker = m[2]!;
  const kind = /\d/.test(marker) ? 'number' : /^[-*•+·o]$/.test(marker) ? 'bullet' : 'letter';
  if (marker === 'o' && !/^\s*o\s{1,3}\S/.test(line)) return null;
  return { indent: m[1]!.length, kind, text: m[3]!.trim(), textCol: m[1]!.length + marker.length + 1 };
}

/**
 * The items of a list that starts at or after line `from` (up to 2 blank lines in between).
 * Wrapped lines join their item; deeper or differently marked lines are sub-points of their item
 * (not items of their own); the list ends at the first unmarked line after a blank line.
 */
export function listAt(lines: readonly string[], from: number): { items: string[]; end: number } {
  let i = from;
  let blanks = 0;
  while (i < lines.length && lines[i]!.trim() === '' && blanks < 3) {
    i++;
    blanks++;
  }
  const first = i < lines.length ? markedLine(lines[i]!) : null;
  if (!first) return { items: [], end: from };
  const items: string[] = [];
  let current: string | null = null;
  let lastBlank = false;
  let inSub = false;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      lastBlank = true;
      continue;
    }
    const mk = markedLine(line);
    if (mk && mk.kind === first.kind && Math.abs(mk.indent - first.indent) <= 1) {
      if (current !== null) items.push(current);
      current = mk.text;
      lastBlank = false;
      inSub = false;
      continue;
    }
    if (mk && mk.indent >= first.indent) {
      inSub = true; // a sub-point of the current item
      lastBlank = false;
      continue;
    }
    if (!mk && !lastBlank && current !== null && !inSub) {
      current = `${current} ${line.trim()}`; // a wrapped line
      continue;
    }
    if (!mk && !lastBlank && inSub) continue; // a wrapped sub-point
    if (!mk && lastBlank && line.search(/\S/) > first.indent) continue; // an indented paragraph under an item
    break;
  }
  if (current !== null) items.push(current);
  return { items, end: i };
}
