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
  /** Records already serialized as JSON (search: built by SQLite), printed as records() prints objects (json or jsonl only). */
  jsonRecords(texts: Iterable<string>): void;
  /** One object: JSON as is; text through the formatter (its strings may span lines: a body). */
  object<T>(item: T, text: (item: T) => string): void;
  /** A line of text; no colours. */
  line(text: string): void;
  /** Text as it is (styled with `styles(printer.color)`): prompts, interactive screens. */
  write(text: string): void;
}

/** Records go out in chunks of about this many characters: one write per row was a system call per row (issue 9). */
const CHUNK = 16 * 1024;

/** Records joined as the format has them ('[' a ',\n' b ']', or a line each), written a chunk at a time. */
function chunked(format: OutputFormat, write: (s: string) => void): { add(record: string): void; end(): void } {
  let chunk = format === 'json' ? '[' : '';
  let first = true;
  return {
    add(record) {
      chunk += format === 'json' ? (first ? '' : ',\n') + record : record + '\n';
      first = false;
      if (chunk.length >= CHUNK) {
        write(chunk);
        chunk = '';
      }
    },
    end() {
      const last = chunk + (format === 'json' ? ']\n' : '');
      if (last) write(last);
    },
  };
}

export function makePrinter(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  format: OutputFormat,
  env: NodeJS.ProcessEnv = process.env,
): Printer {
  const color = format === 'text' && stream.isTTY === true && !env.NO_COLOR;
  const out = (s: string): void => void stream.write(s);
  const text = (s: string): void => out(screenText(s, color));
  // What a chunk of records goes through on its way out: JSON with the characters a terminal may
  // act on \u-escaped, text through the screen. Both act a character at a time, so a chunk of
  // whole records comes out as the records would one by one.
  const screen = (s: string): void => (format === 'text' ? text(s) : out(safeJson(s)));
  return {
    format,
    color,
    records(items, format_) {
      const chunks = chunked(format, screen);
      for (const item of items) {
        chunks.add(format === 'text' ? format_(safeDeep(item, false)) : JSON.stringify(item));
      }
      chunks.end();
    },
    jsonRecords(texts) {
      if (format === 'text') throw new Error('internal: jsonRecords prints JSON only');
      const chunks = chunked(format, screen);
      for (const t of texts) chunks.add(t);
      chunks.end();
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
