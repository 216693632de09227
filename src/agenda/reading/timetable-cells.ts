/**
 * A timetable that came from an HTML table turned into text (Xen Summit 2024's schedule mail): each
 * time stands alone on its line, and the entry is the next paragraph, wrapped at the margin, with
 * a link or the room on lines of their own after it:
 *
 *     13:45
 *
 *     The future of Xen Project physical events
 *     <https://design-sessions.xenproject.org/...>
 *
 *     LIBERDADE I
 *
 * Only when two times or more stand alone, so one "10:00" line in prose is no timetable.
 */
import { LINK_LINE } from './text.js';
const TIME_ALONE = /^\s*(\d{1,2})[:.](\d{2})(?:\s*(?:-|–|to)\s*\d{1,2}[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*$/i;

/** The entries under times that stand alone on their lines, in order. */
export function timetableCells(lines: readonly string[]): string[] {
  const at = lines.flatMap((l, i) => {
    const m = TIME_ALONE.exec(l);
    return m && Number(m[1]) <= 23 && Number(m[2]) <= 59 ? [i] : [];
  });
  if (at.length < 2) return [];
  return at.map((i) => paragraphAfter(lines, i)).filter((e) => e !== '');
}

function paragraphAfter(lines: readonly string[], i: number): string {
  let j = i + 1;
  while (j < lines.length && j <= i + 3 && lines[j]!.trim() === '') j++;
  const words: string[] = [];
  for (; j < lines.length && lines[j]!.trim() !== '' && !TIME_ALONE.test(lines[j]!); j++) {
    if (!LINK_LINE.test(lines[j]!)) words.push(lines[j]!.trim());
  }
  return words.join(' ');
}
