import { MAX_ID_LENGTH } from '../mail/message-id.js';

export interface ThreadLinks {
  /** Every id this message links to, oldest ancestor first, cleaned and capped. */
  readonly refs: readonly string[];
  /** The parent: strict In-Reply-To, else the last References id, else the last In-Reply-To id. */
  readonly parent: string | null;
}

/**
 * References ids a message may link to: the first (the thread's root, when the client did right)
 * and the last ones (the nearest ancestors). A message listing more is trimmed the way RFC 5322
 * section 3.6.4 lets clients trim (keep the first and the last few), so one message naming an id
 * from every thread cannot join them all (issue 13 item 7). No real thread on the ext4 list
 * carries more than 20.
 */
export const MAX_REFERENCES = 32;

/** In-Reply-To names the message replied to; a few ids there are a mailer's quirk, hundreds an attack. */
const MAX_IN_REPLY_TO = 4;

/**
 * Sanitise and combine References and In-Reply-To (DESIGN principle 6, after public-inbox
 * OverIdx.pm link_refs and notmuch add-message.cc):
 * - drop self-references (they would make a message its own ancestor),
 * - drop addresses that slipped in from From/To/Cc (some mailers put them in References),
 * - drop the lone "y" / "n" an old git-send-email bug wrote into In-Reply-To,
 * - drop over-long ids and duplicates (keeping the first position),
 * - keep the first References id and the last MAX_REFERENCES - 1, and the last few In-Reply-To ids.
 * Parent, as notmuch's _notmuch_database_link_message_to_parents picks it: In-Reply-To when it
 * is one well-formed id, else the last References id, else the last id found in In-Reply-To
 * (several ids there and no References: the last is the one replied to).
 */
export function threadLinks(input: {
  readonly selfIds: readonly string[];
  readonly inReplyTo: readonly string[];
  /** In-Reply-To when it is exactly one well-formed id (ParsedMessage.strictInReplyTo). */
  readonly strictInReplyTo?: string | null;
  readonly references: readonly string[];
  readonly addresses: readonly string[];
}): ThreadLinks {
  const self = new Set(input.selfIds);
  const addrs = new Set(input.addresses.map((a) => a.toLowerCase()).filter(Boolean));
  const ok = (id: string): boolean =>
    id.length > 0 && id.length <= MAX_ID_LENGTH && !self.has(id) && !addrs.has(id.toLowerCase()) && !/^[yn]$/i.test(id);
  const references = [...new Set(input.references.filter(ok))];
  const capped = references.length > MAX_REFERENCES ? [references[0]!, ...references.slice(1 - MAX_REFERENCES)] : references;
  const irt = [...new Set(input.inReplyTo.filter(ok))].slice(-MAX_IN_REPLY_TO);
  const refs = [...new Set([...capped, ...irt])];
  const strict = input.strictInReplyTo && ok(input.strictInReplyTo) ? input.strictInReplyTo : null;
  return { refs, parent: strict ?? capped.at(-1) ?? irt.at(-1) ?? null };
}
