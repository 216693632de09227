/**
 * The MIME structure of raw bytes, read without mailparser: Content-Type values and the parts of
 * a multipart body (RFC 2046 section 5.1.1). Shared by mime-parts.ts (the leaves that are shown and
 * indexed) and limits.ts (what is too big to parse).
 */
import { bodyStart, readHeaders } from './headers.js';

export interface ContentType {
  readonly mime: string;
  readonly params: Record<string, string>;
}

export function parseContentType(value: string | undefined): ContentType {
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

/** The parts between `--boundary` lines (RFC 2046 section 5.1.1), in order; the close delimiter ends them. */
export function splitMultipart(body: Buffer, boundary: string): Buffer[] {
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

/**
 * How many MIME parts a message really has and how deep its multiparts nest, walking the
 * structure iteratively and stopping as soon as either passes its limit (so a bomb costs no more
 * than the limit). Text that merely mentions "boundary=" or "Content-Type:" (a patch to MIME
 * code) is body text, not structure, and counts for nothing.
 */
export function mimeShape(
  raw: Buffer,
  limits: { readonly maxParts: number; readonly maxDepth: number },
  headers = readHeaders(raw),
): { parts: number; depth: number } {
  let parts = 0;
  let depth = 0;
  const queue: { bytes: Buffer; headers: Map<string, string[]> | null; depth: number }[] = [{ bytes: raw, headers, depth: 0 }];
  while (queue.length && parts <= limits.maxParts && depth <= limits.maxDepth) {
    const part = queue.pop()!;
    parts++;
    depth = Math.max(depth, part.depth);
    const type = parseContentType((part.headers ?? readHeaders(part.bytes)).get('content-type')?.[0]);
    if (!type.mime.startsWith('multipart/') || !type.params.boundary) continue;
    for (const child of splitMultipart(part.bytes.subarray(bodyStart(part.bytes)), type.params.boundary))
      queue.push({ bytes: child, headers: null, depth: part.depth + 1 });
  }
  return { parts, depth };
}
