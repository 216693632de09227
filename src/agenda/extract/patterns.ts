/**
 * Config strings → matchers. A pattern written "/body/flags" is a regular expression; anything else
 * is literal text matched case-insensitively. Invalid expressions fail loudly with the pattern named.
 */

/** Compile "/re/flags" as a RegExp, or null when the string is not in that form. */
export function regexOf(pattern: string): RegExp | null {
  const m = /^\/(.+)\/([a-z]*)$/s.exec(pattern.trim());
  if (!m) return null;
  // A config pattern tests one subject at a time: "g" or "y" would carry lastIndex from one test to
  // the next and make every other match fail, so they are dropped.
  const flags = m[2]!.replace(/[gy]/g, '');
  try {
    return new RegExp(m[1]!, flags.includes('i') ? flags : `${flags}i`);
  } catch (err) {
    throw new Error(`agenda: invalid pattern ${pattern}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Escape text for use inside a RegExp. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A literal phrase as a whole-word, case-insensitive, whitespace-tolerant RegExp:
 * "security working group" also matches "Security  Working\nGroup" and "security working-group".
 */
export function phraseRegex(phrase: string): RegExp {
  const words = phrase
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map(escapeRegex);
  const lead = /^\w/.test(phrase.trim()) ? '\\b' : '';
  const tail = /\w$/.test(phrase.trim()) ? '\\b' : '';
  return new RegExp(`${lead}${words.join('[\\s-]+')}${tail}`, 'i');
}

/** A matcher for a pattern string: regex when written /.../, else a phrase. */
export function matcherOf(pattern: string): RegExp {
  return regexOf(pattern) ?? phraseRegex(pattern);
}

/**
 * A regular expression written in pieces, so that a long alternation fits on the lines of a
 * file: `regex('i', String.raw`a|`, String.raw`b`)` is `/a|b/i`.
 */
export function regex(flags: string, ...parts: readonly string[]): RegExp {
  return new RegExp(parts.join(''), flags);
}
