/**
 * convene's own Message-IDs: `convene.<kind>.r<rev>.<meeting>.<occurrence>.<mac>@<domain>`.
 *
 * The MAC is an HMAC-SHA256 under the archive's secret (store/secrets.ts), so nobody outside can
 * predict the id of a mail before it is sent (issue 13 item 6: a member who posts first with our
 * next digest's id must not make it look delivered, nor take the place of our call for items),
 * and nobody can make a mail that passes for ours (the agenda and the chair's review-by-reply ask
 * ownMail). Meeting ids and occurrence keys are encoded injectively (item 11: `team_a` and
 * `team-a` used to give one id): the result is lower-case, so it stays distinct as a file name on
 * a case-insensitive file system too. Pure: the secret comes in as bytes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ConveneError } from '../errors.js';
import { MAX_ID_LENGTH } from './message-id.js';

/** What an own Message-ID says: the outbox key of the mail. */
export interface OwnMailKey {
  readonly kind: string;
  readonly meeting: string;
  readonly occurrence: string;
  readonly revision: number;
}

/**
 * The kinds of mail convene sends to the chair alone with the agenda numbered: a reply to one of
 * them may hold the chair's commands (issue 10, review by reply). The list's mails never do.
 */
export const CHAIR_REVIEW_KINDS: readonly string[] = [
  'chair-copy',
  'chair-reminder',
  'cancel-proposal',
  'held-note',
  'review-confirmation',
];

/**
 * The nearest id a message replies to that has the shape of one of ours (In-Reply-To first, then
 * References from the last), not yet verified: a reply to the digest whose References also name
 * an earlier mail to the chair is a reply to the digest.
 */
export function nearestOwnShaped(mail: { readonly inReplyTo: readonly string[]; readonly references: readonly string[] }): string | null {
  return [...mail.inReplyTo, ...[...mail.references].reverse()].find((id) => /^convene\./i.test(id)) ?? null;
}

/** The kind an id of our shape names ("convene.chair-reminder.r0..." → chair-reminder), unverified. */
export function ownShapedKind(id: string): string | null {
  return /^convene\.([a-z][a-z-]*)\.r\d/i.exec(id)?.[1]?.toLowerCase() ?? null;
}

/** Recognises our own mail by its Message-ID (with or without angle brackets); null when not ours. */
export type OwnMail = (messageId: string) => OwnMailKey | null;

const MAC_BYTES = 16; // 128 bits, 26 base32 characters
const MAC_LABEL = 'convene-message-id-v1\n';
const ID = /^convene\.([a-z][a-z-]*)\.r(0|[1-9]\d{0,8})\.([a-z0-9_=-]+)\.(~?[a-z0-9_=-]+)\.([a-z2-7]{26})@([^@\s<>]+)$/;

/**
 * One name (a meeting id, an occurrence key) as Message-ID and file-name text: [a-z0-9_-] stay,
 * every other character becomes "=" and the hex of its UTF-8 bytes ("." → "=2e", "A" → "=41").
 * Prefix-free, so injective; never empty for a non-empty name.
 */
