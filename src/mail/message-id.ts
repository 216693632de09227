/**
 * Message-ID extraction and cleaning, as the archivers do it (public-inbox PublicInbox::MID,
 * notmuch lib/message-id.c):
 * - an id is what stands between "<" and the next ">" (public-inbox's <([^>]+)>), so the junk of
 *   `<junk<id>` stays part of that id instead of taking over the id "id" (psgi_bad_mids.t);
 * - a Message-ID without brackets is taken as it stands (public-inbox mid.t "bare mid OK");
 * - In-Reply-To and References: RFC 5322 comments outside the brackets are skipped, and only
 *   bracketed tokens that can be ids are kept (see plausibleReference);
 * - whitespace and control characters inside an id are folding and damage, not the id: dropped,
 *   as notmuch does, so one id has one spelling whichever way a mailer folded it;
 * - over-long ids are shortened to a fixed length, keeping them distinct and joinable.
 */
import { createHash } from 'node:crypto';

/** Longer ids are shortened: public-inbox's MAX_MID_SIZE, Xapian's term limit (MID.pm). */
export const MAX_ID_LENGTH = 244;

/** The ids of Message-ID header values, in order, duplicates kept out. */
export function parseMessageIds(values: readonly string[]): string[] {
  const out = new Set<string>();
  for (const value of values) {
    const tokens = bracketedTokens(value, false);
    // No brackets at all: the value is the id (old mailers, hand-made mail).
    for (const token of tokens.length ? tokens : [value]) {
      const id = cleanId(token);
      if (id) out.add(id);
    }
  }
  return [...out];
}

/**
 * The ids of In-Reply-To or References values, in order, duplicates kept out. Comments
 * ("(Dave Chinner's message of ...)") and unbracketed text are skipped, as notmuch's
 * _notmuch_message_id_parse does; bracketed tokens that cannot be ids are dropped.
 */
export function parseReferences(values: readonly string[]): string[] {
  const out = new Set<string>();
  for (const value of values) {
    for (const token of bracketedTokens(value, true)) {
      const id = cleanId(token);
      if (id && plausibleReference(id)) out.add(id);
    }
  }
  return [...out];
}

/**
 * In-Reply-To read strictly (notmuch's _notmuch_message_id_parse_strict, test T710): one
 * bracketed id with no whitespace inside, and nothing but whitespace around it. Null for
 * anything else ("<id> (Ian's message of ...)", two ids, a bare id, a missing bracket).
 */
export function strictSingleId(values: readonly string[]): string | null {
  if (values.length !== 1) return null;
  const m = /^\s*<([^\s>]+)>\s*$/.exec(values[0]!);
  const id = m?.[1] ? cleanId(m[1]) : null;
  return id && plausibleReference(id) ? id : null;
}

/**
 * One id as stored: whitespace (folding) and control characters removed, over-long ids
 * shortened to MAX_ID_LENGTH as a prefix plus the SHA-1 of the whole (so two long ids sharing a
 * prefix stay apart, and every spelling of one id shortens alike). Null when nothing is left.
 */
export function cleanId(token: string): string | null {
  const id = token.replace(/[\s\x00-\x1f\x7f]+/g, '');
  if (id.length === 0) return null;
  if (id.length <= MAX_ID_LENGTH) return id;
  const sha1 = createHash('sha1').update(id, 'latin1').digest('hex');
  return `${id.slice(0, MAX_ID_LENGTH - sha1.length - 1)}~${sha1}`;
}

/**
 * What a user typed to name a message ("<id>", "id:...", the header's own spelling, spaces and
 * junk included) read the way the header was, so it finds the stored id.
 */
export function idFromUser(text: string): string {
  const bare = text.trim().replace(/^(?:id|mid):/, '');
  return parseMessageIds([bare])[0] ?? bare;
}

/**
 * RFC 5322 (and RFC 822 before it) makes "@" part of every msg-id. Tokens without one are comment
 * words a gateway wrapped in brackets ("<of>", "<2020>", "<Chinner's>"), "<yes>" typed into an old
 * git-send-email prompt, or hand-made ids; short ones recur in unrelated mail and would merge
 * threads. Such a token is kept only when it could still be unique: 8 or more characters of the
 * RFC 5322 atext set, with letters mixed with digits or "-", "." or "_" (public-inbox's "bare-mid",
 * notmuch T290's 512-character id).
 */
export function plausibleReference(id: string): boolean {
  if (id.includes('@')) return true;
  return /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{8,}$/.test(id) && /[A-Za-z]/.test(id) && /[0-9._-]/.test(id);
}

/**
 * The text between "<" and the next ">" of each bracketed token, in order. With `comments`, a
 * parenthesised comment outside the brackets (nested, "\" escaping) is skipped whole, so a "<"
 * inside it starts nothing (RFC 5322 section 3.2.2 CFWS).
 */
function bracketedTokens(value: string, comments: boolean): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < value.length) {
    const c = value[i];
    if (comments && c === '(') {
      i = skipComment(value, i);
    } else if (c === '<') {
      const end = value.indexOf('>', i + 1);
      if (end === -1) break;
      out.push(value.slice(i + 1, end));
      i = end + 1;
    } else {
      i++;
    }
  }
  return out;
}

/** The index after the comment that opens at `start`, or the end of the value when it is never closed. */
function skipComment(value: string, start: number): number {
  let depth = 0;
  for (let i = start; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return value.length;
}
