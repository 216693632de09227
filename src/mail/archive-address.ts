/**
 * Mailman's pipermail archive (the monthly ".txt" files an operator may import from a list's web
 * archive) hides each sender's address: "From: suraj at chennailug.org (Suraj Kumar)", even
 * '"Ganesh Kumar" <alganesh at rediffmail.com (Ganesh Kumar)>' (ILUGC, 2002). A parser finds no
 * address there, so a chair's mail no longer looks like the chair's. Read "user at host" back.
 */
import type { Address } from './types.js';

const HIDDEN = /([^\s@<>()",]+) at ((?:[a-z0-9-]+\.)+[a-z]{2,})/i;

/** The sender, with an address pipermail hid recovered; unchanged when an address was found. */
export function revealArchivedAddress(from: Address | null, rawFrom: string | undefined): Address | null {
  // An address with its "@" ("noon@example.org") was found; "alganesh at rediffmail.com" inside <> was not.
  if ((from?.address && /^[^\s@]+@[^\s@]+$/.test(from.address)) || rawFrom === undefined) return from;
  const m = HIDDEN.exec(rawFrom);
  if (!m) return from;
  const comment = /\(([^()]+)\)/.exec(rawFrom)?.[1]?.trim();
  // The display name before "<...>", when the comment gives none.
  const before = rawFrom
    .slice(0, Math.max(rawFrom.indexOf('<'), 0))
    .replace(/"/g, '')
    .trim();
  return { name: comment ?? before, address: `${m[1]}@${m[2]}`.toLowerCase() };
}
