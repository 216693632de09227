import { decodeWithFallback } from './charset.js';
import { bodyStart, readHeaders } from './headers.js';
import { PARSE_LIMITS } from './limits.js';
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

interface ContentType {
  readonly mime: string;
  readonly params: Record<string, string>;
}

function parseContentType(value: string | undefined): ContentType {
  if (!value) return { mime: '', params: {} };
  // Parameters split at ";" outside quoted strings: boundary="a;b" is one value (RFC 2045 section 5.1).
  const [mime = '', ...rest] = value.match(/(?:"(?:[^"\\]|\\.)*"|[^;])+/g) ?? [];
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    params[p.slice(0, eq).trim().toLowerCase()] = p
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .replace(/\\(.)/g, '$1');
  }
  return { mime: mime.trim().toLowerCase(), params };
}

/** The parts between `--boundary` lines, in order; the close delimiter ends them. */
function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const text = body.toString('latin1');
  const delim = `--${boundary}`;
  const parts: Buffer[] = [];
  let pos = text.startsWith(delim) ? 0 : text.indexOf(`\n${delim}`);
  if (pos > 0) pos++;
  while (pos !== -1) {
    const after = pos + delim.length;
    if (text.startsWith('--', after)) break;
    const lineEnd = text.indexOf('\n', after);
    if (lineEnd === -1) break;
    const next = text.indexOf(`\n${delim}`, lineEnd);
    let end = next === -1 ? text.length : next;
    // The line break before a delimiter belongs to the delimiter (RFC 2046 section 5.1.1).
    if (next !== -1 && text[end - 1] === '\r') end--;
    parts.push(body.subarray(lineEnd + 1, end));
    pos = next === -1 ? -1 : next + 1;
  }
  return parts;
}
