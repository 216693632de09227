import { oneLine } from '../errors.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import { claimantGone, currentClaimant, HEARTBEAT_MS, OBSERVE_MS, withHeartbeat } from './claim-lease.js';
import { OutboxStore, type OutboxRow } from './outbox-store.js';
import { resolveInterrupted, type Core } from './resolve.js';
import { classifySendError, retryDelay } from './retry.js';
import type { SendResult, Transport } from './transport.js';

/** A mail delivered more than this after its due instant is reported as late. */
export const LATE_GRACE_MS = 5 * 60_000;

/** Points between state changes where a test can make the process die (kill -9 style). */
export type CrashPoint = 'queued' | 'sending' | 'accepted';

/** Where a mail whose outcome is unknown was looked for: found there, not found, or nowhere to look. */
export type Lookup = { readonly found: string } | { readonly notFound: readonly string[] } | { readonly nowhere: true };

export interface OutboxTiming {
  readonly heartbeatMs: number;
  /** How long another process's heartbeat is watched before its claim is judged dead. */
  readonly observeMs: number;
  /** After an unknown outcome, how long the list's echo may take before the mail is looked for. */
  readonly echoWaitMs: number;
  /** How often a mail is sent again when an unknown outcome was not found anywhere. */
  readonly maxResends: number;
}

export const DEFAULT_TIMING: OutboxTiming = { heartbeatMs: HEARTBEAT_MS, observeMs: OBSERVE_MS, echoWaitMs: 10 * 60_000, maxResends: 2 };

export interface OutboxDeps {
  readonly db: Db;
  readonly transport: Transport;
  readonly now: () => number;
  readonly logger: Logger;
  /** Has this mail gone out? The archive (the list's echo, seal compared) and the Sent folder. Default: nowhere to look. */
  readonly findDelivered?: (row: OutboxRow) => Promise<Lookup>;
  /** A mail failed for good or was refused for some recipients: tell the chair (queues a report; its failures are logged). */
  readonly onPermanentFailure?: (row: OutboxRow, error: string, partial?: boolean) => Promise<void>;
  readonly crashPoint?: (point: CrashPoint) => void;
  /** Is a claimant known to be dead? (default: same host and its pid is gone; see claim-lease.ts) */
  readonly claimantGone?: (claimant: string) => boolean;
  readonly timing?: Partial<OutboxTiming>;
}

export interface Delivery {
  readonly id: number;
  readonly kind: string;
  readonly outcome: 'sent' | 'partial' | 'retry' | 'unknown' | 'failed' | 'skipped' | 'held';
  readonly late?: boolean;
}

/**
 * Exactly-once delivery over the outbox table. A mail moves queued → sending → sent | failed;
 * the row's UNIQUE key (meeting, occurrence, kind, revision) keeps a second copy from being
 * queued at all. A send fails plainly (retried with backoff until its give-up instant: by
 * default the call's start), or succeeds, or ends with its outcome unknown: no reply after the
 * body was handed over. An unknown outcome, like a crash while sending, is resolved by looking
 * for the mail before anything is sent again (resolve.ts); a claim another live process holds is
 * told apart by its heartbeat, not by clocks (claim-lease.ts).
 */
export class Outbox {
  readonly store: OutboxStore;
  private readonly core: Core;

  constructor(private readonly deps: OutboxDeps) {
    this.store = new OutboxStore(deps.db);
    this.core = {
      store: this.store,
      deps,
      timing: { ...DEFAULT_TIMING, ...deps.timing },
      gone: deps.claimantGone ?? claimantGone,
      report: (row, error) => this.report(row, error),
    };
  }

  /**
   * Resolve rows left in "sending" by a crash, a dead claimant or an unknown outcome. Call at
   * start of a pass, after a sync. Returns how many are left unresolved (a live send elsewhere, a
   * lookup that failed or must wait for the echo): those stay in "sending", neither sent again nor lost.
   */
  resolveInterrupted(): Promise<number> {
    return resolveInterrupted(this.core);
  }

  /**
   * Deliver every queued mail whose (re)try is due. Failure reports go last, and only when
   * sending works: after a mail went out in this pass, or when the transport verifies; else they
   * wait (issue 11: a report is not sent through the transport that just failed).
   */
  async deliverDue(): Promise<Delivery[]> {
    const due = this.store.due(this.deps.now());
    const out: Delivery[] = [];
    for (const row of due.filter((r) => r.kind !== 'failure-report')) out.push(await this.deliver(row));
    const reports = due.filter((r) => r.kind === 'failure-report');
    if (reports.length === 0) return out;
    let works = out.some((d) => d.outcome === 'sent' || d.outcome === 'partial');
    if (!works) {
      try {
        await this.deps.transport.verify();
        works = true;
      } catch (err) {
        const next = this.deps.now() + retryDelay(1 + Math.max(...reports.map((r) => r.attempts)));
        for (const r of reports) {
          this.store.postpone(r.id, next, `held until sending works again: ${oneLine(err)}`);
          out.push({ id: r.id, kind: r.kind, outcome: 'held' });
        }
        this.deps.logger.warn({ msg: 'failure reports held: sending still fails', reports: reports.length, error: oneLine(err) });
        return out;
      }
    }
    for (const row of reports) out.push(await this.deliver(row));
    return out;
  }

