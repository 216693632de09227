import { headerEnd, readHeaders } from '../mail/headers.js';

/**
 * The plain-text body of stored raw bytes, for snippets, `thread --flat` and `show`, without
 * loading mailparser (start-up time counts for `convene search`). Walks MIME parts iteratively
 * (bounded part count), takes the first text/plain part (else text/html with tags removed),
 * undoes base64 / quoted-printable and decodes the declared charset with WHATWG TextDecoder.
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
      html = stripHtml(decodeText(body, headers.get('content-transfer-encoding')?.[0], type.params.charset));
    }
  }
  return html ?? '';
}

function bodyStart(part: Buffer): number {
  const end = headerEnd(part);
  if (end >= part.length) return part.length;
  return part[end] === 0x0d ? end + 4 : end + 2;
}

interface ContentType {
  readonly mime: string;
  readonly params: Record<string, string>;
}

export function parseContentType(value: string | undefined): ContentType {
  if (!value) return { mime: '', params: {} };
  const [mime = '', ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    params[p.slice(0, eq).trim().toLowerCase()] = p
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return { mime: mime.trim().toLowerCase(), params };
}

/** The parts between `--boundary` lines (RFC 2046 section 5.1.1), in order. */
function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const text = body.toString('latin1');
  const delim = `--${boundary}`;
  const parts: Buffer[] = [];
  let pos = text.indexOf(delim);
  while (pos !== -1) {
    const after = pos + delim.length;
    if (text.startsWith('--', after)) break; // the close delimiter
    const lineEnd = text.indexOf('\n', after);
    if (lineEnd === -1) break;
    const next = text.indexOf(`\n${delim}`, lineEnd);
    const end = next === -1 ? text.length : next;
    parts.push(body.subarray(lineEnd + 1, end));
    pos = next === -1 ? -1 : next + 1;
  }
  return parts;
}

function decodeText(body: Buffer, encoding: string | undefined, charset: string | undefined): string {
  const cte = (encoding ?? '').trim().toLowerCase();
  let bytes: Buffer = body;
  if (cte === 'base64') bytes = Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  else if (cte === 'quoted-printable') bytes = decodeQuotedPrintable(body);
  return decodeCharset(bytes, charset);
}

/** RFC 2045 section 6.7: =XX escapes and soft line breaks. */
export function decodeQuotedPrintable(body: Buffer): Buffer {
  const text = body.toString('latin1').replace(/=\r?\n/g, '');
  return Buffer.from(
    text.replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  );
}

/** Declared charset, else UTF-8 when valid, else windows-1252 (a superset of latin-1 in practice). */
function decodeCharset(bytes: Buffer, charset: string | undefined): string {
  const label = (charset ?? '').trim().toLowerCase();
  if (label === 'windows-1252' || label === 'cp1252') return decodeWindows1252(bytes);
  if (label && label !== 'us-ascii') {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // unknown label: fall through to the fallback chain
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** windows-1252 bytes 0x80-0x9F (Node's TextDecoder treats the label as latin-1, nodejs/node#56542). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

function stripHtml(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
