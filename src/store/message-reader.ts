/**
 * Readers of the messages table (store/message-writer.ts is its writer): lookups by Message-ID and
 * the header rows other modules show. Everything outside store/ that needs a stored message's
 * row asks here instead of writing its own SELECT.
 */
import type { Db } from './db.js';

/** Does the archive hold a message with this Message-ID header (the list's echo of our own mail)? */
export function archiveHasMessageId(db: Db, messageId: string): boolean {
  const id = messageId.replace(/^<|>$/g, '');
  return db.prepare('SELECT 1 FROM messages WHERE header_mid = ? LIMIT 1').get(id) !== undefined;
}
