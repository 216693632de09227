import libmime from 'libmime';
import { decodeHeaderBytes } from './charset.js';
import { first } from './headers.js';

// libmime takes ~100 ms to load: kept out of headers.ts, which `convene search` loads for snippets.

/**
 * A header's first value as text: raw 8-bit bytes decoded like bodies (charset.ts
 * decodeHeaderBytes: RFC 6532 UTF-8, else the message's declared `charset`, else windows-1252),
 * RFC 2047 encoded words decoded.
 */
export function headerText(headers: Map<string, string[]>, name: string, charset?: string): string {
  return decodeWords(decodeHeaderBytes(first(headers, name) ?? '', charset).trim());
}

/** RFC 2047 encoded words decoded (libmime); a value it cannot read stays as it is. */
export function decodeWords(value: string): string {
  try {
    return libmime.decodeWords(value);
  } catch {
    return value;
  }
}

/** Header bytes were read as latin1; mailparser reads them as UTF-8 (RFC 6532 headers). */
export function utf8(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8').trim();
}
