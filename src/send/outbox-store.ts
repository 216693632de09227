import type { Db } from '../store/db.js';

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed';

export interface OutboxRow {
  readonly id: number;
  readonly meeting: string;
  readonly occurrence: string;
  readonly kind: string;
  readonly revision: number;
  readonly state: OutboxState;
  readonly messageId: string;
  readonly subject: string;
  readonly recipients: readonly string[];
  readonly from: string;
  readonly due: number | null;
  readonly giveUpAt: number | null;
  readonly attempts: number;
  readonly nextAttemptAt: number | null;
  readonly lastError: string | null;
  readonly eml: Buffer;
  readonly html: string | null;
  readonly modelJson: string | null;
  readonly createdAt: number;
  readonly sentAt: number | null;
  readonly resolvedBy: string | null;
  /** When the row last entered "sending" (ms UTC), and by whom ("host pid"): its lease. */
  readonly claimedAt: number | null;
  readonly claimedBy: string | null;
}

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

const COLUMNS = `id, meeting, occurrence, kind, revision, state, message_id AS messageId, subject, recipients_json AS recipientsJson,
  due, give_up_at AS giveUpAt, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError, eml, html,
  model_json AS modelJson, created_at AS createdAt, sent_at AS sentAt, resolved_by AS resolvedBy, claimed_at AS claimedAt,
  claimed_by AS claimedBy`;

function toRow(r: Record<string, unknown>): OutboxRow {
  const env = JSON.parse(String(r.recipientsJson)) as { from: string; to: string[] };
  const { recipientsJson: _drop, ...rest } = r;
  return { ...(rest as unknown as OutboxRow), recipients: env.to, from: env.from };
}

/**
 * The outbox table: writes are single guarded UPDATEs (WHERE state = the expected one), so two
 * processes racing on a row cannot both move it to "sending".
 */
export class OutboxStore {
  constructor(private readonly db: Db) {}

  /** Insert a queued mail unless its key exists. Returns the row and whether it is new. */
  enqueue(m: NewOutboxRow, now: number): { row: OutboxRow; created: boolean } {
    const info = this.db
      .prepare(
        `INSERT INTO outbox (meeting, occurrence, kind, revision, state, message_id, subject, recipients_json, due, give_up_at, eml, html, model_json, created_at)
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

  byKey(meeting: string, occurrence: string, kind: string, revision: number): OutboxRow | undefined {
    const r = this.db
      .prepare(`SELECT ${COLUMNS} FROM outbox WHERE meeting = ? AND occurrence = ? AND kind = ? AND revision = ?`)
      .get(meeting, occurrence, kind, revision);
    return r ? toRow(r as Record<string, unknown>) : undefined;
  }

  byId(id: number): OutboxRow | undefined {
    const r = this.db.prepare(`SELECT ${COLUMNS} FROM outbox WHERE id = ?`).get(id);
    return r ? toRow(r as Record<string, unknown>) : undefined;
  }

  /** Every revision of one mail kind for an occurrence, newest first. */
  revisions(meeting: string, occurrence: string, kind: string): OutboxRow[] {
    return (
      this.db
        .prepare(`SELECT ${COLUMNS} FROM outbox WHERE meeting = ? AND occurrence = ? AND kind = ? ORDER BY revision DESC`)
        .all(meeting, occurrence, kind) as Record<string, unknown>[]
    ).map(toRow);
  }

  inState(state: OutboxState): OutboxRow[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM outbox WHERE state = ? ORDER BY id`).all(state) as Record<string, unknown>[]).map(
      toRow,
    );
  }

  /** Queued rows whose next attempt is due. */
  due(now: number): OutboxRow[] {
    return (
      this.db
        .prepare(`SELECT ${COLUMNS} FROM outbox WHERE state = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id`)
        .all(now) as Record<string, unknown>[]
    ).map(toRow);
  }

  recent(limit: number): OutboxRow[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM outbox ORDER BY id DESC LIMIT ?`).all(limit) as Record<string, unknown>[]).map(toRow);
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
        `UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL, resolved_by = COALESCE(?, resolved_by) WHERE id = ? AND state = 'sending'`,
      )
      .run(now, resolvedBy, id);
  }

  /** sending → queued, to try again at `next` (null: at once). */
  requeue(id: number, next: number | null, error: string | null, resolvedBy: string | null = null): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = 'queued', next_attempt_at = ?, last_error = COALESCE(?, last_error), resolved_by = COALESCE(?, resolved_by) WHERE id = ? AND state = 'sending'`,
      )
      .run(next, error, resolvedBy, id);
  }

  markFailed(id: number, error: string): void {
    this.db.prepare(`UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ? AND state IN ('sending', 'queued')`).run(error, id);
  }
}
