/**
 * The one printer (notmuch's sprinter): every read command emits records through it, as text,
 * JSON (one document), or JSON lines. Colour only on a TTY and never with NO_COLOR set.
 */
export type OutputFormat = 'text' | 'json' | 'jsonl';

export interface Printer {
  readonly format: OutputFormat;
  readonly color: boolean;
  /** A JSON document (json), a line per item (jsonl), or formatted text lines (text). */
  records<T>(items: Iterable<T>, text: (item: T) => string): void;
  /** Records already serialized as JSON, as records() would print them (json or jsonl only). */
  jsonRecords(texts: Iterable<string>): void;
  /** One object: JSON as is; text through the formatter. */
  object<T>(item: T, text: (item: T) => string): void;
  line(text: string): void;
}

const CHUNK = 16 * 1024;

export function makePrinter(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  format: OutputFormat,
  env: NodeJS.ProcessEnv = process.env,
): Printer {
  const color = format === 'text' && stream.isTTY === true && !env.NO_COLOR;
  const write = (s: string): void => void stream.write(s);
  return {
    format,
    color,
    records(items, text) {
      // Rows go out in chunks of about 16 KB: one write per row was a system call per row.
      let chunk = format === 'json' ? '[' : '';
      let first = true;
      for (const item of items) {
        if (format === 'json') chunk += (first ? '' : ',\n') + JSON.stringify(item);
        else chunk += (format === 'jsonl' ? JSON.stringify(item) : text(item)) + '\n';
        first = false;
        if (chunk.length >= CHUNK) {
          write(chunk);
          chunk = '';
        }
      }
      write(chunk + (format === 'json' ? ']\n' : ''));
    },
    jsonRecords(texts) {
      let chunk = format === 'json' ? '[' : '';
      let first = true;
      for (const t of texts) {
        chunk += format === 'json' ? (first ? '' : ',\n') + t : t + '\n';
        first = false;
        if (chunk.length >= CHUNK) {
          write(chunk);
          chunk = '';
        }
      }
      write(chunk + (format === 'json' ? ']\n' : ''));
    },
    object(item, text) {
      write(format === 'text' ? text(item) + '\n' : JSON.stringify(item, null, format === 'json' ? 2 : 0) + '\n');
    },
    line(text) {
      write(text + '\n');
    },
  };
}

/** ANSI styles that disappear when colour is off. */
export function styles(color: boolean) {
  const wrap = (code: string) => (s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { bold: wrap('1'), dim: wrap('2'), yellow: wrap('33'), green: wrap('32'), red: wrap('31'), cyan: wrap('36') };
}
