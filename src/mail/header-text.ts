import libmime from 'libmime';
import { first } from './headers.js';

// libmime takes ~100 ms to load: kept out of headers.ts, which `convene search` loads for snippets.

/** A header's first value as text: RFC 6532 UTF-8 bytes, RFC 2047 encoded words decoded. */
export function headerText(headers: Map<string, string[]>, name: string): string {
  const value = utf8(first(headers, name) ?? '');
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
