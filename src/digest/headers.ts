import type { DigestSettings } from '../config/digest.js';

export type MailKind = 'call-for-items' | 'chair-reminder' | 'digest' | 'cancel-proposal' | 'held-note' | 'failure-report';

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

/**
 * A deterministic Message-ID per (meeting, occurrence, kind, revision): the same mail always has
 * the same id, so a resend after a crash is recognisable in the archive and by receivers that
 * dedupe on Message-ID, and the digest can point In-Reply-To at the call for items without
 * having stored it. Returned without angle brackets.
 */
export function messageIdFor(key: MailKey, from: string): string {
  const safe = (s: string): string => s.replace(/[^A-Za-z0-9.-]+/g, '-');
  return `convene.${key.kind}.r${key.revision}.${safe(key.meeting)}.${safe(key.occurrence)}@${fromDomain(from)}`;
}

/**
 * The list headers: List-Id (RFC 2919), List-Unsubscribe (RFC 2369) and, when an https URL is
 * configured, List-Unsubscribe-Post for one-click unsubscribe (RFC 8058; a mailto alone does not
 * qualify). Auto-Submitted: auto-generated (RFC 3834) keeps vacation responders quiet, and
 * X-Convene marks our own mail so the agenda extractor never reads it as a proposal.
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
    if (settings.unsubscribe.some((u) => /^https:/i.test(u))) h['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return h;
}

/** In-Reply-To / References to the call for items, so replies and the digest thread together. */
export function threadHeaders(parentId: string | undefined): Record<string, string> {
  return parentId ? { 'In-Reply-To': `<${parentId}>`, References: `<${parentId}>` } : {};
}
