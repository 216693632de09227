/**
 * A table of who brings which topic, one row a line: the name, a tab (or a run of spaces), the
 * topic ("Alex Elder<TAB>Upstream maintainer for XFS, general discussion on FS/IO", under "Current
 * Filesystem Topics:" in the LSF10/MM committee's summary, 2010). Two rows or more make a table;
 * the line above the first row introduces it.
 */
import { blank } from './text.js';

// One to three capitalised words ("FUJITA Tomonori", "Coly Li"), then the column gap.
const ROW = /^(\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,2})(?:\t+| {2,})(\S.*)$/u;

export interface PresenterTable {
  /** The line right above the table. */
  readonly intro: string;
  readonly rows: readonly { readonly presenter: string; readonly topic: string }[];
}

/** The presenter/topic tables of a text, each with the line that introduces it. */
export function presenterTables(text: string): PresenterTable[] {
  const lines = text.split('\n');
  const out: PresenterTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!ROW.test(lines[i]!)) continue;
    let j = i;
    const rows: { presenter: string; topic: string }[] = [];
    for (; j < lines.length && ROW.test(lines[j]!); j++) {
      const m = ROW.exec(lines[j]!)!;
      rows.push({ presenter: m[1]!, topic: m[2]!.trim() });
    }
    let k = i - 1;
    while (k >= 0 && blank(lines[k])) k--;
    if (rows.length >= 2) out.push({ intro: k >= 0 ? lines[k]!.trim() : '', rows });
    i = j - 1;
  }
  return out;
}
