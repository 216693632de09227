import type { QueryNode } from './ast.js';

/**
 * A word character, as the index's tokenizer has them (letters, digits, '_'): ASCII word
 * characters and the letter blocks of the Basic Multilingual Plane (Latin, Greek, Cyrillic,
 * Hebrew, Arabic, Indic, CJK, Hangul), leaving out punctuation and symbols. Unicode property
 * classes (\p{L}) say it exactly but take a cold process about a millisecond to compile.
 */
const WORD = '[\\w\\u00c0-\\u024f\\u0370-\\u1fff\\u2c00-\\ud7ff]';
const NOT_WORD = new RegExp(`[^${WORD.slice(1)}+`);

/**
 * A short snippet for a shown row. The FTS table is contentless, so the text comes from the
 * preview the index keeps (preview.ts; the raw bytes for messages stored before previews); the
 * match is found again here with a loose stem match (a word starting with the query word's
 * stem), which is enough to point the reader at it.
 */
export function snippetTerms(root: QueryNode): string[] {
  const out: string[] = [];
  const stack: { node: QueryNode; negated: boolean }[] = [{ node: root, negated: false }];
  while (stack.length) {
    const { node, negated } = stack.pop()!;
    if (node.kind === 'and' || node.kind === 'or') for (const c of node.children) stack.push({ node: c, negated });
    else if (node.kind === 'not') stack.push({ node: node.child, negated: !negated });
    else if (node.kind === 'text' && !negated && (node.columns.includes('body') || node.columns.includes('quoted'))) {
      for (const w of node.text.split(NOT_WORD)) if (w) out.push(w.toLowerCase());
    }
  }
  return [...new Set(out)];
}

/** Crude English stem: enough to find "journalling" for "journal" and "mounts" for "mount". */
function stem(word: string): string {
  const s = word.replace(/(?:ing|ed|es|s|ly|ation|er)$/u, '');
  return s.length >= 3 ? s : word;
}

export interface Snippet {
  readonly text: string;
  /** [start, end) offsets of matches inside text. */
  readonly marks: readonly (readonly [number, number])[];
}

/**
 * About `width` characters around the first match in the author's own lines, else the first own line.
 * Most bodies match early, so growing prefixes of the body (PREFIX_CHARS) are tried first: the result is
 * the same as over the whole body whenever the prefix has own lines, a match, and text beyond the
 * window (a match cannot span lines, and the prefix's flattened text is a prefix of the whole's).
 * Otherwise the whole body is used (long patches made text output of 2,000 rows take ~0.4 s).
 */
export function makeSnippet(body: string, terms: readonly string[], width = 100): Snippet {
  const re = termsRegExp(terms);
  for (const size of PREFIX_CHARS) {
    if (!re || body.length <= size) break;
    const cut = body.indexOf('\n', size);
    if (cut === -1) break;
    const own = ownLines(body.slice(0, cut).split(/\r?\n/));
    if (own.length) {
      const hit = windowAround(flatten(own), re, width, true);
      if (hit) return hit;
    }
  }
  const lines = body.split(/\r?\n/);
  const own = ownLines(lines);
  const flat = flatten(own.length ? own : lines);
  if (re)
    for (const text of [flat, flatten(lines)]) {
      const hit = windowAround(text, re, width, false);
      if (hit) return hit;
    }
  const cut = pairStart(flat, width);
  return { text: flat.slice(0, cut) + (flat.length > cut ? '…' : ''), marks: [] };
}

let compiled: { key: string; re: RegExp | null } | null = null;

/**
 * The stems as one regular expression, compiled once for all the rows of a search: a Unicode
 * property class compiles slowly, and a cold CLI process compiled it twice per row.
 */
function termsRegExp(terms: readonly string[]): RegExp | null {
  const key = terms.join('\0');
  if (compiled?.key !== key) {
    const re = terms.length ? new RegExp(`(?<!${WORD})(?:${terms.map((t) => escapeRe(stem(t))).join('|')})${WORD}*`, 'gi') : null;
    compiled = { key, re };
  }
  return compiled.re;
}

/** Growing prefixes tried before the whole body. */
const PREFIX_CHARS = [2000, 12000] as const;

/** Own lines: not quoted, not the "On ... wrote:" attribution that introduces a quote. */
function ownLines(lines: readonly string[]): string[] {
  return lines.filter((l) => l.trim() !== '' && !/^\s*[>|]/.test(l) && !/(?:wrote|writes):\s*$/.test(l));
}

function flatten(lines: readonly string[]): string {
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * The window around the first match of `re` in `text`, or null. With `partial` (text is only a
 * prefix of the real text), null also when the window reaches the end of `text`, since the real
 * window and its trailing '…' depend on what follows.
 */
function windowAround(text: string, re: RegExp, width: number, partial: boolean): Snippet | null {
  re.lastIndex = 0;
  const m = re.exec(text);
  if (!m) return null;
  const start = pairStart(text, Math.max(0, m.index - Math.floor(width / 3)));
  if (partial && start + width >= text.length) return null;
  const end = pairStart(text, start + width);
  const window = text.slice(start, end);
  const marks: [number, number][] = [];
  re.lastIndex = 0;
  for (let mm = re.exec(window); mm; mm = re.exec(window)) marks.push([mm.index, mm.index + mm[0].length]);
  const lead = start > 0 ? '…' : '';
  return {
    text: lead + window + (end < text.length ? '…' : ''),
    marks: marks.map(([a, b]) => [a + lead.length, b + lead.length] as const),
  };
}

/** `at`, or one before it when `at` falls between the two halves of a surrogate pair: a cut there would split a character. */
function pairStart(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return at > 0 && c >= 0xdc00 && c <= 0xdfff ? at - 1 : at;
}

/** The snippet with its matches wrapped by `mark` (bold on a TTY, nothing otherwise). */
export function renderSnippet(s: Snippet, mark: (t: string) => string): string {
  let out = '';
  let at = 0;
  for (const [a, b] of s.marks) {
    if (a < at) continue;
    out += s.text.slice(at, a) + mark(s.text.slice(a, b));
    at = b;
  }
  return out + s.text.slice(at);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
