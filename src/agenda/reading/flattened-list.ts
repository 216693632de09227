/**
 * A list flattened into one paragraph ("The current topics 1. X. 2. Y. 3. Z.", what a mailer's
 * reflow leaves of a list; "(A) X, (B) Y"), read as a list block (list-blocks.ts).
 */
import type { ListBlock } from './list-blocks.js';
import { blank } from './text.js';

// "… topics 1. X. 2. Y." or "(A) X, (B) Y": at least two items numbered 1, 2, … (or lettered A, B, …)
// in order within one paragraph. "Two primary topics for this meeting will be: a) X, and b) Y." (Open
// MPI devel 2013, the developer meeting's announcement): a letter with only its closing parenthesis.
const INLINE_NUMBER = /(?:^|\s)(\d{1,2})[.)]\s+(?=\S)/g;
const INLINE_LETTER = /(?:^|\s)\(?([A-Ha-h])\)\s+(?=\S)/g;

/** A numbered list flattened into the paragraph that starts at line i, or null. */
export function flattenedList(lines: readonly string[], i: number): ListBlock | null {
  if (i > 0 && !blank(lines[i - 1])) return null; // only at a paragraph's start
  let end = i;
  while (end + 1 < lines.length && !blank(lines[end + 1])) end++;
  const joined = lines.slice(i, end + 1).join('\n');
  const lineStarts = new Set([0, ...[...joined.matchAll(/\n\s*/g)].map((m) => m.index + m[0].length)]);
  const para = joined.replace(/\n/g, ' ');
  const sequence = (re: RegExp, ordinal: (s: string) => number): { n: number; at: number; textAt: number }[] => {
    const found: { n: number; at: number; textAt: number }[] = [];
    for (const m of para.matchAll(re)) {
      const n = ordinal(m[1]!);
      const at = m.index + (m[0].length - m[0].trimStart().length);
      if (n === found.length + 1) found.push({ n, at, textAt: m.index + m[0].length });
      // "... the same as last weeks, but with 01) replaced." and then "01) Agree on meeting chair" opening a
      // line (the OpenEmbedded TSC's agenda, 2011): the number in the sentence only names an item.
      else if (n > 0 && n === found.length && lineStarts.has(at) && !lineStarts.has(found[n - 1]!.at))
        found[n - 1] = { n, at, textAt: m.index + m[0].length };
    }
    return found;
  };
  const numbers = sequence(INLINE_NUMBER, Number);
  const starts = numbers.length >= 2 ? numbers : sequence(INLINE_LETTER, (l) => l.toLowerCase().charCodeAt(0) - 96);
  // Items that each start a line are an ordinary list (blockAt reads it, sub-points and all).
  if (starts.length < 2 || starts.every((s) => lineStarts.has(s.at))) return null;
  const items = starts.map((s, k) => ({
    text: para
      .slice(s.textAt, k + 1 < starts.length ? starts[k + 1]!.at : undefined)
      .replace(/\s+/g, ' ')
      .replace(/[,;]\s*(?:and\s*)?$/, '')
      .trim(),
    detail: '',
    line: i,
  }));
  return { kind: 'number', intro: para.slice(0, starts[0]!.at).replace(/\s+/g, ' ').trim(), items, start: i, end };
}
