import type { DigestSettings } from '../config/digest.js';
import { makeOwnMessageId, occurrenceStem } from '../mail/own-message-id.js';

export type MailKind =
  | 'call-for-items'
  | 'chair-copy'
  | 'chair-reminder'
  | 'digest'
  | 'cancel-proposal'
  | 'held-note'
  | 'failure-report'
  | 'review-confirmation'
  | 'cancellation';

/**
 * The mails convene sends to the chair alone that carry a numbered agenda: a reply to one of them
 * may hold the chair's commands (issue 10, review by reply). The list's mails never do.
 */
export const CHAIR_REVIEW_KINDS: readonly MailKind[] = [
  'chair-copy',
  'chair-reminder',
  'cancel-proposal',
  'held-note',
  'review-confirmation',
];

/** What identifies one outgoing mail: the outbox key. */
export interface MailKey {
  readonly meeting: string;
  readonly occurrence: string;
  readonly kind: MailKind;
  readonly revision: number;
}

/** The domain part of the configured From address ("convene <convene@example.org>" → example.org). */
export function fromDomain(from: string): string {
  const m = /@([^\s<>@]+?)>?\s*$/.exec(from.trim());
  return (m?.[1] ?? 'localhost').toLowerCase();
}

/** What stamps a mail as ours when it is made: the injected clock's instant and the Message-ID secret. */
export interface Stamp {
  readonly now: number;
  /** The archive's Message-ID key (store/secrets.ts), injected so the builders stay pure. */
  readonly secret: Uint8Array;
}

/**
 * A deterministic Message-ID per (meeting, occurrence, kind, revision): the same mail always has
 * the same id, so a resend after a crash is recognisable in the archive and by receivers that
 * dedupe on Message-ID, and the digest can point In-Reply-To at the call for items. It carries
 * an HMAC under the archive's secret (mail/own-message-id.ts), so it cannot be guessed before it
 * is sent nor forged. Returned without angle brackets.
 */
export function messageIdFor(key: MailKey, from: string, secret: Uint8Array): string {
  return makeOwnMessageId(key, fromDomain(from), secret);
}

/** The .ics UID of an occurrence: stable across revisions, one per (meeting, occurrence). */
export function occurrenceUid(meeting: string, occurrence: string, from: string): string {
  return `convene.${occurrenceStem(meeting, occurrence)}@${fromDomain(from)}`;
}

/**
 * The list headers: List-Id (RFC 2919), List-Unsubscribe (RFC 2369) and, only when the config
 * says the https URL accepts the POST (digest.unsubscribeOneClick), List-Unsubscribe-Post for
 * one-click unsubscribe (RFC 8058: a mailto, or a page that only answers GET, does not qualify).
 * Auto-Submitted: auto-generated (RFC 3834) keeps vacation responders quiet, and X-Convene marks
 * our own mail so the agenda extractor never reads it as a proposal.
 */
export function listHeaders(key: MailKey, settings: DigestSettings, toList: boolean): Record<string, string> {
  const h: Record<string, string> = {
    'Auto-Submitted': 'auto-generated',
    'X-Convene': `${key.kind}; meeting=${key.meeting}; occurrence=${key.occurrence}; revision=${key.revision}`,
  };
  if (!toList) return h;
  if (settings.listId) h['List-Id'] = `<${settings.listId}>`;
  if (settings.unsubscribe.length) {
    h['List-Unsubscribe'] = settings.unsubscribe.map((u) => `<${u}>`).join(', ');
    if (settings.unsubscribeOneClick && settings.unsubscribe.some((u) => /^https:/i.test(u)))
      h['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return h;
}

/**
 * In-Reply-To the nearest of the given ids and References all of them, oldest first (RFC 5322
 * section 3.6.4): the digest replies to the call for items, an update to the first digest.
 */
export function threadHeaders(...ids: readonly (string | undefined)[]): Record<string, string> {
  const chain = ids.filter((id): id is string => !!id);
  if (chain.length === 0) return {};
  return { 'In-Reply-To': `<${chain.at(-1)}>`, References: chain.map((id) => `<${id}>`).join(' ') };
}
