import { decodeWithFallback } from './charset.js';
import { bodyStart, readHeaders } from './headers.js';
import { htmlText } from './html-text.js';
import { parseContentType, splitMultipart } from './mime-structure.js';
import { decodeTransfer } from './transfer-encoding.js';

/**
 * The plain-text body of stored raw bytes, for snippets, `thread --flat` and `show`, without
 * loading mailparser (start-up time counts for `convene search`). Walks MIME parts iteratively
 * (bounded part count), takes the first text/plain part (else the first text/html part as text,
 * html-text.ts).
 * Decoding is ingest's own: the transfer encodings of transfer-encoding.ts and the charset
 * fallback chain of charset.ts, so what is shown is what was indexed.
 */
export function bodyText(raw: Buffer): string {
  const queue: Buffer[] = [raw];
  let html: string | null = null;
  for (let seen = 0; queue.length && seen < 200; seen++) {
    const part = queue.shift()!;
    const headers = readHeaders(part);
    const type = parseContentType(headers.get('content-type')?.[0]);
    const body = part.subarray(bodyStart(part));
    if (type.mime.startsWith('multipart/')) {
      if (type.params.boundary) queue.unshift(...splitMultipart(body, type.params.boundary));
      continue;
    }
    if (headers.get('content-disposition')?.[0]?.toLowerCase().startsWith('attachment')) continue;
    if (type.mime === 'text/plain' || type.mime === '') {
      return decodeText(body, headers.get('content-transfer-encoding')?.[0], type.params.charset);
    }
    if (type.mime === 'text/html' && html === null) {
      html = htmlText(decodeText(body, headers.get('content-transfer-encoding')?.[0], type.params.charset));
    }
  }
  return html ?? '';
}

function decodeText(body: Buffer, encoding: string | undefined, charset: string | undefined): string {
  return decodeWithFallback(decodeTransfer(body, encoding), charset);
}
