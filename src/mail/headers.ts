/**
 * A small raw-header reader. mailparser keeps only one value per header name, but several
 * Message-ID headers, a References header broken across lines and the exact In-Reply-To text all
 * matter for identity and threading, so these are read from the raw header block directly.
 */

/** End of the header block: the first empty line (CRLF or LF), or the whole buffer. */
export function headerEnd(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf === -1 && lf === -1) return raw.length;
  if (crlf === -1) return lf;
  if (lf === -1) return crlf;
  return Math.min(crlf, lf);
}

/** Where the body starts: after the blank line that ends the header block (CRLF or LF). */
export function bodyStart(raw: Buffer): number {
  const end = headerEnd(raw);
  if (end >= raw.length) return raw.length;
  return raw[end] === 0x0d ? end + 4 : end + 2;
}

/** Header name (lower case) → every unfolded value, in order. Values are latin1-decoded bytes. */
export function readHeaders(raw: Buffer): Map<string, string[]> {
  const block = raw.subarray(0, headerEnd(raw)).toString('latin1');
  const map = new Map<string, string[]>();
  let name = '';
  let value = '';
  const flush = (): void => {
    if (!name) return;
    const list = map.get(name);
    if (list) list.push(value.trim());
    else map.set(name, [value.trim()]);
  };
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && name) {
      value += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue; // an mbox From_ line or junk: not a header
    flush();
    name = line.slice(0, colon).trim().toLowerCase();
    value = line.slice(colon + 1);
  }
  flush();
  return map;
}

export function first(headers: Map<string, string[]>, name: string): string | undefined {
  return headers.get(name)?.[0];
}
