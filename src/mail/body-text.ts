import { htmlText } from './html-text.js';
import { mimeLeaves } from './mime-parts.js';
import { unflow } from './text-parts.js';

/**
 * The plain-text body of stored raw bytes, for snippets, `thread --flat` and `show`, without
 * loading mailparser (start-up time counts for `convene search`): the first text/plain part that
 * is not an attachment, else the first text/html part as text (html-text.ts).
 * Decoding is ingest's own (mime-parts.ts: the transfer encodings of transfer-encoding.ts and the
 * charset fallback chain of charset.ts), so what is shown is what was indexed.
 */
export function bodyText(raw: Buffer): string {
  const leaves = mimeLeaves(raw).filter((l) => !l.attachment);
  const plain = leaves.find((l) => l.type === 'text/plain' || l.type === '');
  if (plain) return unflow(plain.text(), plain.params);
  const html = leaves.find((l) => l.type === 'text/html');
  return html ? htmlText(html.text()) : '';
}
