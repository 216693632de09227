/**
 * The original under a top-posted reply or forward, as Outlook and its kind write it: a separator
 * ("-----Original Message-----", "---------- Forwarded message ----------", Apple Mail's "Begin forwarded
 * message:"), then the original's own header lines (From:, Sent:, To:, Subject:) and its text, unquoted. The reply's own text stops
 * at the separator (text.ts ORIGINAL_START); this gives back who wrote the original and what.
 */

export interface TopPostedOriginal {
  /** The original author's address, lower case ("dmorissette at MAPGEARS.COM" as archives hide it). */
  readonly fromAddr: string;
  readonly fromName: string;
  readonly subject: string;
  /** The original's text after its header lines. */
  readonly text: string;
}

// Apple Mail writes "Begin forwarded message:", a blank line, then the original's header lines.
const SEPARATOR = /^\s*(?:-{3,}\s*(?:Original Message|Forwarded message)\s*-{3,}|Begin forwarded message:)\s*$/i;
const HEADER = /^\s*(From|Sent|Date|To|Cc|Subject):\s*(.*)$/i;

/** The first original under a separator in the body, or null when there is none or it names no sender. */
export function topPostedOriginal(body: string): TopPostedOriginal | null {
  const lines = body.replace(/\r/g, '').split('\n');
  const start = lines.findIndex((l) => SEPARATOR.test(l));
  if (start < 0) return null;
  const fields = new Map<string, string>();
  let i = start + 1;
  while (i < lines.length && i < start + 3 && lines[i]!.trim() === '') i++;
  for (; i < lines.length && i < start + 12; i++) {
    const m = HEADER.exec(lines[i]!);
    if (!m) break;
    fields.set(m[1]!.toLowerCase(), m[2]!.trim());
  }
  const from = fields.get('from');
  if (from === undefined) return null;
  // Pipermail and hypermail hide addresses as "name at example.org".
  const addr = /<([^<>]+)>/.exec(from)?.[1] ?? /\S+(?:@|\s+at\s+)\S+/.exec(from)?.[0] ?? '';
  const fromAddr = addr
    .replace(/\s+at\s+/i, '@')
    .trim()
    .toLowerCase();
  if (!fromAddr.includes('@')) return null;
  const fromName = from
    .replace(/<[^<>]*>/, '')
    .replace(/["']/g, '')
    .trim();
  return { fromAddr, fromName, subject: fields.get('subject') ?? '', text: lines.slice(i).join('\n') };
}
