import { OutboxReader, type OutboxRow } from './outbox-reader.js';

export type { OutboxRow, OutboxState } from './outbox-reader.js';

export interface NewOutboxRow {
  readonly meeting: string;
  readonly occurrence: string;
  readonly kind: string;
  readonly revision: number;
  readonly messageId: string;
  readonly subject: string;
  readonly from: string;
  readonly recipients: readonly string[];
  readonly due: number | null;
  readonly giveUpAt: number | null;
  readonly eml: Buffer;
  readonly html?: string;
  readonly modelJson?: string;
}

/**
 * The outbox table: writes are single guarded UPDATEs (WHERE state = the expected one), so two
 * processes racing on a row cannot both move it to "sending".
 */
export class OutboxStore extends OutboxReader {
  /** Insert a queued mail unless its key exists. Returns the row and whether it is new. */
  enqueue(m: NewOutboxRow, now: number): { row: OutboxRow; created: boolean } {
    const info = this.db
      .prepare(
        `INSERT INTO outbox (meeting, occurrence, kind, revision, state, message_id, subject, recipients_json, due, give_up_at,
           eml, html, model_json, created_at)
         VALUES (?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (meeting, occurrence, kind, revision) DO NOTHING`,
      )
      .run(
        m.meeting,
        m.occurrence,
        m.kind,
        m.revision,
        m.messageId,
        m.subject,
        JSON.stringify({ from: m.from, to: m.recipients }),
        m.due,
        m.giveUpAt,
        m.eml,
        m.html ?? null,
        m.modelJson ?? null,
        now,
      );
    return { row: this.byKey(m.meeting, m.occurrence, m.kind, m.revision)!, created: info.changes === 1 };
  }

  /**
   * queued → sending, recording when and by whom; false when another process got there first. The
   * heartbeat (claim-lease.ts) and in_data start afresh with each claim.
   */
  claim(id: number, now: number, claimant: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE outbox SET state = 'sending', attempts = attempts + 1, claimed_at = ?, claimed_by = ?, in_data = 0
           WHERE id = ? AND state = 'queued'`,
        )
        .run(now, claimant, id).changes === 1
    );
  }

  /** The claimant is alive and still sending. */
  beat(id: number, claimant: string): void {
    this.db.prepare(`UPDATE outbox SET heartbeat = heartbeat + 1 WHERE id = ? AND state = 'sending' AND claimed_by = ?`).run(id, claimant);
  }

  /** The server said 354: the body is on its way, and from now on the outcome can be unknown. */
  markInData(id: number, claimant: string): void {
    this.db.prepare(`UPDATE outbox SET in_data = 1 WHERE id = ? AND state = 'sending' AND claimed_by = ?`).run(id, claimant);
  }

  /** sending → sent, if the row still holds the claim `held`. */
  markSent(id: number, now: number, resolvedBy: string | null, held: Held): boolean {
    return (
      this.db
        .prepare(
          `UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL, in_data = 0, resolved_by = COALESCE(?, resolved_by)
           WHERE id = ? AND state = 'sending' AND ${HELD}`,
        )
        .run(now, resolvedBy, id, held.claimedBy, held.heartbeat ?? null, held.heartbeat ?? null).changes === 1
    );
  }

  /** A sent mail that some recipients refused: kept with the row, for status and the chair. */
  markRejected(id: number, rejected: readonly { address: string; error: string }[], error: string): void {
    this.db.prepare(`UPDATE outbox SET rejected_json = ?, last_error = ? WHERE id = ?`).run(JSON.stringify(rejected), error, id);
  }

  /** sending → queued, to try again at `next` (null: at once); `resend` counts a resend after an unknown outcome. */
  requeue(id: number, next: number | null, error: string | null, held: Held, o: { resolvedBy?: string; resend?: boolean } = {}): boolean {
    return (
      this.db
        .prepare(
          `UPDATE outbox SET state = 'queued', next_attempt_at = ?, last_error = COALESCE(?, last_error), in_data = 0,
             resolved_by = COALESCE(?, resolved_by), resends = resends + ? WHERE id = ? AND state = 'sending' AND ${HELD}`,
        )
        .run(next, error, o.resolvedBy ?? null, o.resend ? 1 : 0, id, held.claimedBy, held.heartbeat ?? null, held.heartbeat ?? null)
        .changes === 1
    );
  }

  /**
   * The outcome is unknown (no reply after the body was handed over): the row stays in "sending",
   * released (claimed_by NULL), and is looked for from `lookAt` on before anything is sent again.
   */
  release(id: number, lookAt: number, error: string, claimant: string): void {
    this.db
      .prepare(
        `UPDATE outbox SET claimed_by = NULL, next_attempt_at = ?, last_error = ? WHERE id = ? AND state = 'sending' AND claimed_by = ?`,
      )
      .run(lookAt, error, id, claimant);
  }

  /** sending (holding `held`) or queued → failed. */
  markFailed(id: number, error: string, held?: Held): boolean {
    return (
      this.db
        .prepare(
          `UPDATE outbox SET state = 'failed', last_error = ?, in_data = 0
           WHERE id = ? AND (state = 'queued' OR (state = 'sending' AND ${HELD}))`,
        )
        .run(error, id, held?.claimedBy ?? null, held?.heartbeat ?? null, held?.heartbeat ?? null).changes === 1
    );
  }

  /** A queued row waits until `next` (a failure report held until sending works again). */
  postpone(id: number, next: number, note: string): void {
    this.db.prepare(`UPDATE outbox SET next_attempt_at = ?, last_error = ? WHERE id = ? AND state = 'queued'`).run(next, note, id);
  }

  /**
   * The operator's retry: a queued, failed, dropped or released-unknown row is queued again at
   * once, with a new deadline and its resend count reset. False when the row is in no such state.
   */
  operatorRetry(id: number, giveUpAt: number | null): boolean {
    return (
      this.db
        .prepare(
          `UPDATE outbox SET state = 'queued', next_attempt_at = NULL, give_up_at = ?, resends = 0, in_data = 0, resolved_by = 'operator'
           WHERE id = ? AND (state IN ('queued', 'failed', 'dropped') OR (state = 'sending' AND claimed_by IS NULL))`,
        )
        .run(giveUpAt, id).changes === 1
    );
  }

  /** The operator's drop: queued, failed or released-unknown → dropped (its key stays taken, so it is not queued again). */
  drop(id: number, note: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE outbox SET state = 'dropped', last_error = COALESCE(last_error, ?), resolved_by = 'operator'
           WHERE id = ? AND (state IN ('queued', 'failed') OR (state = 'sending' AND claimed_by IS NULL))`,
        )
        .run(note, id).changes === 1
    );
  }
}

/**
 * The claim a transition expects the row to still hold: its claimant (null: released) and, for a
 * resolver that judged the claim dead, the heartbeat it saw, so two resolvers never both act.
 */
export interface Held {
  readonly claimedBy: string | null;
  readonly heartbeat?: number;
}

const HELD = 'claimed_by IS ? AND (? IS NULL OR heartbeat = ?)';
