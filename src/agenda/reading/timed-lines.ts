/**
 * An agenda written as plain lines, each giving the time it takes and no list marker: "ASON [20
 * minutes]", "Protection and recovery [20 minutes]", "Inter-area/AS TE [75 minutes]" (the IETF CCAMP
 * chairs' outline for San Diego, 2004). Two such lines in a row are an agenda whatever introduces
 * them; the durations say so. Marked items are list-blocks.ts's, clock times timetable-lines.ts's.
 */
import { DURATION } from './annotations.js';
import { markerOf } from './list-marker.js';

// "[20 minutes]", "(5 mins)", "(1h)" as annotations.ts reads them, or "- 10 min", at the end of a line.
const ENDS_IN_DURATION = new RegExp(`(?:${DURATION.source}|\\s[-–—]\\s*\\d{1,3}\\s*min(?:ute)?s?\\.?)\\s*$`, 'i');
const CLOCK = /^\s*\d{1,2}[:.]\d{2}\b/;
// A line of prose runs longer than an agenda entry.
const MAX_LINE = 100;

/** The entries of every run of two or more timed lines, in order. */
export function timedLines(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  let run: string[] = [];
  const close = (): void => {
    if (run.length >= 2) out.push(...run);
    run = [];
  };
  for (const line of lines) {
    const timed =
      ENDS_IN_DURATION.test(line) && line.trim().length <= MAX_LINE && !CLOCK.test(line) && !markerOf(line) && !/^\s*>/.test(line);
    if (timed) run.push(line.trim());
    else close();
  }
  close();
  return out;
}
