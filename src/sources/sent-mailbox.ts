import type { ImapConfig } from '../config/types.js';
import { connectImap } from './imap-connect.js';
import type { Logger } from '../log.js';

/**
 * Is a message with this Message-ID in the configured Sent folder? Used only to resolve a send a
 * crash interrupted (the archive's list echo is asked first). Opens one short IMAP connection,
 * searches the mailbox read-only (SEARCH HEADER Message-ID, RFC 3501 section 6.4.4) and logs out.
 * Errors are thrown: an unanswered question must leave the mail in "sending", never resend it.
 * In sources/ with the other IMAP client code, so send/ needs no IMAP: the mailings wiring hands
 * the outbox this lookup. Nothing of imapflow leaves this function.
 */
export function sentMailboxLookup(
  imap: ImapConfig,
  mailbox: string,
  logger: Logger,
  env?: NodeJS.ProcessEnv,
): (messageId: string) => Promise<boolean> {
  return async (messageId) => {
    const client = await connectImap(imap, { logger, ...(env ? { env } : {}) });
    try {
      const lock = await client.getMailboxLock(mailbox, { readOnly: true });
      try {
        const found = await client.search({ header: { 'message-id': `<${messageId}>` } }, { uid: true });
        return Array.isArray(found) && found.length > 0;
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
  };
}
