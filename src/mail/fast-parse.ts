import libmime from 'libmime';
import { parseAddressHeader } from 'mailparser';
import { decodeWithFallback } from './charset.js';
import { first, headerEnd } from './headers.js';
import type { Address } from './types.js';

/** What the fast path gives back: the fields mailparser would have given for such a message. */
export interface FastParsed {
  readonly subject: string;
  readonly from: Address | null;
  readonly to: Address[];
  readonly cc: Address[];
  readonly text: string;
}

const SIMPLE_ENCODINGS = new Set(['', '7bit', '8bit', 'binary', 'quoted-printable', 'base64']);

/**
 * Most list mail (patches, replies) is one text/plain part. Decoding that needs no MIME tree, and
 * mailparser's stream machinery is most of ingest's CPU, so such messages take this path:
 * the same header decoding (libmime, mailparser's own address parser) and body decoding (transfer
 * encoding, then the charset fallback chain). Anything else (multipart, HTML, format=flowed,
 * attachments, unknown encodings) goes through mailparser. test/mail/fast-parse.test.ts checks
 * both paths agree on real mail.
 */
export function fastParse(raw: Buffer, headers: Map<string, string[]>): FastParsed | null {
  const ct = libmime.parseHeaderValue(utf8(first(headers, 'content-type') ?? 'text/plain'));
  const type = (ct.value || 'text/plain').toLowerCase();
  if (type !== 'text/plain' || (ct.params.format ?? '').toLowerCase() === 'flowed') return null;
  if ((headers.get('content-type')?.length ?? 0) > 1) return null;
  const encoding = (first(headers, 'content-transfer-encoding') ?? '').trim().toLowerCase();
  if (!SIMPLE_ENCODINGS.has(encoding)) return null;
  if (/attachment|filename/i.test(first(headers, 'content-disposition') ?? '')) return null;

  const start = bodyStart(raw);
  let body = raw.subarray(start);
  if (encoding === 'base64') body = Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  else if (encoding === 'quoted-printable') body = decodeQuotedPrintable(body);
  const text = decodeWithFallback(body, ct.params.charset);
  return {
    subject: decodeWords(utf8(first(headers, 'subject') ?? '')),
    from: addresses(headers.get('from')?.slice(0, 1))[0] ?? null,
    // Several To or Cc headers (broken, but seen): every one counts, as mailparser reads them.
    to: addresses(headers.get('to')),
    cc: addresses(headers.get('cc')),
    text: text.replace(/\r\n/g, '\n'),
  };
}

/** Header bytes were read as latin1; mailparser reads them as UTF-8 (RFC 6532 headers). */
function utf8(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8').trim();
}

function decodeWords(value: string): string {
  try {
    return libmime.decodeWords(value);
  } catch {
    return value;
  }
}

function addresses(values: readonly string[] | undefined): Address[] {
  if (!values?.length) return [];
  const out: Address[] = [];
  for (const a of parseAddressHeader(values.map(utf8)).value) {
    if (a.group) for (const g of a.group) out.push({ name: g.name ?? '', address: (g.address ?? '').toLowerCase() });
    else out.push({ name: a.name ?? '', address: (a.address ?? '').toLowerCase() });
  }
  return out;
}

/** After the blank line that ends the header block (CRLF or LF). */
function bodyStart(raw: Buffer): number {
  const end = headerEnd(raw);
  if (end >= raw.length) return raw.length;
  return raw[end] === 0x0d ? end + 4 : end + 2;
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
