/**
 * The one printer (notmuch's sprinter): every read command emits records through it, as text,
 * JSON (one document), or JSON lines. Colour only on a TTY and never with NO_COLOR set.
 *
 * Text from mail never reaches the terminal raw (issue 13, item 3): a text formatter is handed
 * a copy of its record with every string made safe (terminal-text.ts; a record is one row, so a
 * line feed in it is shown as ␊ too), and whatever the command prints goes through a last screen
 * that lets only the printer's own colours through. JSON keeps the data: JSON escapes control
 * characters, and the few a terminal may act on that JSON.stringify leaves are \u-escaped.
 */
import { safeDeep, safeJson, screenText } from './terminal-text.js';

export type OutputFormat = 'text' | 'json' | 'jsonl';

export interface Printer {
  readonly format: OutputFormat;
  readonly color: boolean;
  /** A JSON document (json), a line per item (jsonl), or formatted text lines (text), one row per item. */
  records<T>(items: Iterable<T>, text: (item: T) => string): void;
  /** One object: JSON as is; text through the formatter (its strings may span lines: a body). */
  object<T>(item: T, text: (item: T) => string): void;
  /** A line of text; no colours. */
  line(text: string): void;
  /** Text as it is (styled with `styles(printer.color)`): prompts, interactive screens. */
  write(text: string): void;
}

export function makePrinter(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  format: OutputFormat,
  env: NodeJS.ProcessEnv = process.env,
): Printer {
  const color = format === 'text' && stream.isTTY === true && !env.NO_COLOR;
  const out = (s: string): void => void stream.write(s);
  const text = (s: string): void => out(screenText(s, color));
  return {
    format,
    color,
    records(items, format_) {
      if (format === 'json') {
        out('[');
        let first = true;
        for (const item of items) {
          out((first ? '' : ',\n') + safeJson(JSON.stringify(item)));
          first = false;
        }
        out(']\n');
      } else if (format === 'jsonl') {
        for (const item of items) out(safeJson(JSON.stringify(item)) + '\n');
      } else {
        for (const item of items) text(format_(safeDeep(item, false)) + '\n');
      }
    },
    object(item, format_) {
      if (format === 'text') text(format_(safeDeep(item)) + '\n');
      else out(safeJson(JSON.stringify(item, null, format === 'json' ? 2 : 0)) + '\n');
    },
    line(s) {
      out(screenText(s, false) + '\n');
    },
    write(s) {
      text(s);
    },
  };
}

/** ANSI styles that disappear when colour is off. */
export function styles(color: boolean) {
  const wrap = (code: string) => (s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { bold: wrap('1'), dim: wrap('2'), yellow: wrap('33'), green: wrap('32'), red: wrap('31'), cyan: wrap('36') };
}
