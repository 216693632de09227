/**
 * The writer (and only reader) of review_mails and review_scan: each stored reply to convene's
 * own mail is recorded once, a Message-ID is applied at most once (a replay of a command mail
 * does nothing), and the scan of the archive resumes where it stopped.
 */
import type { ReviewReport } from '../digest/build-mails.js';
import type { Db } from '../store/db.js';

export type ReviewState = 'ignored' | 'applied' | 'answered';

/** What a command mail did, as kept: the confirmation's report, and whether `send` is still to do. */
export type StoredReport = ReviewReport & { readonly send?: boolean };

export interface ReviewRow {
  readonly id: number;
  readonly messageId: string;
  readonly storedId: number;
  readonly at: number;
  readonly author: string;
  readonly meeting: string | null;
  readonly occurrence: string | null;
  readonly state: ReviewState;
  readonly reason: string | null;
  readonly report: StoredReport | null;
}

const COLUMNS = `id, message_id AS messageId, stored_id AS storedId, at, author, meeting, occurrence, state, reason,
  report_json AS reportJson`;

function toRow(r: Record<string, unknown> | undefined): ReviewRow | undefined {
  if (!r) return undefined;
  const { reportJson, ...rest } = r;
  return { ...(rest as unknown as ReviewRow), report: reportJson ? (JSON.parse(String(reportJson)) as StoredReport) : null };
}

export class ReviewStore {
  constructor(private readonly db: Db) {}

  /** messages.id up to which the archive has been looked through. */
  scanned(): number {
    return this.db.prepare<[], { n: number }>('SELECT last_stored AS n FROM review_scan WHERE id = 1').get()?.n ?? 0;
  }

  markScanned(upTo: number): void {
    this.db
      .prepare('INSERT INTO review_scan (id, last_stored) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET last_stored = MAX(last_stored, ?)')
      .run(upTo, upTo);
  }

  /** The command mail applied under this Message-ID, if any (ignored copies do not count). */
  byMessageId(messageId: string): ReviewRow | undefined {
    return toRow(
      this.db.prepare(`SELECT ${COLUMNS} FROM review_mails WHERE message_id = ? AND state <> 'ignored'`).get(messageId) as Record<
        string,
        unknown
      >,
    );
  }

  /** What became of one stored copy. */
  byStoredId(storedId: number): ReviewRow | undefined {
    return toRow(this.db.prepare(`SELECT ${COLUMNS} FROM review_mails WHERE stored_id = ?`).get(storedId) as Record<string, unknown>);
  }

  /** Command mails applied whose confirmation (and follow-ups) are not queued yet: a crash came between. */
  unanswered(): ReviewRow[] {
    return (
      this.db.prepare(`SELECT ${COLUMNS} FROM review_mails WHERE state = 'applied' ORDER BY id`).all() as Record<string, unknown>[]
    ).map((r) => toRow(r)!);
  }

  /** Record a stored mail the first time it is read. Returns its row id, or null when it was recorded before. */
  record(m: {
    messageId: string;
    storedId: number;
    at: number;
    author: string;
    meeting: string | null;
    occurrence: string | null;
    state: Exclude<ReviewState, 'answered'>;
    reason: string | null;
    report?: StoredReport;
  }): number | null {
    const info = this.db
      .prepare(
        `INSERT INTO review_mails (message_id, stored_id, at, author, meeting, occurrence, state, reason, report_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(m.messageId, m.storedId, m.at, m.author, m.meeting, m.occurrence, m.state, m.reason, m.report ? JSON.stringify(m.report) : null);
    return info.changes === 1 ? Number(info.lastInsertRowid) : null;
  }

  /** The report after the follow-ups ran (the digest sent, the list told). */
  updateReport(id: number, report: StoredReport): void {
    this.db.prepare(`UPDATE review_mails SET report_json = ? WHERE id = ?`).run(JSON.stringify(report), id);
  }

  markAnswered(id: number): void {
    this.db.prepare(`UPDATE review_mails SET state = 'answered' WHERE id = ? AND state = 'applied'`).run(id);
  }

  /** The last `limit` rows, newest first (status, tests). */
  recent(limit: number): ReviewRow[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM review_mails ORDER BY id DESC LIMIT ?`).all(limit) as Record<string, unknown>[]).map(
      (r) => toRow(r)!,
    );
  }
}
