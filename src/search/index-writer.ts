import type { ParsedMessage } from '../mail/types.js';
import type { Db } from '../store/db.js';

/**
 * Writes a message's text into the contentless FTS5 table (rowid = messages.id).
 * Columns: subject, body (own text), quoted (reply quotes, weighted down in ranking), sender,
 * to_r, cc_r (names and addresses), attachments (file names), list (List-Id).
 */
export class IndexWriter {
  private readonly insert;
  private readonly remove;

  constructor(db: Db) {
    this.insert = db.prepare(
      'INSERT INTO messages_fts (rowid, subject, body, quoted, sender, to_r, cc_r, attachments, list) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.remove = db.prepare('DELETE FROM messages_fts WHERE rowid = ?');
  }

  index(id: number, msg: ParsedMessage): void {
    const people = (list: ParsedMessage['to']): string => list.map((a) => `${a.name} ${a.address}`).join(' ');
    this.insert.run(
      id,
      msg.subject,
      msg.bodyText,
      msg.quotedText,
      msg.from ? `${msg.from.name} ${msg.from.address}` : '',
      people(msg.to),
      people(msg.cc),
      msg.attachments.map((a) => a.filename).join(' '),
      msg.listId ?? '',
    );
  }

  unindex(id: number): void {
    this.remove.run(id);
  }
}
