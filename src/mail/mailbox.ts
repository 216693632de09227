/** Helpers for one mailbox as config writes it: "Name <addr@example.org>" or a bare address. */

/** The address: what is inside the angle brackets, else the whole (trimmed) text. */
export function bareAddress(mailbox: string): string {
  return (/<([^<>]+)>\s*$/.exec(mailbox)?.[1] ?? mailbox).trim();
}

/** The display name: the text before "<addr>", without surrounding quotes ('' for a bare address). */
export function displayName(mailbox: string): string {
  return mailbox
    .replace(/\s*<[^>]*>\s*$/, '')
    .replace(/^"|"$/g, '')
    .trim();
}
