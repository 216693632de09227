import { ConveneError, oneLine } from '../errors.js';
import type { Logger } from '../log.js';
import { ImapTransientError, type FetchPass, type MailboxOpened } from '../sources/imap.js';
import type { Batch } from './batch.js';
import { feed } from './feed.js';
import type { AfterStoreHook } from './ingester.js';
import { addSummary, emptySummary } from './summary.js';
import type { MailboxSyncSummary, SyncOptions, SyncSession } from './sync-types.js';
import { SyncState } from './sync-state.js';

/** A batch from IMAP, with the UID its cursor moves to. */
type ImapFeedBatch = Batch & { readonly lastUid: number };

/**
 * One mailbox pass: the stored cursor in, the new mail fed to ingest batch by batch, each batch's
 * transaction advancing the cursor to its last UID. One batch is in flight at a time (feed's
 * readAhead off): a stop or a dropped connection finds every fetched batch stored or not fetched.
 */
export class MailboxSync {
  readonly summaries: MailboxSyncSummary[];
  onProgressMade: () => void = () => {};
  private readonly state: SyncState;
  private readonly now: () => number;

  constructor(
    private readonly options: SyncOptions & { readonly afterStore: readonly AfterStoreHook[] },
    private readonly logger: Logger,
  ) {
    this.state = new SyncState(options.db, options.config.account);
    this.now = options.now ?? Date.now;
    this.summaries = options.config.mailboxes.map((mailbox) => {
      const cursor = this.state.get(mailbox);
      return { mailbox, ...emptySummary(), uidValidity: cursor?.uidValidity ?? null, lastUid: cursor?.lastUid ?? 0, uidValidityChanges: 0 };
    });
  }

  async run(session: SyncSession, mailbox: string): Promise<void> {
    const summary = this.summaries.find((s) => s.mailbox === mailbox)!;
    const { config, onProgress, signal, db, afterStore, prepare, watch, abandon } = this.options;
    let pass: FetchPass | undefined;
    const events = session.fetchNew(mailbox, this.state.get(mailbox), config.batchSize, signal);
    const batches = async function* (self: MailboxSync): AsyncGenerator<ImapFeedBatch> {
      for await (const ev of events) {
        if (ev.kind === 'open') self.opened(summary, ev.opened);
        else if (ev.kind === 'done') pass = ev.pass;
        else {
          const { uidValidity, lastUid } = ev.batch;
          const commit = (): void => self.state.advance(mailbox, uidValidity, lastUid, self.now());
          yield { messages: ev.batch.messages, cursor: { commit }, done: ev.batch.done, total: ev.batch.total, lastUid };
        }
      }
    };
    // The derived steps were decided once for the whole sync loop (syncImap): passed as they are.
    await feed(db, { meetings: [] }, batches(this), {
      afterStore,
      ...(prepare ? { prepare } : {}),
      ...(watch ? { watch } : {}),
      ...(abandon ? { signal: abandon } : {}),
      storeError: (err) => storeFailure(err, mailbox),
      onCommit: (batch, stored) => {
        addSummary(summary, stored);
        summary.lastUid = batch.lastUid;
        this.onProgressMade();
        onProgress?.({ mailbox, done: batch.done ?? 0, total: batch.total ?? 0, summary });
      },
    });
    if (!pass) return;
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

  private opened(summary: MailboxSyncSummary, info: MailboxOpened): void {
    summary.uidValidity = info.uidValidity;
    if (info.previousUidValidity !== null) {
      // RFC 3501 §2.3.1.1: the old UIDs mean nothing now. Rescan from 0; the store recognises
      // messages it has by their content hash, so nothing is imported twice.
      this.state.resetForUidValidity(info.mailbox, info.previousUidValidity, info.uidValidity, this.now());
      summary.uidValidityChanges++;
      summary.lastUid = 0;
      this.logger.warn({
        msg: 'UIDVALIDITY changed: rescanning the mailbox',
        mailbox: info.mailbox,
        from: info.previousUidValidity,
        to: info.uidValidity,
      });
    }
    this.options.onProgress?.({ mailbox: info.mailbox, done: 0, total: info.total, summary });
  }
}

/**
 * An error while storing a batch. Another writer holding the database (a `db reindex`, a review
 * in another process) is a wait, not a failure: back off and reconnect as after a dropped
 * connection. Anything else stops the sync, named as a storage failure.
 */
function storeFailure(err: unknown, mailbox: string): Error {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
    return new ImapTransientError(`the database is busy (${code}); retrying`, code, { cause: err });
  }
  return new ConveneError('DB', `storing mail from IMAP mailbox ${mailbox} failed: ${oneLine(err)}`, { cause: err });
}
