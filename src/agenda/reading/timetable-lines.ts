/**
 * A call's timetable: "10:30 Regression tracking (Thorsten)", "9:00 - 9:30 Welcome", an entry's
 * wrapped lines, a slot whose topics are the bullets under a presenter's name (timetable-slots.ts),
 * and cells of a table (timetable-cells.ts). The chair's call (rules/chair-call.ts) reads its
 * topics here; what is logistics among them it filters itself.
 */
import { timetableCells } from './timetable-cells.js';
import { slotOverList } from './timetable-slots.js';
import { listAt } from './text.js';

// A timetable line: "10:30 Regression tracking (Thorsten)", "9:00 - 9:30 Welcome".
// "4.20, and the next step is ..." (a kernel version wrapped to the start of a line) is no time.
const TIMETABLE = /^\s*(\d{1,2}[:.]\d{2})(?:\s*(?:-|–|to)\s*\d{1,2}[:.]\d{2})?(?![,;])\s*(?:[-–:|]\s*)?(\S.*)$/;
/**
 * Every timetable entry of the text, in order, each with its presenter last ("Topic (Presenter)").
 * `placeholder` tells a slot's list entries that hold a place and name no topic ("- others?").
 */
export function timetableTopics(lines: readonly string[], placeholder: RegExp): string[] {
  const timetable: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    // "We will welcome you from\n08:30 in "Salle Courants", ..." (libcamera 2026): a sentence the wrap
    // broke before a time, not a timetable line.
    const timed = WRAPPED_PROSE.test(lines[i - 1] ?? '') ? null : TIMETABLE.exec(lines[i]!);
    // "16:00 - 17:00 UTC", "7:30AM CST", "08:00 PST (San Francisco)": times of the call, not a timetable.
    if (
      timed &&
      validTime(timed[1]!) &&
      !/^(?:[aApP]\.?[mM]\.?\b|\+\d|[A-Z]{2,5}\b(?:\s*$|\s*[(,-]|\s+\())/.test(timed[2]!) &&
      !/\b(?:UTC|GMT)\b/.test(timed[2]!) &&
      // "16:00 - 17:00 British time", "10:00 Pacific time": when the call is.
      !/^(?:[\p{L}-]+\s+){0,2}time(?:\s*zone)?\b/iu.test(timed[2]!)
    ) {
      // "9:25-10:00: Steve Cho:" and the topics in bullets under the name: each is the person's.
      // "9:10 Mauro Carvalho Chehab" over "- Better integration between DVB and V4L2" (V4L/DVB mini-summit 2013).
      const by = slotOverList(lines, i, timed[2]!.trim());
      if (by === null) {
        timetable.push(timetableEntry(lines, i, timed[2]!));
        continue;
      }
      // Its list ends at the next time ("10:00 Break"); "- others?" under it asks for more, it names none.
      const items = listAt(lines.slice(0, nextTimed(lines, i + 1)), i + 1).items.filter((t) => !placeholder.test(t.trim()));
      timetable.push(...items.map((t) => (by ? `${t} (${by})` : t)));
    }
  }
  timetable.push(...timetableCells(lines));
  return presentersLast(timetable);
}

// A long line of prose at the margin that runs on (no stop, colon or bracket at its end; "i.e." and "e.g."
// stop no sentence: "... one hour later than usual, i.e.\n21:00 in western Europe", the Gentoo Council 2010).
const WRAPPED_PROSE = /^\S.{48,}(?:[\p{L},]|\b(?:i\.e|e\.g)\.)$/u;

/** A timetable entry with its wrapped continuation lines (indented past the time). */
function timetableEntry(lines: readonly string[], i: number, first: string): string {
  let entry = first.trim();
  for (let j = i + 1; j < lines.length && j < i + 4; j++) {
    const next = lines[j]!;
    if (next.trim() === '' || TIMETABLE.test(next) || !/^\s{4,}\S/.test(next)) break;
    if (/^\s*\(/.test(next)) continue; // "(streaming available ...)": a note, not the title
    entry = `${entry} ${next.trim()}`;
  }
  return entry;
}

// "Jai Luthra: Per-stream V4L2 controls", "Hans de Goede: ...": a person's name before the topic.
const PRESENTER_FIRST =
  /^(\p{Lu}[\p{Ll}'’-]+(?:\s+(?:de|van|von|der|den|da|di|del|du|dos|le|la|ter|ten)){0,2}(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}):\s+(\S.*)$/u;

/** The index of the first timetable line from `from` on (or the end). */
function nextTimed(lines: readonly string[], from: number): number {
  for (let j = from; j < lines.length; j++) if (TIMETABLE.test(lines[j]!)) return j;
  return lines.length;
}

/**
 * A timetable that writes "Presenter: Topic" on its lines (the Linux Media Summit's agendas):
 * the topic is what follows the name, and the name is its presenter, written "Topic (Presenter)"
 * as topic-title.ts reads it. Only when two lines or more agree, so one "Media CI: status" line
 * keeps its words.
 */
function presentersLast(entries: readonly string[]): string[] {
  if (entries.filter((e) => PRESENTER_FIRST.test(e)).length < 2) return [...entries];
  return entries.map((e) => e.replace(PRESENTER_FIRST, (_all, name: string, topic: string) => `${topic} (${name})`));
}

/** "10:30" is a time of day; "50:50 odds" is not. */
function validTime(hhmm: string): boolean {
  const [h, m] = hhmm.split(/[:.]/).map(Number) as [number, number];
  return h <= 23 && m <= 59;
}
