import { htmlText } from './html-text.js';
import { mimeLeaves, type MimeLeaf } from './mime-parts.js';

/**
 * Marks where one MIME part's text ends and the next begins in ParsedMessage.bodyText and
 * quotedText. It is whitespace to every reader of the text (String.trim, /\s/); the search index
 * turns it into a term no query produces (search/index-writer.ts), so a phrase never spans two
 * parts, as notmuch indexes each part on its own (lib/index.cc).
 */
export const PART_BREAK = '\u2029';

/**
 * The texts a multipart message is indexed by, one per part, in document order:
 * - every text/plain (or message/delivery-status) part that is not an attachment, those of
 *   messages forwarded inline included;
 * - a text/html part (as text, html-text.ts) unless a multipart/alternative around it offers
 *   text/plain, so an HTML-only message is indexed whether its HTML sits at the root, in an
 *   alternative, or in multipart/related or /mixed beside images and files (notmuch T680).
 * mailparser's text converts HTML only at the root or beside text parts, and joins parts with
 * a bare newline; this keeps them apart.
 */
export function textParts(raw: Buffer): string[] {
  const leaves = mimeLeaves(raw).filter((l) => !l.attachment && (isPlain(l) || l.type === 'text/html'));
  const plainIn = new Set(leaves.filter(isPlain).map((l) => l.alternative));
  return leaves
    .filter((l) => isPlain(l) || l.alternative === null || !plainIn.has(l.alternative))
    .map((l) => (isPlain(l) ? unflow(l.text(), l.params) : htmlText(l.text())))
    .map((t) => t.replace(/\r\n/g, '\n'));
}

/** text/plain, or no type (RFC 2045's default); a bounce's delivery status reads as text too, as in mailparser. */
function isPlain(l: MimeLeaf): boolean {
  return l.type === 'text/plain' || l.type === '' || l.type === 'message/delivery-status';
}

/**
 * RFC 3676 format=flowed: a line ending in a space is continued by the next line of the same
 * quote depth (the space is removed too with DelSp=yes); "-- " (the signature separator) never
 * flows. Lines keep their quote markers, so quotes.ts still tells quoted text apart.
 */
export function unflow(text: string, params: Readonly<Record<string, string>>): string {
  if ((params.format ?? '').toLowerCase() !== 'flowed') return text;
  const delsp = (params.delsp ?? '').toLowerCase() === 'yes';
  const out: string[] = [];
  let open: { depth: number; text: string } | null = null;
  for (const line of text.split(/\r?\n/)) {
    const quotes = /^>*/.exec(line)![0];
    const rest = line.slice(quotes.length);
    const content = rest.startsWith(' ') ? rest.slice(1) : rest; // space-stuffing (section 4.4)
    if (open && open.depth !== quotes.length) {
      out.push(open.text);
      open = null;
    }
    const joined: string = open ? open.text + content : (quotes ? `${quotes} ` : '') + content;
    if (content.endsWith(' ') && content !== '-- ') {
      open = { depth: quotes.length, text: delsp ? joined.slice(0, -1) : joined };
    } else {
      out.push(joined);
      open = null;
    }
  }
  if (open) out.push(open.text);
  return out.join('\n');
}
