/**
 * The chair's commands in a reply (issue 10, review by reply): one per line, case-insensitive,
 * numbers as the mail replied to showed them. Pure. Only the author's own lines count: quoted
 * lines (">"), the signature (RFC 3676 "-- ") and everything after an attribution or an
 * "Original Message" separator are never commands, and neither is a line that appears in the
 * mail replied to (a client that quotes without ">" must not turn our own examples into
 * actions). Anything else that is not a command is reported back, never guessed at.
 */

export type Command =
  | { readonly kind: 'accept' | 'defer'; readonly refs: readonly number[] }
  | { readonly kind: 'reject'; readonly refs: readonly number[]; readonly reason: string | null }
  | { readonly kind: 'merge'; readonly refs: readonly number[]; readonly into: number }
  | { readonly kind: 'title'; readonly ref: number; readonly title: string }
  | { readonly kind: 'move'; readonly ref: number; readonly to: number }
  | { readonly kind: 'add'; readonly title: string; readonly presenter?: string; readonly durationMinutes?: number }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'send' };

export interface CommandLine {
  /** The line as the chair wrote it (trimmed). */
  readonly line: string;
  readonly command: Command;
}

export interface ReadCommands {
  readonly commands: readonly CommandLine[];
  /** Lines of the chair's own text that are not commands. */
  readonly notUnderstood: readonly string[];
}

/** Where the chair's own text ends: a signature, an attribution, a forwarded or quoted original. */
const END = [
  /^--\s?$/,
  /^-{2,}\s*(?:original message|forwarded message)\s*-{2,}$/i,
  /^_{8,}$/,
  /^on\s.{0,200}\b(?:wrote|writes|schrieb|a écrit)\s*:?$/i,
  /^(?:from|de|von):\s.+@/i,
];
const QUOTED = /^\s{0,3}[>|]/;
const REFS = String.raw`#?\d+(?:\s*(?:,|and|&|\s)\s*#?\d+)*`;

/** Lower-case, one space: how lines are compared with the mail replied to. */
export function normaliseLine(line: string): string {
  return line.replace(/\s+/g, ' ').trim().toLowerCase();
}

function refsOf(text: string): number[] {
  return [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));
}

/** One line as a command, or null. */
export function parseCommand(line: string): Command | null {
  const t = line.replace(/\s+/g, ' ').trim();
  const bare = t.replace(/[.!]$/, '');
  let m: RegExpExecArray | null;
  if ((m = new RegExp(String.raw`^(accept|defer)\s+(${REFS})$`, 'i').exec(bare)))
    return { kind: m[1]!.toLowerCase() as 'accept' | 'defer', refs: refsOf(m[2]!) };
  if ((m = new RegExp(String.raw`^reject\s+(${REFS})(?:\s*[:,;—–-]?\s+(.+))?$`, 'i').exec(t)))
    return { kind: 'reject', refs: refsOf(m[1]!), reason: m[2]?.trim() || null };
  if ((m = new RegExp(String.raw`^merge\s+(${REFS})\s+into\s+#?(\d+)$`, 'i').exec(bare)))
    return { kind: 'merge', refs: refsOf(m[1]!), into: Number(m[2]) };
  if ((m = /^(?:title|rename)\s+#?(\d+)\s*[:—–-]?\s+(.+)$/i.exec(t))) return { kind: 'title', ref: Number(m[1]), title: m[2]!.trim() };
  if ((m = /^move\s+#?(\d+)\s+to\s+(?:position\s+)?#?(\d+)$/i.exec(bare))) return { kind: 'move', ref: Number(m[1]), to: Number(m[2]) };
  if ((m = /^add\s*:?\s+(.+)$/i.exec(t))) return addCommand(m[1]!);
  if (/^cancel(?: (?:the |this )?call)?$/i.test(bare)) return { kind: 'cancel' };
  if (/^send(?: (?:now|it|the agenda|the digest))*$/i.test(bare)) return { kind: 'send' };
  return null;
}

/** "Release planning (15 min) [Ann]": the title, the time it needs, who presents (as the call for items asks). */
function addCommand(text: string): Command | null {
  let rest = text.trim();
  let durationMinutes: number | undefined;
  let presenter: string | undefined;
  for (let again = true; again;) {
    again = false;
    const d = /\s*\((\d{1,3})\s*(?:min|mins|minutes|m)\)\s*$/i.exec(rest);
    if (d) {
      durationMinutes = Number(d[1]);
      rest = rest.slice(0, d.index).trim();
      again = true;
    }
    const p = /\s*\[([^\]]{1,80})\]\s*$/.exec(rest);
    if (p) {
      presenter = p[1]!.trim();
      rest = rest.slice(0, p.index).trim();
      again = true;
    }
  }
  if (!rest) return null;
  return { kind: 'add', title: rest, ...(presenter ? { presenter } : {}), ...(durationMinutes ? { durationMinutes } : {}) };
}

/**
 * The commands in the chair's own text (the message body as ingest split it, quotes removed);
 * `original` holds the normalised lines of the mail replied to.
 */
export function readCommands(ownText: string, original: ReadonlySet<string> = new Set()): ReadCommands {
  const commands: CommandLine[] = [];
  const notUnderstood: string[] = [];
  for (const raw of ownText.split(/\r?\n/)) {
    const line = raw.trim();
    if (END.some((re) => re.test(line))) break;
    if (line === '' || QUOTED.test(raw) || original.has(normaliseLine(line))) continue;
    const command = parseCommand(line);
    if (command) commands.push({ line, command });
    else notUnderstood.push(line);
  }
  return { commands, notUnderstood };
}
