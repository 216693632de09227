import type { Db } from '../store/db.js';

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed' | 'dropped';

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
  /** null in "sending": released by its sender with the outcome unknown (src/send/resolve.ts). */
  readonly claimedBy: string | null;
  /** Raised every few seconds while a process sends the row (src/send/claim-lease.ts). */
  readonly heartbeat: number;
  /** The body of the current claim was handed to the server and no reply was recorded. */
  readonly inData: boolean;
  /** How often the mail was sent again after an unknown outcome. */
  readonly resends: number;
  /** The recipients the server refused while it took the mail for the others. */
  readonly rejected: readonly { readonly address: string; readonly error: string }[];
}

const COLUMNS = `id, meeting, occurrence, kind, revision, state, message_id AS messageId, subject, recipients_json AS recipientsJson,
  due, give_up_at AS giveUpAt, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError, eml, html,
  model_json AS modelJson, created_at AS createdAt, sent_at AS sentAt, resolved_by AS resolvedBy, claimed_at AS claimedAt,
  claimed_by AS claimedBy, heartbeat, in_data AS inData, resends, rejected_json AS rejectedJson`;

function toRow(r: Record<string, unknown>): OutboxRow {
  const env = JSON.parse(String(r.recipientsJson)) as { from: string; to: string[] };
  const { recipientsJson: _drop, rejectedJson, inData, ...rest } = r;
  const rejected = rejectedJson ? (JSON.parse(String(rejectedJson)) as OutboxRow['rejected']) : [];
  return { ...(rest as unknown as OutboxRow), recipients: env.to, from: env.from, inData: inData === 1, rejected };
}

/** Readers of the outbox table (outbox-store.ts, the writer, extends this class). */
export class OutboxReader {
  constructor(protected readonly db: Db) {}

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

  /** The heartbeat and claimant of a row in "sending" (null once it left "sending"). */
  claimOf(id: number): { readonly claimedBy: string | null; readonly heartbeat: number } | null {
    const r = this.db.prepare(`SELECT claimed_by AS claimedBy, heartbeat FROM outbox WHERE id = ? AND state = 'sending'`).get(id);
    return (r as { claimedBy: string | null; heartbeat: number } | undefined) ?? null;
  }

  /** Rows the operator should hear about: failed, retrying after an error, unconfirmed, refused in part. */
  troubles(limit: number): OutboxRow[] {
    return (
      this.db
        .prepare(
          `SELECT ${COLUMNS} FROM outbox WHERE state = 'failed' OR (state IN ('queued', 'sending') AND last_error IS NOT NULL)
             OR resolved_by = 'unconfirmed' OR rejected_json IS NOT NULL ORDER BY id DESC LIMIT ?`,
        )
        .all(limit) as Record<string, unknown>[]
    ).map(toRow);
  }

  recent(limit: number): OutboxRow[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM outbox ORDER BY id DESC LIMIT ?`).all(limit) as Record<string, unknown>[]).map(toRow);
  }

  /** How many mails are in each state. */
  countsByState(): Record<string, number> {
    const rows = this.db.prepare('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state').all() as { state: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }
}
