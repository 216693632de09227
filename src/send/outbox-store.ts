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
   * queued → sending, recording when and by whom (the lease resolveInterrupted honours); false
   * when another process got there first.
   */
  claim(id: number, now: number, claimant: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE outbox SET state = 'sending', attempts = attempts + 1, claimed_at = ?, claimed_by = ? WHERE id = ? AND state = 'queued'`,
        )
        .run(now, claimant, id).changes === 1
    );
  }

  markSent(id: number, now: number, resolvedBy: string | null): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL, resolved_by = COALESCE(?, resolved_by)
         WHERE id = ? AND state = 'sending'`,
      )
      .run(now, resolvedBy, id);
  }

  /** sending → queued, to try again at `next` (null: at once). */
  requeue(id: number, next: number | null, error: string | null, resolvedBy: string | null = null): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = 'queued', next_attempt_at = ?, last_error = COALESCE(?, last_error),
           resolved_by = COALESCE(?, resolved_by) WHERE id = ? AND state = 'sending'`,
      )
      .run(next, error, resolvedBy, id);
  }

  markFailed(id: number, error: string): void {
    this.db.prepare(`UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ? AND state IN ('sending', 'queued')`).run(error, id);
  }
}
