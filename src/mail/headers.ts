/**
 * A small raw-header reader. mailparser keeps only one value per header name, but several
 * Message-ID headers, a References header broken across lines and the exact In-Reply-To text all
 * matter for identity and threading, so these are read from the raw header block directly.
 */

/**
 * End of the header block: the first empty line (CRLF or LF), or the whole buffer. A part that
 * opens with an empty line has no header block at all (a body-only MIME part, public-inbox eml.t).
 */
export function headerEnd(raw: Buffer): number {
  if (raw[0] === 0x0a || (raw[0] === 0x0d && raw[1] === 0x0a)) return 0;
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
  if (end === 0) return raw[0] === 0x0d ? 2 : 1;
  return raw[end] === 0x0d ? end + 4 : end + 2;
}

/**
 * A field's name (RFC 5322 section 3.6.8 ftext: no whitespace, no colon; 8-bit bytes tolerated,
 * as mailers write them), then obsolete WSP before ":".
 */
const FIELD = /^([^\s:]+)[ \t]*:/;

/**
 * Header name (lower case) → every unfolded value, in order. Values are latin1-decoded bytes.
 * A line that starts no field continues the one before it, leading whitespace or not: some
 * archives hold long Subject lines wrapped without it, and public-inbox (t/eml.t) keeps them.
 * Such a line before any field (an mbox From_ line) is not a header.
 */
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
    const field = /^[ \t]/.test(line) ? null : FIELD.exec(line);
    if (!field) {
      if (name && line.trim()) value += ' ' + line.trim();
      continue;
    }
    flush();
    name = field[1]!.toLowerCase();
    value = line.slice(field[0].length);
  }
  flush();
  return map;
}

export function first(headers: Map<string, string[]>, name: string): string | undefined {
  return headers.get(name)?.[0];
}
