import { decodeWithFallback } from './charset.js';
import { bodyStart, readHeaders } from './headers.js';
import { PARSE_LIMITS } from './limits.js';
import { parseContentType, splitMultipart } from './mime-structure.js';
import { decodeTransfer } from './transfer-encoding.js';

/** A leaf of the MIME tree (a part that is not multipart), in document order. */
export interface MimeLeaf {
  /** Lower-case type/subtype; '' when the part declares none (text/plain by RFC 2045). */
  readonly type: string;
  readonly params: Readonly<Record<string, string>>;
  /** Content-Disposition: attachment. */
  readonly attachment: boolean;
  /** The nearest enclosing multipart/alternative (a number per such part), or null. */
  readonly alternative: number | null;
  /** The part's body decoded: transfer encoding, then ingest's charset chain. */
  text(): string;
}

/**
 * Walk the MIME tree of raw bytes iteratively (bounded by PARSE_LIMITS.maxParts), splitting
 * multiparts on their boundary lines (RFC 2046 section 5.1.1) and entering inline
 * message/rfc822 parts, and return the leaves.
 */
export function mimeLeaves(raw: Buffer): MimeLeaf[] {
  const leaves: MimeLeaf[] = [];
  const queue: { part: Buffer; alternative: number | null }[] = [{ part: raw, alternative: null }];
  let alternatives = 0;
  for (let seen = 0; queue.length && seen < PARSE_LIMITS.maxParts; seen++) {
    const { part, alternative } = queue.shift()!;
    const headers = readHeaders(part);
    const ct = parseContentType(headers.get('content-type')?.[0]);
    const body = part.subarray(bodyStart(part));
    if (ct.mime.startsWith('multipart/')) {
      const inner = ct.mime === 'multipart/alternative' ? ++alternatives : alternative;
      if (ct.params.boundary) queue.unshift(...splitMultipart(body, ct.params.boundary).map((p) => ({ part: p, alternative: inner })));
      continue;
    }
    const encoding = headers.get('content-transfer-encoding')?.[0];
    const attachment = headers.get('content-disposition')?.[0]?.trim().toLowerCase().startsWith('attachment') ?? false;
    // A message forwarded inline is read through, as mailparser and notmuch do.
    if (
      ct.mime === 'message/rfc822' &&
      !attachment &&
      !encoding
        ?.trim()
        .toLowerCase()
        .match(/^(base64|quoted-printable)$/)
    ) {
      queue.unshift({ part: body, alternative });
      continue;
    }
    leaves.push({
      type: ct.mime,
      params: ct.params,
      attachment,
      alternative,
      text: () => decodeWithFallback(decodeTransfer(body, encoding), ct.params.charset),
    });
  }
  return leaves;
}
