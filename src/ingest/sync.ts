import type { ImapConfig } from '../config/types.js';
import { ConveneError, oneLine } from '../errors.js';
import { addSummary, emptySummary, Ingester, type AfterStoreHook, type IngestSummary } from './ingester.js';
import type { Prepare } from '../mail/prepare-pool.js';
import { backoffDelay, DEFAULT_BACKOFF, sleep as realSleep, type BackoffPolicy } from '../sources/backoff.js';
import type { ConnectDeps } from '../sources/imap-connect.js';
import { silentLogger, type Logger } from '../log.js';
import { ImapSession, ImapTransientError, type FetchPass, type ImapCursor, type WakeReason } from '../sources/imap.js';
import type { FetchHandlers } from '../sources/imap-fetch.js';
import type { Db } from '../store/db.js';
import { SyncState } from './sync-state.js';

/** The part of an IMAP connection the loop uses (ImapSession; tests may wrap it). */
export interface SyncSession {
  fetchNew(
    mailbox: string,
    cursor: ImapCursor | null,
    batchSize: number,
    handlers: FetchHandlers,
    signal?: AbortSignal,
  ): Promise<FetchPass>;
  waitForChange(mailbox: string, pollMs: number, useIdle: boolean, signal?: AbortSignal): Promise<WakeReason>;
  close(): Promise<void>;
}

export interface MailboxSyncSummary extends IngestSummary {
  readonly mailbox: string;
  uidValidity: string | null;
  /** The committed cursor. */
  lastUid: number;
  uidValidityChanges: number;
}

export interface SyncResult {
  readonly account: string;
  readonly mailboxes: MailboxSyncSummary[];
  /** Connection attempts, the first included. */
  connections: number;
  reconnects: number;
}

export interface SyncProgress {
  readonly mailbox: string;
  readonly done: number;
  readonly total: number;
  readonly summary: MailboxSyncSummary;
}

export interface SyncOptions {
  readonly db: Db;
  readonly config: ImapConfig;
  /** Return once every mailbox has caught up (cron); otherwise stay connected and follow new mail. */
  readonly once: boolean;
  readonly logger?: Logger;
  readonly afterStore?: readonly AfterStoreHook[];
  /** Stops the loop after the batch in flight (SIGTERM in the daemon). */
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: SyncProgress) => void;
  /** Called each time every mailbox has caught up (watch mode: before waiting for more). */
  readonly onCaughtUp?: (result: SyncResult) => void;
  /** Where secrets named by `env:` are looked up. */
  readonly env?: NodeJS.ProcessEnv;
  readonly now?: () => number;
  readonly backoff?: BackoffPolicy;
  readonly random?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** With `once`: failed attempts in a row (no batch committed in between) before giving up. */
  readonly maxAttempts?: number;
  /** Parse/hash/compress step (a worker pool for backfills); in-thread by default. */
  readonly prepare?: Prepare;
  /** Opens a connection; ImapSession.open unless a test injects one. */
  readonly open?: (config: ImapConfig, deps: ConnectDeps) => Promise<SyncSession>;
}

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
  const mailboxSync = new MailboxSync(options, logger);
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

/** One mailbox pass: cursor in, batches stored with the cursor advanced in their transaction. */
class MailboxSync {
  readonly summaries: MailboxSyncSummary[];
  onProgressMade: () => void = () => {};
  private readonly state: SyncState;
  private readonly ingester: Ingester;
  private readonly now: () => number;

  constructor(
    private readonly options: SyncOptions,
    private readonly logger: Logger,
  ) {
    this.state = new SyncState(options.db, options.config.account);
    this.ingester = new Ingester(options.db, options.prepare);
    this.now = options.now ?? Date.now;
    this.summaries = options.config.mailboxes.map((mailbox) => {
      const cursor = this.state.get(mailbox);
      return { mailbox, ...emptySummary(), uidValidity: cursor?.uidValidity ?? null, lastUid: cursor?.lastUid ?? 0, uidValidityChanges: 0 };
    });
  }

  async run(session: SyncSession, mailbox: string): Promise<void> {
    const summary = this.summaries.find((s) => s.mailbox === mailbox)!;
    const { config, afterStore, onProgress, signal } = this.options;
    const pass = await session.fetchNew(
      mailbox,
      this.state.get(mailbox),
      config.batchSize,
      {
        onOpen: (info) => {
          summary.uidValidity = info.uidValidity;
          if (info.previousUidValidity !== null) {
            // RFC 3501 §2.3.1.1: the old UIDs mean nothing now. Rescan from 0; the store recognises
            // messages it has by their content hash, so nothing is imported twice.
            this.state.resetForUidValidity(mailbox, info.previousUidValidity, info.uidValidity, this.now());
            summary.uidValidityChanges++;
            summary.lastUid = 0;
            this.logger.warn({
              msg: 'UIDVALIDITY changed: rescanning the mailbox',
              mailbox,
              from: info.previousUidValidity,
              to: info.uidValidity,
            });
          }
          onProgress?.({ mailbox, done: 0, total: info.total, summary });
        },
        onBatch: async (batch) => {
          let stored: IngestSummary;
          try {
            stored = await this.ingester.ingestBatch(batch.messages, {
              ...(afterStore ? { afterStore } : {}),
              commit: () => this.state.advance(mailbox, batch.uidValidity, batch.lastUid, this.now()),
            });
          } catch (err) {
            // Another writer holding the database (a `db reindex`, a review in another process)
            // is a wait, not a failure: back off and reconnect like after a dropped connection.
            const code = (err as { code?: unknown }).code;
            if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
              throw new ImapTransientError(`the database is busy (${code}); retrying`, code, { cause: err });
            }
            throw new ConveneError('DB', `storing mail from IMAP mailbox ${mailbox} failed: ${oneLine(err)}`, { cause: err });
          }
          addSummary(summary, stored);
          summary.lastUid = batch.lastUid;
          this.onProgressMade();
          onProgress?.({ mailbox, done: batch.done, total: batch.total, summary });
        },
      },
      signal,
    );
    // Records the UIDVALIDITY of a mailbox seen for the first time, and the time of this pass.
    this.state.advance(mailbox, pass.uidValidity, pass.lastUid, this.now());
    if (pass.total > 0) {
      this.logger.info({
        msg: 'mailbox synced',
        mailbox,
        fetched: pass.fetched,
        lastUid: pass.lastUid,
        read: summary.read,
        stored: summary.stored,
      });
    }
  }
}
