import { PART_BREAK } from '../mail/text-parts.js';
import type { ParsedMessage } from '../mail/types.js';
import type { Db } from '../store/db.js';
import { previewOf } from './preview.js';

/**
 * A term between two MIME parts' texts: a private-use character, which FTS5's unicode61 tokenizer
 * keeps as a token and no typed query produces, so a phrase cannot match across two parts.
 */
const PART_TERM = ' \ue000 ';

/** A text column's value: parts kept apart (mail/text-parts.ts PART_BREAK). */
const parts = (text: string): string => (text.includes(PART_BREAK) ? text.split(PART_BREAK).join(PART_TERM) : text);

/**
 * Writes a message's text into the contentless FTS5 table (rowid = messages.id), and the
 * opening of its text into message_previews (the snippets of text output; preview.ts).
 * Columns: subject, body (own text), quoted (reply quotes, weighted down in ranking), sender,
 * to_r, cc_r (names and addresses), attachments (file names), list (List-Id).
 */
export class IndexWriter {
  private readonly insert;
  private readonly remove;
  private readonly putPreview;
  private readonly dropPreview;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      'INSERT INTO messages_fts (rowid, subject, body, quoted, sender, to_r, cc_r, attachments, list) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.remove = db.prepare('DELETE FROM messages_fts WHERE rowid = ?');
    this.putPreview = db.prepare('INSERT OR REPLACE INTO message_previews (id, text) VALUES (?, ?)');
    this.dropPreview = db.prepare('DELETE FROM message_previews WHERE id = ?');
  }

  index(id: number, msg: ParsedMessage): void {
    const people = (list: ParsedMessage['to']): string => list.map((a) => `${a.name} ${a.address}`).join(' ');
    this.insert.run(
      id,
      msg.subject,
      parts(msg.bodyText),
      parts(msg.quotedText),
      msg.from ? `${msg.from.name} ${msg.from.address}` : '',
      people(msg.to),
      people(msg.cc),
      msg.attachments.map((a) => a.filename).join(' '),
      msg.listId ?? '',
    );
    this.putPreview.run(id, previewOf(msg.bodyText, msg.quotedText));
  }

  unindex(id: number): void {
    this.remove.run(id);
    this.dropPreview.run(id);
  }

  /** Empty the index and the previews (db reindex fills them again), in the caller's transaction. */
  clear(): void {
    this.db.exec('DELETE FROM messages_fts; DELETE FROM message_previews;');
  }
}

/** How many messages the index holds. */
export function indexedCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM messages_fts').get() as { n: number }).n;
}

/** FTS5's own consistency check: null when sound, else what it said. */
export function indexIntegrity(db: Db): string | null {
  try {
    db.exec("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')");
    return null;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'SQLITE_READONLY') throw err; // not a finding: the caller says so
    return (err as Error).message;
  }
}
