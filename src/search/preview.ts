import type { Db } from '../store/db.js';

/** Characters of own text kept per message: a snippet is 100 wide, a third of it before the match. */
export const PREVIEW_CHARS = 200;

/**
 * The opening of a message's text, whitespace folded, for snippets (issue 9): the author's own
 * text (ingest's split: no quotes, attribution or signature), else the quoted text. A cut
 * preview ends in '…'. Only the first few kilobytes are looked at: folding a long patch whole
 * would cost more than parsing it.
 */
export function previewOf(own: string, quoted: string): string {
  const text = own.trim() ? own : quoted;
  let head = fold(text.slice(0, PREVIEW_CHARS * 8));
  if (head.length < PREVIEW_CHARS && text.length > PREVIEW_CHARS * 8) head = fold(text);
  if (head.length <= PREVIEW_CHARS) return head;
  // Not between the two halves of a surrogate pair: a lone half would be stored as U+FFFD.
  const low = head.charCodeAt(PREVIEW_CHARS);
  const cut = low >= 0xdc00 && low <= 0xdfff ? PREVIEW_CHARS - 1 : PREVIEW_CHARS;
  return `${head.slice(0, cut).trimEnd()}…`;
}

function fold(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The stored previews of these messages (ids without one are absent: stored before migration 012). */
export function readPreviews(db: Db, ids: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (!ids.length) return out;
  const rows = db
    .prepare<[string], { id: number; text: string }>('SELECT id, text FROM message_previews WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids));
  for (const r of rows) out.set(r.id, r.text);
  return out;
}
