/**
 * Content-Transfer-Encoding (RFC 2045 section 6): the one decoder of quoted-printable and base64
 * that ingest's fast path (fast-parse.ts) and the text shown by search and show (body-text.ts)
 * share. Unknown encodings (7bit, 8bit, binary, x-anything) pass through as they are.
 */

/** Undo the transfer encoding a part declares. */
export function decodeTransfer(body: Buffer, encoding: string | undefined): Buffer {
  const cte = (encoding ?? '').trim().toLowerCase();
  if (cte === 'base64') return decodeBase64(body);
  if (cte === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** base64, ignoring line breaks and anything else outside the alphabet (as mail readers do). */
export function decodeBase64(body: Buffer): Buffer {
  return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
}

/** RFC 2045 section 6.7: =XX escapes and soft line breaks ("=" at the end of a line). */
export function decodeQuotedPrintable(body: Buffer): Buffer {
  const out = Buffer.alloc(body.length);
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== 0x3d) {
      out[n++] = c;
      continue;
    }
    const a = body[i + 1];
    const b = body[i + 2];
    if (a === 0x0a) {
      i += 1; // soft break, LF
    } else if (a === 0x0d && b === 0x0a) {
      i += 2; // soft break, CRLF
    } else if (a !== undefined && b !== undefined && isHex(a) && isHex(b)) {
      out[n++] = parseInt(String.fromCharCode(a, b), 16);
      i += 2;
    } else {
      out[n++] = c; // a stray "=": keep it, as decoders do
    }
  }
  return out.subarray(0, n);
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}
