import { oneLine } from '../errors.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import { claimantGone, claimExpired, currentClaimant } from './claim-lease.js';
import { OutboxStore, type OutboxRow } from './outbox-store.js';
import { classifySendError, retryDelay } from './retry.js';
import type { Transport } from './transport.js';

/** A mail delivered more than this after its due instant is reported as late. */
export const LATE_GRACE_MS = 5 * 60_000;

/** Points between state changes where a test can make the process die (kill -9 style). */
export type CrashPoint = 'queued' | 'sending' | 'accepted';

export interface OutboxDeps {
  readonly db: Db;
  readonly transport: Transport;
  readonly now: () => number;
  readonly logger: Logger;
  /**
   * Has a mail with this Message-ID already gone out? Looks in the archive (the list's echo of
   * it) and in the configured Sent folder. Says where it was found, or null.
   */
  readonly findDelivered?: (messageId: string) => Promise<string | null>;
  /** Called when a mail failed for good (to tell the chair); its own failures are only logged. */
  readonly onPermanentFailure?: (row: OutboxRow, error: string) => Promise<void>;
  readonly crashPoint?: (point: CrashPoint) => void;
  /** Is a claimant known to be dead? (default: same host and its pid is gone; see claim-lease.ts) */
  readonly claimantGone?: (claimant: string) => boolean;
}

export interface Delivery {
  readonly id: number;
  readonly kind: string;
  readonly outcome: 'sent' | 'retry' | 'failed' | 'skipped';
  readonly late?: boolean;
}

/**
 * Exactly-once delivery over the outbox table. A mail moves queued → sending → sent | failed;
 * the row's UNIQUE key (meeting, occurrence, kind, revision) keeps a second copy from being
 * queued at all. The one window a crash can open is between the SMTP server accepting the mail
 * and the row becoming "sent": such a row is still "sending" on restart, and is resolved before
 * anything else happens: found in the archive or the Sent folder → sent; not found → sent again
 * with the same bytes and the same Message-ID (so receivers that dedupe on it drop a duplicate).
 * A row another live process is still sending looks the same, so a claim carries a lease
 * (claim-lease.ts): only a claim whose claimant is gone or whose lease ran out is resolved.
 */
export class Outbox {
  readonly store: OutboxStore;

  private readonly claimant: string;

  constructor(private readonly deps: OutboxDeps) {
    this.store = new OutboxStore(deps.db);
    this.claimant = currentClaimant();
  }

  /**
   * Resolve rows a crash left in "sending". Call at start, after a sync. Returns how many are
   * left unresolved (a lookup failed, or another process may still be sending it: its lease has
   * not run out): those stay in "sending", neither sent again nor lost.
   */
  async resolveInterrupted(): Promise<number> {
    let unresolved = 0;
    const now = this.deps.now();
    for (const row of this.store.inState('sending')) {
      if (!claimExpired(row, now, this.deps.claimantGone ?? claimantGone)) {
        unresolved++;
        this.deps.logger.info({
          msg: 'a send is in progress elsewhere; leaving it to its claimant',
          id: row.id,
          kind: row.kind,
          messageId: row.messageId,
          claimedBy: row.claimedBy,
          claimedAt: new Date(row.claimedAt!).toISOString(),
        });
        continue;
      }
      let where: string | null;
      try {
        where = (await this.deps.findDelivered?.(row.messageId)) ?? null;
      } catch (err) {
        unresolved++;
        this.deps.logger.error({
          msg: 'cannot tell whether an interrupted send went out; will ask again',
          id: row.id,
          kind: row.kind,
          messageId: row.messageId,
          error: oneLine(err),
        });
        continue;
      }
      if (where) {
        this.store.markSent(row.id, this.deps.now(), where);
        this.deps.logger.info({
          msg: 'interrupted send resolved: already delivered',
          id: row.id,
          kind: row.kind,
          meeting: row.meeting,
          occurrence: row.occurrence,
          messageId: row.messageId,
          foundIn: where,
        });
      } else {
        this.store.requeue(row.id, null, null, 'resend');
        this.deps.logger.warn({
          msg: 'interrupted send resolved: not found, sending again under the same Message-ID',
          id: row.id,
          kind: row.kind,
          messageId: row.messageId,
        });
      }
    }
    return unresolved;
  }

  /** Deliver every queued mail whose (re)try is due. */
  async deliverDue(): Promise<Delivery[]> {
    const out: Delivery[] = [];
    for (const row of this.store.due(this.deps.now())) out.push(await this.deliver(row));
    return out;
  }

  /** Deliver one queued row. */
  async deliver(row: OutboxRow): Promise<Delivery> {
    const { logger } = this.deps;
    const fields = {
      id: row.id,
      kind: row.kind,
      meeting: row.meeting,
      occurrence: row.occurrence,
      revision: row.revision,
      messageId: row.messageId,
    };
    const started = this.deps.now();
    if (row.giveUpAt !== null && started >= row.giveUpAt) {
      const error = 'not sent before the call started; giving up';
      this.store.markFailed(row.id, error);
      logger.error({ msg: 'mail failed', ...fields, error });
      await this.reportFailure(row, error);
      return { id: row.id, kind: row.kind, outcome: 'failed' };
    }
    this.deps.crashPoint?.('queued');
    if (!this.store.claim(row.id, started, this.claimant)) return { id: row.id, kind: row.kind, outcome: 'skipped' };
    this.deps.crashPoint?.('sending');
    let info: { response: string };
    try {
      info = await this.deps.transport.send({
        from: row.from,
        to: row.recipients,
        raw: row.eml,
        messageId: row.messageId,
        ...(row.html ? { html: row.html } : {}),
      });
    } catch (err) {
      const error = oneLine(err);
      const now = this.deps.now();
      const attempts = row.attempts + 1;
      const next = now + retryDelay(attempts);
      if (classifySendError(err) === 'transient' && (row.giveUpAt === null || next < row.giveUpAt)) {
        this.store.requeue(row.id, next, error);
        logger.warn({ msg: 'send failed, will retry', ...fields, error, attempts, nextAttemptAt: new Date(next).toISOString() });
        return { id: row.id, kind: row.kind, outcome: 'retry' };
      }
      this.store.markFailed(row.id, error);
      logger.error({ msg: 'mail failed', ...fields, error, attempts });
      await this.reportFailure(row, error);
      return { id: row.id, kind: row.kind, outcome: 'failed' };
    }
    // The server has accepted the mail. An error from here on (say the database is locked) is
    // not a send failure and must not be reported as one: it propagates, the row stays
    // "sending", and resolveInterrupted later finds the mail in the archive or the Sent folder.
    this.deps.crashPoint?.('accepted');
    const now = this.deps.now();
    this.store.markSent(row.id, now, null);
    const late = row.due !== null && now - row.due > LATE_GRACE_MS;
    logger.info({
      msg: 'mail sent',
      ...fields,
      transport: this.deps.transport.kind,
      response: info.response,
      attempts: row.attempts + 1,
      late,
      ...(late ? { lateByMs: now - row.due! } : {}),
    });
    return { id: row.id, kind: row.kind, outcome: 'sent', late };
  }

  private async reportFailure(row: OutboxRow, error: string): Promise<void> {
    if (row.kind === 'failure-report' || !this.deps.onPermanentFailure) return;
    try {
      await this.deps.onPermanentFailure(row, error);
    } catch (err) {
      this.deps.logger.error({ msg: 'could not report a failed mail to the chair', id: row.id, error: oneLine(err) });
    }
  }
}
