/**
 * Message-ID extraction and cleaning, as the archivers do it (public-inbox MID.pm, notmuch
 * _parse_message_id): take the <...> tokens, tolerate a bare id without brackets, drop junk.
 */

/** Longer ids are junk or attacks; public-inbox caps at 244 bytes (MID.pm MAX_MID_SIZE). */
export const MAX_ID_LENGTH = 244;

/** Every id in a Message-ID / In-Reply-To / References value, in order, duplicates kept out. */
export function extractIds(value: string | undefined | null): string[] {
  if (!value) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (id: string): void => {
    const clean = cleanId(id);
    if (clean && !seen.has(clean)) {
      seen.add(clean);
      out.push(clean);
    }
  };
  const bracketed = value.match(/<[^<>]*>/g);
  if (bracketed) {
    for (const token of bracketed) push(token.slice(1, -1));
  } else {
    // No brackets at all: accept whitespace-separated tokens that look like ids (contain '@'),
    // as some mailers and the notmuch corpus do.
    for (const token of value.split(/\s+/)) if (token.includes('@')) push(token);
  }
  return out;
}

/** Trim, strip stray brackets and whitespace; null when nothing usable is left. */
export function cleanId(id: string): string | null {
  const clean = id.replace(/[\s<>]+/g, '').trim();
  if (clean.length === 0 || clean.length > MAX_ID_LENGTH) return null;
  return clean;
}

/**
 * In-Reply-To parsed strictly (DESIGN principle 6): exactly one bracketed id and nothing but
 * whitespace around it. Anything else ("<id> (message from ...)", two ids) is not trusted as parent.
 */
export function strictSingleId(value: string | undefined | null): string | null {
  if (!value) return null;
  const m = /^\s*<([^<>\s]+)>\s*$/.exec(value);
  return m?.[1] ? cleanId(m[1]) : null;
}
