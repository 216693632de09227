/**
 * A list written without markers, each item a short line indented under the line that introduces
 * it (the LPC 2019 Live Patching MC's call: "Here's what we initially proposed:", a link, then
 * "     API for state changes made by callbacks [1][2]" and four more lines like it), or three or
 * more such lines at the margin. The items end at a blank line or a change of indent.
 */
import { LINK_LINE } from './text.js';
// "Agenda items?" over the chair's own lines (the kdevops BoF's call, LSF/MM/BPF 2024): a question
// introduces a list as a colon does; the rule reading the list decides whether it names topics.
const INTRO = /[:?]\s*$/;
// "[3] http://syndiemedia.i2p.net:8000/index.jsp?" over the query's wrapped lines (I2P's status notes,
// 2005-11-08): the "?" belongs to the link, which asks nothing.
const ENDS_IN_LINK = /(?:https?|ftp):\/\/\S*$/i;
const INDENTED = /^(?: {2,}|\t)\S/;
// A marked item is list-blocks.ts's to read.
// "1- X" too, a number and a dash typed by hand (list-marker.ts).
const MARKED = /^\s*(?:[-*•+·]|\(?\d{1,2}[.)/]|\d{1,2}-|\(?[a-zA-Z][.)])\s/;
const MAX_ITEM = 100;

export interface IndentedList {
  /** The line that introduces the list. */
  readonly intro: string;
  readonly items: readonly string[];
}

/** The unmarked indented lists of a text, each with its intro line. */
export function indentedLists(text: string): IndentedList[] {
  const lines = text.split('\n');
  const out: IndentedList[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!INTRO.test(lines[i]!) || INDENTED.test(lines[i]!) || ENDS_IN_LINK.test(lines[i]!.trim())) continue;
    let j = i + 1;
    while (j < lines.length && (lines[j]!.trim() === '' || LINK_LINE.test(lines[j]!))) j++;
    // Indented under the intro, or (three or more) at the margin, one title a line: "Here are some
    // ideas for topics:" over "System call filtering and interception", "New seccomp features", ...
    // (LPC 2020's Containers MC call, sent as plain lines).
    const margin = !INDENTED.test(lines[j] ?? '');
    const items: string[] = [];
    for (; j < lines.length && lines[j]!.trim() !== '' && INDENTED.test(lines[j]!) !== margin && !MARKED.test(lines[j]!); j++) {
      const item = lines[j]!.trim();
      if (item.length > MAX_ITEM || LINK_LINE.test(item) || (margin && /[.,;:]$/.test(item))) break;
      items.push(item);
    }
    const ended = j >= lines.length || lines[j]!.trim() === '';
    // "June 7th  - pKVM on x86" lines at the margin are a forward schedule (forward-schedule.ts reads it).
    const paired = margin && items.filter((t) => /\s[-–—]\s/.test(t)).length * 2 >= items.length;
    if (items.length >= (margin ? 3 : 2) && ended && !paired && titleLike(items)) out.push({ intro: lines[i]!, items });
  }
  return out;
}

/**
 * Short lines, each a title: not a quoted paragraph wrapped at the margin ("Wanted to meet and
 * discuss the need for clock id on microchip driver / provided by Ivan, I hope ...", netdev 2025),
 * nor "FS: linux-fsdevel@vger.kernel.org" lines of where to send things (LSF/MM's calls).
 */
function titleLike(items: readonly string[]): boolean {
  const mean = items.reduce((n, t) => n + t.length, 0) / items.length;
  return mean < 50 && !items.some((t) => /@|^[\w/ -]{1,30}:\s/.test(t));
}

// "See you all there!", "Thanks,", "All the best,": the mail's close, where a spaced list ends.
const CLOSING = /^(?:see\s+you|thanks|thank\s+you|all\s+the\s+best|best|cheers|regards|kind\s+regards)\b/i;
// A marked item as above, or "1.Certificate dates beyond 2038" (OpenBMC 2020): a number with no space
// after it marks an item too.
const ITEM_MARK = new RegExp(`${MARKED.source}|^\\s*\\(?\\d{1,2}[.)/](?=[a-z])`, 'i');

/**
 * A list written as one short paragraph per item under its intro, with no markers: "Topics we have
 * tabled for discussion include:" over "Which namespace PEP (382 or 402, if either) is to be
 * accepted for 3.3.", a blank line, "How can the PSF help alternate implementations.", ... (the
 * Python Language Summit's final agenda, 2012). An item of one or two lines; an item heading its own
 * numbered points ("Keyword arguments for functions / methods implemented in C:") is its first
 * line. The list ends at a longer paragraph or the mail's close; three items at least.
 */
export function spacedLists(text: string): IndentedList[] {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.split('\n').filter((l) => l.trim() !== ''));
  const out: IndentedList[] = [];
  for (let k = 0; k < paragraphs.length; k++) {
    const intro = paragraphs[k]!.at(-1) ?? '';
    if (!/:\s*$/.test(intro)) continue;
    const items: string[] = [];
    for (const para of paragraphs.slice(k + 1)) {
      const first = para[0]!.trim();
      const heads = /:\s*$/.test(first) && para.length > 1 && ITEM_MARK.test(para[1]!);
      // "9:30-9:40: Hans Verkuil: Quick introduction", "09:00" alone: a timetable (chair-call.ts reads it).
      if (CLOSING.test(first) || ITEM_MARK.test(first) || LINK_LINE.test(first) || /^\d{1,2}[:.]\d{2}\b/.test(first)) break;
      if (heads) items.push(first.replace(/:\s*$/, ''));
      // "Access, agenda, and notes are in the wiki:" over a link: another intro, where the list ends; so
      // does an aside alone ("(Lisbon timezone)" under "Tuesday 4th & Wednesday 5th June 2024", the Xen
      // Summit's schedule example, 2024).
      else if (/:\s*$/.test(para.at(-1)!) || /^\(.*\)\W*$/.test(para.join(' ').trim())) break;
      else if (para.length <= 2 && para.join(' ').length <= MAX_ITEM * 1.6) items.push(para.map((l) => l.trim()).join(' '));
      else break;
    }
    if (items.length >= 3) out.push({ intro: paragraphs[k]!.join(' '), items });
  }
  return out;
}
