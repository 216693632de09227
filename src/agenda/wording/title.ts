/**
 * Agenda titles: cleaning a proposal's text into a title, and the normal form near-duplicates
 * share (issue 4: "same normalised title, same link, a resend" merge into one item).
 */

const REPLY_PREFIX = /^\s*(?:(?:re|fwd?|aw|sv|wg|antw|rif)\s*(?:\[\d+\])?\s*:\s*)+/i;
const BRACKET = /\[[^\]]{0,80}\]\s*/g;
const LEADING_MARKER = /^\s*(?:[-*•+·o]|\(?\d{1,2}[.)]|\(?[a-z][.)]|#+)\s+/i;
// "RFC: remove udapl BTL" (Open MPI devel 2013): a request for comments, as "[RFC]" is.
const RFC_PREFIX = /^RFC\s*(?:v\d+\s*)?(?::|\s-\s)\s*/i;

/** True when a subject asks for comments ("RFC: X", "[OMPI devel] RFC: X", "[RFC PATCH] X"): a proposal. */
export function requestsComments(subject: string): boolean {
  const untagged = subject.replace(/^\s*(?:\[[^\]]{0,40}\]\s*)*/, '');
  return /^\s*(?:\[[^\]]{0,40}\]\s*)*\[RFC\b/i.test(subject) || RFC_PREFIX.test(untagged);
}

/** Remove reply prefixes, bracket tags and series markers from a subject, keeping its case. */
export function titleFromSubject(subject: string): string {
  let s = subject.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 10; i++) {
    const next = s
      .replace(REPLY_PREFIX, '')
      .replace(/^\s*(?:\[[^\]]{0,80}\]\s*)+/, '')
      .replace(RFC_PREFIX, '')
      .trim();
    if (next === s) break;
    s = next;
  }
  // "(was: old subject)", "[was Re: [TAG] old]": the old subject is not this topic's title.
  s = s.replace(/\s*[[(](?:was|fwd)\b.*$/i, '');
  return cleanTitle(s);
}

/**
 * The title of a reply sent under a subject of its own ("Improving kernel -> userspace (usbfs) usb
 * device hand off" in answer to "USB mini-summit at LinuxCon Vancouver", linux-usb 2011): null for
 * "Re: ..." (a reply renamed "Re: X [WAS: the call]" is mostly a follow-up on a point of the call's
 * notes, OpenBMC 2020) and for a subject its parent already had.
 */
export function renamedSubject(subject: string, parentSubject: string | null): string | null {
  // normaliseTitle takes the title from the subject itself (tags and prefixes off).
  if (parentSubject === null || REPLY_PREFIX.test(subject) || normaliseTitle(subject) === normaliseTitle(parentSubject)) return null;
  const own = titleFromSubject(subject);
  return own === '' ? null : own;
}

/** Tidy a proposal line into a title: list markers, trailing punctuation and quotes removed. */
export function cleanTitle(text: string): string {
  let s = text.replace(/\s+/g, ' ').trim();
  s = s.replace(LEADING_MARKER, '');
  s = s.replace(/^(?:topic|item|subject|title)\s*:\s*/i, '').replace(/^agenda\+\s*:?\s*/i, '');
  // "huge page support [4]": a footnote reference to a link below, as lore-era mail writes them.
  s = s.replace(/\s+\[\d{1,2}\](?=[\s,;:.!)]|$)/g, '');
  s = s.replace(/^["'“”‘’`]+|["'“”‘’`]+$/g, '').trim();
  s = s.replace(/[\s,;:.!-]+$/, '').trim();
  if (s.length > 160) s = `${s.slice(0, 157).replace(/\s+\S*$/, '')}...`;
  return s;
}

/**
 * The normal form two titles share when they name the same item: case, punctuation, tags,
 * prefixes, list markers and a leading "discuss"/"proposal:" ignored.
 */
export function normaliseTitle(title: string): string {
  return titleFromSubject(title)
    .toLowerCase()
    .replace(BRACKET, ' ')
    .replace(/^(?:discuss(?:ion)?(?: of| on| about)?|proposal|topic|talk about)\s*:?\s+/, '')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const STOP = new Set(
  'a an the and or of to for in on at by with from about into is are be we our i my this that it as how what why when new'.split(' '),
);

/**
 * A title whose dotted numbers ("Rule 18.1", "4.13 release") stay one word through normaliseTitle,
 * which splits at every dot: "Rule 18.1" and "Rule 18.2" must not share all their words.
 */
export function withDottedNumbersWhole(title: string): string {
  return title.replace(/(\d)\.(?=\d)/g, '$1p');
}

/** Content words of a title, for overlap scores. A dotted number ("18.1", "6.15") is one word. */
export function titleTokens(title: string): Set<string> {
  return new Set(
    normaliseTitle(withDottedNumbersWhole(title))
      .split(' ')
      .filter((w) => w.length > 1 && !STOP.has(w))
      .map((w) => (w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w)),
  );
}

/** Overlap coefficient |A∩B| / min(|A|,|B|) of the titles' content words (0 when either is empty). */
export function titleOverlap(a: string, b: string): number {
  const ta = titleTokens(a);
  const tb = titleTokens(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  // "Rule 18.1" and "Rule 9.3" (MISRA C rules, xen-devel 2022), "4.13 release" and "4.14 release":
  // two numbered things are different things, whatever words they share.
  const numbers = (t: Set<string>): string[] => [...t].filter((w) => /\d/.test(w));
  const na = numbers(ta);
  const nb = numbers(tb);
  if (na.length > 0 && nb.length > 0 && !na.some((n) => nb.includes(n))) return 0;
  let common = 0;
  for (const w of ta) if (tb.has(w)) common++;
  return common / Math.min(ta.size, tb.size);
}

/** True when two titles name the same item: same normal form (the merge rule of issue 4). */
export function sameTitle(a: string, b: string): boolean {
  const na = normaliseTitle(a);
  return na !== '' && na === normaliseTitle(b);
}