  /** Deliver one queued row. */
  async deliver(row: OutboxRow): Promise<Delivery> {
    const { logger, transport } = this.deps;
    const claimant = currentClaimant();
    const fields = { id: row.id, kind: row.kind, meeting: row.meeting, occurrence: row.occurrence, revision: row.revision };
    const done = (outcome: Delivery['outcome'], late?: boolean): Delivery => ({
      id: row.id,
      kind: row.kind,
      outcome,
      ...(late !== undefined ? { late } : {}),
    });
    const started = this.deps.now();
    if (row.giveUpAt !== null && started >= row.giveUpAt) {
      const last = row.lastError ? ` (last error: ${row.lastError})` : '';
      const error = `not sent by ${new Date(row.giveUpAt).toISOString()}; giving up${last}`;
      if (!this.store.markFailed(row.id, error)) return done('skipped');
      logger.error({ msg: 'mail failed', ...fields, messageId: row.messageId, error });
      await this.report(row, error);
      return done('failed');
    }
    this.deps.crashPoint?.('queued');
    if (!this.store.claim(row.id, started, claimant)) return done('skipped');
    this.deps.crashPoint?.('sending');
    let afterData = false;
    let result: SendResult;
    try {
      result = await withHeartbeat(
        () => this.store.beat(row.id, claimant),
        () =>
          transport.send(
            { from: row.from, to: row.recipients, raw: row.eml, messageId: row.messageId, ...(row.html ? { html: row.html } : {}) },
            {
              onData: () => {
                afterData = true;
                this.store.markInData(row.id, claimant);
              },
            },
          ),
        this.core.timing.heartbeatMs,
      );
    } catch (err) {
      return this.failed(row, claimant, err, afterData);
    }
    // The server has accepted the mail. An error from here on (say the database is locked) is
    // not a send failure and must not be reported as one: it propagates, the row stays
    // "sending" with in_data set, and resolveInterrupted later looks for the mail.
    this.deps.crashPoint?.('accepted');
    const now = this.deps.now();
    if (!this.store.markSent(row.id, now, null, { claimedBy: claimant })) {
      logger.error({ msg: 'mail sent, but another process had taken the row over', ...fields, messageId: row.messageId });
    }
    const late = row.due !== null && now - row.due > LATE_GRACE_MS;
    const info = { ...fields, messageId: row.messageId, transport: transport.kind, response: result.response, attempts: row.attempts + 1 };
    const timing = { late, ...(late ? { lateByMs: now - row.due! } : {}) };
    if (result.rejected.length > 0) {
      const error = `refused for ${result.rejected.map((r) => `${r.address} (${r.error})`).join(', ')}`;
      this.store.markRejected(row.id, result.rejected, error);
      logger.warn({ msg: 'mail sent, but the server refused some recipients', ...info, ...timing, rejected: result.rejected });
      await this.report(row, error, true);
      return done('partial', late);
    }
    logger.info({ msg: 'mail sent', ...info, ...timing });
    return done('sent', late);
  }

  /** A send that threw: retried with backoff, failed at its give-up instant, or released as unknown. */
  private async failed(row: OutboxRow, claimant: string, err: unknown, afterData: boolean): Promise<Delivery> {
    const { logger } = this.deps;
    const error = oneLine(err);
    const now = this.deps.now();
    const attempts = row.attempts + 1;
    const fields = {
      id: row.id,
      kind: row.kind,
      meeting: row.meeting,
      occurrence: row.occurrence,
      messageId: row.messageId,
      error,
      attempts,
    };
    const failure = classifySendError(err, afterData);
    if (failure === 'unknown') {
      const lookAt = now + this.core.timing.echoWaitMs;
      this.store.release(row.id, lookAt, `no reply after the message was handed over (${error}): delivery unknown`, claimant);
      logger.warn({ msg: 'send outcome unknown: will look for the mail before sending it again', ...fields, lookAt: iso(lookAt) });
      return { id: row.id, kind: row.kind, outcome: 'unknown' };
    }
    const next = nextAttempt(now, attempts, row.giveUpAt);
    if (next !== null) {
      this.store.requeue(row.id, next, error, { claimedBy: claimant });
      logger[failure === 'transient' ? 'warn' : 'error']({ msg: 'send failed, will retry', ...fields, failure, nextAttemptAt: iso(next) });
      return { id: row.id, kind: row.kind, outcome: 'retry' };
    }
    this.store.markFailed(row.id, error, { claimedBy: claimant });
    logger.error({ msg: 'mail failed', ...fields, failure });
    await this.report(row, error);
    return { id: row.id, kind: row.kind, outcome: 'failed' };
  }

  private async report(row: OutboxRow, error: string, partial = false): Promise<void> {
    if (row.kind === 'failure-report' || !this.deps.onPermanentFailure) return;
    try {
      await this.deps.onPermanentFailure(row, error, partial);
    } catch (err) {
      this.deps.logger.error({ msg: 'could not queue a report to the chair', id: row.id, error: oneLine(err) });
    }
  }
}

const iso = (t: number): string => new Date(t).toISOString();

/** Below this much time before the give-up instant, a failed mail is not tried again. */
export const LAST_CHANCE_MS = 20_000;

/**
 * When to try a failed mail again: after the backoff delay, or, when that would be past its
 * give-up instant, halfway to it (a digest due a minute before its call still gets tries); null
 * when too little time is left.
 */
export function nextAttempt(now: number, attempts: number, giveUpAt: number | null): number | null {
  const next = now + retryDelay(attempts);
  if (giveUpAt === null || next < giveUpAt) return next;
  const left = giveUpAt - now;
  return left >= LAST_CHANCE_MS ? now + Math.floor(left / 2) : null;
}
