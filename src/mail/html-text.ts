import { createRequire } from 'node:module';

/**
 * The text of an HTML-only part, for display (body-text.ts). html-to-text is the converter
 * mailparser uses at ingest, so what `show` and snippets print of such a part reads like what
 * ingest gets from a root HTML part; measured on the malformed corpus
 * (test/eval/html-text-compare.ts) it left no entity undecoded where the old tag stripper left 3
 * of 15. It is loaded on first use only: `convene search` must not pay for it at start-up.
 */
export function htmlText(html: string): string {
  // htmlparser2 parses deep nesting in quadratic time and html-to-text recurses per level:
  // mailparser refuses past 1000 levels, and so do we, falling back to stripping tags.
  if (nestingExceeds(html, MAX_DEPTH)) return stripTags(html);
  try {
    return converter()(html.length > MAX_INPUT ? html.slice(0, MAX_INPUT) : html, { limits: { maxDepth: MAX_DEPTH } });
  } catch {
    return stripTags(html);
  }
}

const MAX_DEPTH = 1000;
/** Display needs the start of a part: longer HTML is cut before converting (html-to-text would warn on stderr). */
const MAX_INPUT = 1024 * 1024;

type Convert = typeof import('html-to-text').htmlToText;
let convert: Convert | undefined;

function converter(): Convert {
  convert ??= (createRequire(import.meta.url)('html-to-text') as typeof import('html-to-text')).htmlToText;
  return convert;
}

/** Elements that never hold content or that the parser closes implicitly: they add no depth. */
const FLAT = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const IMPLIED = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp']);

/** Does the markup nest deeper than `max` elements? One linear pass over the tags. */
export function nestingExceeds(html: string, max: number): boolean {
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const name = m[2]!.toLowerCase();
    if (FLAT.has(name) || IMPLIED.has(name) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) return true;
  }
  return false;
}

/** The fallback: tags and scripts dropped, line breaks kept, the five XML entities decoded. */
export function stripTags(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
