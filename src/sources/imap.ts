import type { ImapFlow } from 'imapflow';
import type { ImapConfig } from '../config/types.js';
import { classifyImapError, connectImap, ImapTransientError, type ConnectDeps } from './imap-connect.js';
import { fetchNewMessages, type FetchEvent, type ImapCursor } from './imap-fetch.js';

export type { FetchEvent, FetchPass, ImapBatch, ImapCursor, ImapMessage, MailboxOpened } from './imap-fetch.js';
export { classifyImapError, ImapTransientError } from './imap-connect.js';

const MAX_IDLE_MS = 25 * 60_000;

/** Why waitForChange returned. */
export type WakeReason = 'exists' | 'poll' | 'aborted';

/**
 * One IMAP connection as the sync loop sees it: fetch new mail per mailbox, wait for more (IDLE,
 * with a poll timer as the fallback), close. It knows nothing of ingest: it yields batches.
 * Errors come out sorted (classifyImapError): ConveneError when permanent, ImapTransientError
 * when a reconnect may help.
 */
export class ImapSession {
  private closedReason: Error | null = null;
  /** EXISTS changes seen per mailbox, and their count when that mailbox's last pass began. */
  private readonly existsSeen = new Map<string, number>();
  private readonly existsAtPass = new Map<string, number>();

  private constructor(
    private readonly client: ImapFlow,
    private readonly config: ImapConfig,
  ) {
    client.on('close', () => {
      this.closedReason ??= new ImapTransientError(`IMAP ${config.host}:${config.port}: connection closed`, 'EConnectionClosed');
    });
    client.on('exists', (ev: { path?: string }) => {
      if (ev.path !== undefined) this.existsSeen.set(ev.path, (this.existsSeen.get(ev.path) ?? 0) + 1);
    });
  }

  /** Connect and log in (one new imapflow client per connection). */
  static async open(config: ImapConfig, deps: ConnectDeps): Promise<ImapSession> {
    return new ImapSession(await connectImap(config, deps), config);
  }

  get closed(): boolean {
    return this.closedReason !== null || !this.client.usable;
  }

  /**
   * Fetch what is newer than `cursor` in `mailbox`; see fetchNewMessages. IMAP failures come out
   * sorted; the consumer's own failures (a full disk while storing) never pass through here, as
   * iteration simply stops, so only IMAP failures may turn into a reconnect.
   */
  async *fetchNew(mailbox: string, cursor: ImapCursor | null, batchSize: number, signal?: AbortSignal): AsyncGenerator<FetchEvent> {
    this.existsAtPass.set(mailbox, this.existsSeen.get(mailbox) ?? 0);
    try {
      yield* fetchNewMessages(this.client, mailbox, cursor, batchSize, signal);
    } catch (err) {
      throw classifyImapError(err, this.config, mailbox);
    }
  }

  /**
   * Wait until `mailbox` reports new messages, the poll interval passes, or the signal aborts.
   * IDLE (RFC 2177) runs while waiting when enabled and offered; the next command ends it.
   * A dropped connection rejects with ImapTransientError.
   */
  async waitForChange(mailbox: string, pollMs: number, useIdle: boolean, signal?: AbortSignal): Promise<WakeReason> {
    if (this.closedReason) throw this.closedReason;
    try {
      // Select it (and leave it selected): IDLE reports on the selected mailbox only.
      const lock = await this.client.getMailboxLock(mailbox, { readOnly: true });
      lock.release();
    } catch (err) {
      throw classifyImapError(err, this.config, mailbox);
    }
    return new Promise<WakeReason>((resolve, reject) => {
      const finish = (why: WakeReason | Error): void => {
        clearTimeout(timer);
        this.client.off('exists', onExists);
        this.client.off('close', onClose);
        signal?.removeEventListener('abort', onAbort);
        if (why instanceof Error) reject(why);
        else resolve(why);
      };
      const onExists = (ev: { path?: string }): void => {
        if (ev.path === undefined || ev.path === mailbox) finish('exists');
      };
      const onClose = (): void => finish(this.closedReason ?? new ImapTransientError('IMAP: connection closed', 'EConnectionClosed'));
      const onAbort = (): void => finish('aborted');
      // RFC 2177 §3: servers may drop an IDLE after 30 minutes, so wake up within 25 at the latest.
      const timer = setTimeout(() => finish('poll'), Math.min(pollMs, MAX_IDLE_MS));
      this.client.on('exists', onExists);
      this.client.on('close', onClose);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (signal?.aborted) return finish('aborted');
      // New mail announced while the last pass ran (an EXISTS riding on its SEARCH response)
      // would get no second announcement: go round again at once.
      if ((this.existsSeen.get(mailbox) ?? 0) !== (this.existsAtPass.get(mailbox) ?? 0)) return finish('exists');
      if (useIdle && this.client.capabilities.has('IDLE')) {
        // Resolves when the next command breaks IDLE; a failure shows up as 'close' or on that command.
        this.client.idle().catch(() => undefined);
      }
    });
  }

  /** Log out politely, or drop the socket when the connection is already broken. */
  async close(): Promise<void> {
    if (this.closed) {
      this.client.close();
      return;
    }
    // A server that stops answering must not hang shutdown: LOGOUT gets two seconds.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, 2_000)));
    await Promise.race([this.client.logout().catch(() => undefined), timeout]);
    clearTimeout(timer);
    if (this.client.usable) this.client.close();
  }
}
