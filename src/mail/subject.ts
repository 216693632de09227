/**
 * Subject normalising for display grouping and agenda titles (never for thread membership:
 * DESIGN principle 6). Strips reply/forward prefixes in several languages and list tags like
 * "[Xen-devel]", repeatedly, as RFC 5256 section 2.1 "base subject" does.
 */
const PREFIX = /^\s*(?:(?:re|fwd?|aw|sv|vs|antw|wg|rif|r)\s*(?:\[\d+\])?\s*:|\[[^\]]{1,40}\]\s*)/i;
const TRAILER = /\s*\((?:fwd|was:.*)\)\s*$/i;

export function normaliseSubject(subject: string): string {
  let s = subject.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 20; i++) {
    const next = s.replace(PREFIX, '').replace(TRAILER, '').trim();
    if (next === s) break;
    s = next;
  }
  return s.toLowerCase();
}

/** True when the subject starts with a reply prefix ("Re:", "AW:", ...), ignoring list tags. */
export function hasReplyPrefix(subject: string): boolean {
  return /^\s*(?:\[[^\]]{1,40}\]\s*)*(?:re|aw|sv|antw|rif)\s*(?:\[\d+\])?\s*:/i.test(subject);
}

/**
 * "Re: Re: [ANN] X" → "[ANN] X": the subject a reply answers, list tags before the prefix kept
 * ("[Xen-devel] Re: X" → "[Xen-devel] X"), unlike normaliseSubject, which drops them too.
 */
export function withoutReplyPrefix(subject: string): string {
  const prefix = /^(\s*(?:\[[^\]]{1,40}\]\s*)*)(?:re|aw|sv|antw|rif)\s*(?:\[\d+\])?\s*:\s*/i;
  let s = subject;
  for (let i = 0; i < 5 && hasReplyPrefix(s); i++) s = s.replace(prefix, '$1');
  return s.trim();
}
