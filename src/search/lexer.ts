import { ConveneError } from '../errors.js';

/** A lexical token of the query language; `column` is 1-based, for error messages. */
export type Token =
  | { readonly t: 'lparen'; readonly column: number; /** `prefix:(` opens a group with a default field. */ readonly prefix?: string }
  | { readonly t: 'rparen'; readonly column: number }
  | { readonly t: 'op'; readonly op: 'AND' | 'OR' | 'NOT'; readonly column: number; readonly spelling: string }
  | { readonly t: 'all'; readonly column: number }
  | WordToken;

export interface WordToken {
  readonly t: 'word';
  readonly column: number;
  /** The prefix as written (lower-cased), or null for a bare word. */
  readonly prefix: string | null;
  readonly value: string;
  readonly quoted: boolean;
  readonly wildcard: boolean;
}

/** One-line syntax error naming the column (never an SQL or FTS5 text). */
export function syntaxError(message: string, column: number): ConveneError {
  return new ConveneError('QUERY_SYNTAX', `query: ${message} at column ${column}`);
}

const SPACE = /\s/;
const isStop = (c: string | undefined): boolean => c === undefined || SPACE.test(c) || c === '(' || c === ')';

/**
 * Split a query into tokens. Operators are the upper-case words AND, OR, NOT (as in Xapian's
 * default, so "not" stays a searchable word); `-` before a term or `(` is NOT.
 * `isPrefix` tells which `name:` spellings are prefixes; others stay plain text (URLs, "Re:").
 */
export function tokenize(query: string, isPrefix: (name: string) => boolean): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const c = query[i]!;
    const column = i + 1;
    if (SPACE.test(c)) {
      i++;
    } else if (c === '(') {
      out.push({ t: 'lparen', column });
      i++;
    } else if (c === ')') {
      out.push({ t: 'rparen', column });
      i++;
    } else if (c === '-' && (query[i + 1] === '(' || !isStop(query[i + 1]))) {
      out.push({ t: 'op', op: 'NOT', column, spelling: '-' });
      i++;
    } else if (c === '-') {
      throw syntaxError("'-' needs a term right after it", column);
    } else if (c === '"') {
      const q = readQuoted(query, i);
      out.push({ t: 'word', column, prefix: null, value: q.value, quoted: true, wildcard: q.wildcard });
      i = q.end;
    } else {
      i = readWord(query, i, isPrefix, out);
    }
  }
  return out;
}

/** A bare word, `prefix:value`, `prefix:"quoted value"` or `prefix:(` (group). Returns the next index. */
function readWord(query: string, start: number, isPrefix: (name: string) => boolean, out: Token[]): number {
  const column = start + 1;
  const m = /^([A-Za-z]+):/.exec(query.slice(start, start + 20));
  if (m && isPrefix(m[1]!)) {
    const prefix = m[1]!.toLowerCase();
    const at = start + m[0].length;
    const next = query[at];
    if (next === '(') {
      out.push({ t: 'lparen', column, prefix });
      return at + 1;
    }
    if (next === '"') {
      const q = readQuoted(query, at);
      out.push({ t: 'word', column, prefix, value: q.value, quoted: true, wildcard: q.wildcard });
      return q.end;
    }
    let end = at;
    while (!isStop(query[end])) end++;
    if (end === at) throw syntaxError(`${prefix}: needs a value`, column);
    const raw = query.slice(at, end);
    const wildcard = raw.length > 1 && raw.endsWith('*');
    out.push({ t: 'word', column, prefix, value: wildcard ? raw.slice(0, -1) : raw, quoted: false, wildcard });
    return end;
  }
  let end = start;
  while (!isStop(query[end])) end++;
  const raw = query.slice(start, end);
  if (raw === 'AND' || raw === 'OR' || raw === 'NOT') out.push({ t: 'op', op: raw, column, spelling: raw });
  else if (raw === '*') out.push({ t: 'all', column });
  else {
    const wildcard = raw.length > 1 && raw.endsWith('*');
    out.push({ t: 'word', column, prefix: null, value: wildcard ? raw.slice(0, -1) : raw, quoted: false, wildcard });
  }
  return end;
}

/** A "double-quoted" string starting at `start`; `""` inside stands for one quote. */
function readQuoted(query: string, start: number): { value: string; end: number; wildcard: boolean } {
  let value = '';
  let i = start + 1;
  for (;;) {
    const c = query[i];
    if (c === undefined) throw syntaxError('unterminated quote (the " opened here has no closing ")', start + 1);
    if (c === '"') {
      if (query[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      i++;
      break;
    }
    value += c;
    i++;
  }
  const wildcard = query[i] === '*';
  if (wildcard) i++;
  if (!isStop(query[i])) throw syntaxError('a closing quote must be followed by a space or a parenthesis', i + 1);
  return { value, end: i, wildcard };
}
