import libmime from 'libmime';
import { parseAddressHeader } from 'mailparser';
import { decodeHeaderBytes, decodeWithFallback } from './charset.js';
import { headerText, utf8 } from './header-text.js';
import { bodyStart, first } from './headers.js';
import { decodeTransfer } from './transfer-encoding.js';
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

  const body = decodeTransfer(raw.subarray(bodyStart(raw)), encoding);
  const text = decodeWithFallback(body, ct.params.charset);
  return { ...headerFields(headers, ct.params.charset), text: text.replace(/\r\n/g, '\n') };
}

/**
 * Subject and addresses decoded from the raw header block: RFC 2047 words (libmime) and
 * mailparser's own address parser, over header bytes decoded like bodies (charset.ts
 * decodeHeaderBytes: UTF-8, else the declared `charset`, else windows-1252).
 */
export function headerFields(headers: Map<string, string[]>, charset?: string): Omit<FastParsed, 'text'> {
  const text = (latin1: string): string => decodeHeaderBytes(latin1, charset).trim();
  const addresses = (values: readonly string[] | undefined): Address[] => {
    if (!values?.length) return [];
    const out: Address[] = [];
    for (const a of parseAddressHeader(values.map(text)).value) {
      if (a.group) for (const g of a.group) out.push({ name: g.name ?? '', address: (g.address ?? '').toLowerCase() });
      else out.push({ name: a.name ?? '', address: (a.address ?? '').toLowerCase() });
    }
    return out;
  };
  return {
    subject: headerText(headers, 'subject', charset),
    from: addresses(headers.get('from')?.slice(0, 1))[0] ?? null,
    // Several To or Cc headers (broken, but seen): every one counts, as mailparser reads them.
    to: addresses(headers.get('to')),
    cc: addresses(headers.get('cc')),
  };
}
