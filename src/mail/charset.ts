import { Transform } from 'node:stream';

/**
 * The charset fallback chain for body parts: declared → UTF-8 → windows-1252 → latin-1.
 * Text labelled ISO-8859-1 is read as windows-1252, as WHATWG's Encoding standard
 * does: mailers that mislabel cp1252 text put curly quotes and dashes in 0x80-0x9F, where real
 * latin-1 has only unused C1 controls. Node 20's TextDecoder decodes "windows-1252" as plain
 * latin-1 (nodejs/node#56542), so that table is ours.
 */
export function decodeWithFallback(bytes: Buffer, declared: string | undefined): string {
  let label = declared?.trim().toLowerCase().replace(/^"|"$/g, '');
  // 8-bit bytes under a US-ASCII label were never ASCII: most often UTF-8 from a mislabelling
  // mailer, so the label says nothing and the chain starts at UTF-8.
  if (label && ASCII_LABELS.has(label)) label = undefined;
  const chain = [label, 'utf-8', 'windows-1252'];
  for (const l of chain) {
    if (!l) continue;
    if (LATIN1_FAMILY.has(l)) return decodeWindows1252(bytes);
    try {
      return new TextDecoder(l, { fatal: true }).decode(bytes);
    } catch {
      // unknown label or invalid bytes for it: try the next one
    }
  }
  return bytes.toString('latin1'); // unreachable: windows-1252 decodes every byte
}

/**
 * Raw 8-bit header text (read as latin1 bytes, headers.ts) decoded with the body's fallback
 * chain: UTF-8 (RFC 6532) when the bytes are valid UTF-8, else the charset the message declares
 * (`hint`), else windows-1252. Latin-1 subjects and names used to come out as U+FFFD.
 */
export function decodeHeaderBytes(latin1: string, hint?: string): string {
  if (!/[\x80-\xff]/.test(latin1)) return latin1;
  const bytes = Buffer.from(latin1, 'latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWithFallback(bytes, hint);
  }
}

/** True when header text (as latin1 bytes) holds 8-bit bytes that are not UTF-8. */
export function hasNonUtf8Bytes(latin1: string): boolean {
  if (!/[\x80-\xff]/.test(latin1)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(latin1, 'latin1'));
    return false;
  } catch {
    return true;
  }
}

const LATIN1_FAMILY = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'latin-1',
  'l1',
  'cp819',
  'ibm819',
]);
const ASCII_LABELS = new Set(['us-ascii', 'ascii', 'ansi_x3.4-1968', 'us']);

// windows-1252 bytes 0x80..0x9F; the five undefined ones map to the C1 control, as WHATWG does.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Buffer): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes: number[] = [];
    for (const b of bytes.subarray(i, i + CHUNK)) codes.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
    out += String.fromCharCode(...codes);
  }
  return out;
}

/**
 * A stand-in for node-iconv's Iconv class, given to mailparser's `Iconv` option so that every
 * declared non-UTF-8 charset goes through the fallback chain above instead of failing.
 * It buffers one MIME part (message size is limited before parsing).
 */
export class FallbackIconv extends Transform {
  private readonly chunks: Buffer[] = [];
  constructor(
    private readonly from: string,
    _to: string,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk);
    done();
  }
  override _flush(done: () => void): void {
    this.push(Buffer.from(decodeWithFallback(Buffer.concat(this.chunks), this.from), 'utf8'));
    done();
  }
}
