import { MAX_ID_LENGTH } from '../mail/message-id.js';

export interface ThreadLinks {
  /** Every id this message links to, oldest ancestor first, cleaned. */
  readonly refs: readonly string[];
  /** The parent: strict In-Reply-To, else the last References id; null for a thread start. */
  readonly parent: string | null;
}

/**
 * Sanitise and combine References and In-Reply-To (DESIGN principle 6, after public-inbox
 * OverIdx.pm link_refs and notmuch add-message.cc):
 * - drop self-references (they would make a message its own ancestor),
 * - drop addresses that slipped in from From/To/Cc (some mailers put them in References),
 * - drop the lone "y" / "n" an old git-send-email bug wrote into In-Reply-To,
 * - drop over-long ids and duplicates (keeping the first position).
 * Parent = In-Reply-To when it holds exactly one id, else the last References id.
 */
export function threadLinks(input: {
  readonly selfIds: readonly string[];
  readonly inReplyTo: readonly string[];
  readonly references: readonly string[];
  readonly addresses: readonly string[];
}): ThreadLinks {
  const self = new Set(input.selfIds);
  const addrs = new Set(input.addresses.map((a) => a.toLowerCase()).filter(Boolean));
  const ok = (id: string): boolean =>
    id.length > 0 && id.length <= MAX_ID_LENGTH && !self.has(id) && !addrs.has(id.toLowerCase()) && !/^[yn]$/i.test(id);
  const refs: string[] = [];
  const seen = new Set<string>();
  const add = (id: string): void => {
    if (ok(id) && !seen.has(id)) {
      seen.add(id);
      refs.push(id);
    }
  };
  for (const id of input.references) add(id);
  const irt = input.inReplyTo.filter(ok);
  const strictParent = irt.length === 1 ? (irt[0] ?? null) : null;
  for (const id of irt) add(id);
  const lastRef = input.references.filter(ok).at(-1) ?? null;
  return { refs, parent: strictParent ?? lastRef };
}