export function encodeName(name: string): string {
  let out = '';
  for (const ch of name) {
    if (/^[a-z0-9_-]$/.test(ch)) out += ch;
    else for (const b of Buffer.from(ch, 'utf8')) out += `=${b.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** The inverse of encodeName; null for text encodeName never makes (so each name has one form). */
export function decodeName(text: string): string | null {
  const bytes: number[] = [];
  for (let i = 0; i < text.length;) {
    if (text[i] !== '=') {
      bytes.push(text.charCodeAt(i++));
      continue;
    }
    const hex = text.slice(i + 1, i + 3);
    if (!/^[0-9a-f]{2}$/.test(hex)) return null;
    bytes.push(parseInt(hex, 16));
    i += 3;
  }
  const name = Buffer.from(bytes).toString('utf8');
  return encodeName(name) === text ? name : null;
}

/**
 * The occurrence as text: its key without the meeting prefix it always starts with
 * ("wg/2026-06-10" → "2026-06-10"), else "~" and the whole key.
 */
function occurrenceText(meeting: string, occurrence: string): string {
  const prefix = `${meeting}/`;
  const rest = occurrence.startsWith(prefix) ? occurrence.slice(prefix.length) : '';
  return rest ? encodeName(rest) : `~${encodeName(occurrence)}`;
}

function occurrenceFrom(meeting: string, text: string): string | null {
  if (text.startsWith('~')) {
    const whole = decodeName(text.slice(1));
    return whole !== null && occurrenceText(meeting, whole) === text ? whole : null;
  }
  const rest = decodeName(text);
  return rest === null || rest === '' ? null : `${meeting}/${rest}`;
}

/**
 * "<meeting>.<occurrence>", injective and safe as a file name (no "/", lower-case): names the
 * notes file and the .ics UID of an occurrence.
 */
export function occurrenceStem(meeting: string, occurrence: string): string {
  if (meeting === '') throw new ConveneError('INTERNAL', 'an own Message-ID needs a meeting id');
  return `${encodeName(meeting)}.${occurrenceText(meeting, occurrence)}`;
}

function mac(secret: Uint8Array, prefix: string, domain: string): string {
  const digest = createHmac('sha256', secret).update(`${MAC_LABEL}${prefix}@${domain}`).digest();
  return base32(digest.subarray(0, MAC_BYTES));
}

/** RFC 4648 base32, lower case, no padding. */
function base32(bytes: Uint8Array): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** The Message-ID of one outgoing mail, without angle brackets. Deterministic for a key and secret. */
export function makeOwnMessageId(key: OwnMailKey, domain: string, secret: Uint8Array): string {
  if (!/^[a-z][a-z-]*$/.test(key.kind) || !Number.isSafeInteger(key.revision) || key.revision < 0 || key.revision > 999_999_999) {
    throw new ConveneError('INTERNAL', `not an outbox key: ${key.kind} r${key.revision}`);
  }
  const host = domain.toLowerCase();
  const prefix = `convene.${key.kind}.r${key.revision}.${occurrenceStem(key.meeting, key.occurrence)}`;
  const id = `${prefix}.${mac(secret, prefix, host)}@${host}`;
  if (id.length > MAX_ID_LENGTH) {
    throw new ConveneError(
      'CONFIG',
      `the Message-ID of meeting "${key.meeting}" would be ${id.length} characters, over the ${MAX_ID_LENGTH} archives keep: ` +
        'use a shorter meeting id or From domain',
    );
  }
  return id;
}

/**
 * The key of one of our own Message-IDs, or null when it is not ours: not our shape, not the one
 * form we make, or a MAC that does not verify under this secret (compared in constant time).
 */
export function parseOwnMessageId(messageId: string, secret: Uint8Array): OwnMailKey | null {
  const m = ID.exec(messageId.trim().replace(/^<(.*)>$/, '$1'));
  if (!m) return null;
  const [, kind, rev, meetingText, occText, given, domain] = m as unknown as [string, string, string, string, string, string, string];
  const meeting = decodeName(meetingText);
  if (meeting === null || meeting === '') return null;
  const occurrence = occurrenceFrom(meeting, occText);
  if (occurrence === null) return null;
  const host = domain.toLowerCase();
  const expected = mac(secret, `convene.${kind}.r${rev}.${meetingText}.${occText}`, host);
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return null;
  return { kind, meeting, occurrence, revision: Number(rev) };
}

/** ownMail bound to a secret (null: the archive has none yet, so no mail of ours exists). */
export function ownMailWith(secret: () => Uint8Array | null): OwnMail {
  return (messageId) => {
    const s = secret();
    return s ? parseOwnMessageId(messageId, s) : null;
  };
}
