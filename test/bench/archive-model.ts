import { mboxBlocks, blockToMessage } from './corpus.js';

/** What the generator draws from: the real slice's people, subjects and text lines. */
export interface ArchiveModel {
  /** "Name <addr>" From values, most frequent first (rank 1 = the busiest author). */
  readonly authors: readonly string[];
  /** Thread subjects, without Re:/Fwd: prefixes. */
  readonly subjects: readonly string[];
  /** Body text lines in their original order (quoted lines dropped), so runs read like mail. */
  readonly lines: readonly string[];
}

const MAX_LINES = 600_000;

/**
 * Read the model from a real mbox. Only plain, unencoded text bodies feed `lines` (base64 or
 * quoted-printable bodies would read as noise); RFC 2047 encoded names and subjects are skipped
 * rather than decoded, which loses a few percent of them and keeps this free of a MIME parser.
 */
export async function loadArchiveModel(mbox: string): Promise<ArchiveModel> {
  const authorCount = new Map<string, number>();
  const subjects = new Set<string>();
  const lines: string[] = [];
  for await (const block of mboxBlocks(mbox)) {
    const msg = blockToMessage(block).toString('utf8');
    const split = msg.indexOf('\n\n');
    if (split === -1) continue;
    const headers = unfold(msg.slice(0, split));
    const from = header(headers, 'from');
    if (from && !from.includes('=?') && from.includes('@')) authorCount.set(from, (authorCount.get(from) ?? 0) + 1);
    const subject = header(headers, 'subject')
      ?.replace(/^((re|fwd?|aw|sv)\s*:\s*)+/i, '')
      .trim();
    if (subject && !subject.includes('=?') && subject.length <= 200) subjects.add(subject);
    const type = (header(headers, 'content-type') ?? 'text/plain').toLowerCase();
    const cte = (header(headers, 'content-transfer-encoding') ?? '').toLowerCase();
    if (!type.startsWith('text/plain') || cte.includes('base64') || cte.includes('quoted-printable')) continue;
    if (lines.length >= MAX_LINES) continue;
    for (const line of msg.slice(split + 2).split('\n')) {
      if (line.startsWith('>') || line.length > 200 || /wrote:\s*$/.test(line)) continue;
      lines.push(line.replace(/\r$/, ''));
    }
  }
  const authors = [...authorCount.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([a]) => a);
  if (!authors.length || !subjects.size || !lines.length) throw new Error(`${mbox}: no usable messages to model an archive on`);
  return { authors, subjects: [...subjects], lines };
}

/** Header lines joined with their continuation lines (RFC 5322 §2.2.3 unfolding). */
function unfold(head: string): string[] {
  const out: string[] = [];
  for (const line of head.split('\n')) {
    if (/^[ \t]/.test(line) && out.length) out[out.length - 1] += ` ${line.trim()}`;
    else out.push(line.replace(/\r$/, ''));
  }
  return out;
}

function header(headers: readonly string[], name: string): string | undefined {
  const prefix = `${name}:`;
  const line = headers.find((h) => h.toLowerCase().startsWith(prefix));
  return line?.slice(prefix.length).trim();
}
