import type { ImapConfig } from '../config/types.js';
import { ConveneError } from '../errors.js';
import { silentLogger } from '../log.js';
import { backoffDelay, DEFAULT_BACKOFF, sleep as realSleep } from '../sources/backoff.js';
import type { ConnectDeps } from '../sources/imap-connect.js';
import { ImapSession, ImapTransientError } from '../sources/imap.js';
import { derivedSteps } from './derived.js';
import { MailboxSync } from './imap-pass.js';
import type { SyncOptions, SyncResult, SyncSession } from './sync-types.js';

export type { MailboxSyncSummary, SyncOptions, SyncProgress, SyncResult, SyncSession } from './sync-types.js';

/**
 * The IMAP sync loop (DESIGN principle 7): for each mailbox, fetch what is newer than the stored
 * cursor and ingest it batch by batch; each batch's transaction also advances the cursor, so a
 * crash or a dropped connection never loses or double-imports mail. After a drop, reconnect with
 * exponential backoff and jitter; rejected credentials and other permanent failures are thrown
 * at once (retrying them hammers the server and can lock the account).
 */
export async function syncImap(options: SyncOptions): Promise<SyncResult> {
  const { config, signal } = options;
  const logger = options.logger ?? silentLogger;
  const open = options.open ?? ((c: ImapConfig, d: ConnectDeps) => ImapSession.open(c, d));
  const pause = options.sleep ?? realSleep;
  // Decided once for the loop's life, not per pass: a watching sync makes many passes.
  const afterStore = options.afterStore ?? (await derivedSteps(options.db, { meetings: options.meetings ?? [] }, options.now));
  const mailboxSync = new MailboxSync({ ...options, afterStore }, logger);
  const result: SyncResult = { account: config.account, mailboxes: mailboxSync.summaries, connections: 0, reconnects: 0 };
  let failures = 0;
  mailboxSync.onProgressMade = () => void (failures = 0);

  while (!signal?.aborted) {
    let session: SyncSession | undefined;
    try {
      result.connections++;
      session = await open(config, { logger, ...(options.env ? { env: options.env } : {}) });
      logger.info({ msg: 'imap connected', host: config.host, port: config.port, account: config.account });
      for (;;) {
        for (const mailbox of config.mailboxes) {
          if (signal?.aborted) return result;
          await mailboxSync.run(session, mailbox);
        }
        failures = 0;
        options.onCaughtUp?.(result);
        if (options.once || signal?.aborted) return result;
        const why = await session.waitForChange(config.mailboxes[0]!, config.pollSeconds * 1000, config.idle, signal);
        if (why === 'aborted') return result;
      }
    } catch (err) {
      if (!(err instanceof ImapTransientError)) throw err;
      if (signal?.aborted) return result;
      failures++;
      if (options.once && failures >= (options.maxAttempts ?? 6)) {
        throw new ConveneError('IMAP_CONNECT', `${err.message} (gave up after ${failures} attempts in a row)`, { cause: err });
      }
      const delayMs = backoffDelay(failures - 1, options.backoff ?? DEFAULT_BACKOFF, options.random);
      logger.warn({ msg: 'imap connection failed; reconnecting', error: err.message, code: err.code, attempt: failures, delayMs });
      await pause(delayMs, signal);
      if (!signal?.aborted) result.reconnects++;
    } finally {
      await session?.close();
    }
  }
  return result;
}
