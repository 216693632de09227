import type { QueryNode } from './ast.js';

/**
 * A short snippet for a shown row. The FTS table is contentless, so the text comes from
 * re-reading the raw bytes (body-text.ts); the match is found again here with a loose stem match
 * (a word starting with the query word's stem), which is enough to point the reader at it.
 */
export function snippetTerms(root: QueryNode): string[] {
  const out: string[] = [];
  const stack: { node: QueryNode; negated: boolean }[] = [{ node: root, negated: false }];
  while (stack.length) {
    const { node, negated } = stack.pop()!;
    if (node.kind === 'and' || node.kind === 'or') for (const c of node.children) stack.push({ node: c, negated });
    else if (node.kind === 'not') stack.push({ node: node.child, negated: !negated });
    else if (node.kind === 'text' && !negated && (node.columns.includes('body') || node.columns.includes('quoted'))) {
      for (const w of node.text.split(/[^\p{L}\p{N}]+/u)) if (w) out.push(w.toLowerCase());
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

/** About `width` characters around the first match in the author's own lines, else the first own line. */
export function makeSnippet(body: string, terms: readonly string[], width = 100): Snippet {
  const lines = body.split(/\r?\n/);
  // Own lines: not quoted, not the "On ... wrote:" attribution that introduces a quote.
  const own = lines.filter((l) => l.trim() !== '' && !/^\s*[>|]/.test(l) && !/(?:wrote|writes):\s*$/.test(l));
  const flat = (own.length ? own : lines).join(' ').replace(/\s+/g, ' ').trim();
  const all = lines.join(' ').replace(/\s+/g, ' ').trim();
  const re = terms.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map((t) => escapeRe(stem(t))).join('|')})[\\p{L}\\p{N}]*`, 'giu') : null;
  for (const text of [flat, all]) {
    if (!re) break;
    re.lastIndex = 0;
    const m = re.exec(text);
    if (!m) continue;
    const start = Math.max(0, m.index - Math.floor(width / 3));
    const window = text.slice(start, start + width);
    const marks: [number, number][] = [];
    const r2 = new RegExp(re.source, 'giu');
    for (let mm = r2.exec(window); mm; mm = r2.exec(window)) marks.push([mm.index, mm.index + mm[0].length]);
    const lead = start > 0 ? '…' : '';
    return { text: lead + window + (start + width < text.length ? '…' : ''), marks: marks.map(([a, b]) => [a + lead.length, b + lead.length] as const) };
  }
  return { text: flat.slice(0, width) + (flat.length > width ? '…' : ''), marks: [] };
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
