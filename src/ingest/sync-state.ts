import type { ImapCursor } from '../sources/imap-fetch.js';
import type { Db } from '../store/db.js';
import { recordEvent } from '../store/event-log.js';

/** One row of sync_state, as `stats` and the CLI summary show it. */
export interface SyncStateRow {
  readonly account: string;
  readonly mailbox: string;
  readonly uidValidity: string;
  readonly lastUid: number;
  readonly lastSyncAt: number | null;
}

/**
 * The IMAP cursors of one account (table sync_state) and the event log. `advance` is meant to run
 * inside the transaction that stores the batch (DESIGN principle 7, public-inbox IMAPTracker):
 * a crash leaves the cursor and the stored mail in agreement.
 */
export class SyncState {
  private readonly getStmt;
  private readonly upsertStmt;

  constructor(
    private readonly db: Db,
    private readonly account: string,
  ) {
    this.getStmt = db.prepare<[string, string], { uid_validity: string; last_uid: number }>(
      'SELECT uid_validity, last_uid FROM sync_state WHERE account = ? AND mailbox = ?',
    );
    // Under one UIDVALIDITY the cursor only moves forward, whatever order callers commit in.
    this.upsertStmt = db.prepare(`INSERT INTO sync_state (account, mailbox, uid_validity, last_uid, last_sync_at)
      VALUES (@account, @mailbox, @uidValidity, @lastUid, @at)
      ON CONFLICT (account, mailbox) DO UPDATE SET
        last_uid = CASE WHEN uid_validity = excluded.uid_validity THEN max(last_uid, excluded.last_uid) ELSE excluded.last_uid END,
        uid_validity = excluded.uid_validity,
        last_sync_at = excluded.last_sync_at`);
  }

  /** The stored cursor, or null before the first sync. */
  get(mailbox: string): ImapCursor | null {
    const row = this.getStmt.get(this.account, mailbox);
    return row ? { uidValidity: row.uid_validity, lastUid: row.last_uid } : null;
  }

  /** Move the cursor (or set it, under a new UIDVALIDITY). */
  advance(mailbox: string, uidValidity: string, lastUid: number, at: number): void {
    this.upsertStmt.run({ account: this.account, mailbox, uidValidity, lastUid, at });
  }

  /**
   * A new UIDVALIDITY: log it and restart the cursor at 0, in one transaction, so the change is
   * logged once and the rescan (deduplicated by content hash in the store) resumes after a crash.
   */
  resetForUidValidity(mailbox: string, from: string, to: string, at: number): void {
    this.db.transaction(() => {
      recordEvent(this.db, at, 'imap-uidvalidity-changed', JSON.stringify({ account: this.account, mailbox, from, to }));
      this.advance(mailbox, to, 0, at);
    })();
  }

  /** Drop a cursor: the next pass starts from nothing (a local source that was rewritten). */
  forget(mailbox: string): void {
    this.db.prepare('DELETE FROM sync_state WHERE account = ? AND mailbox = ?').run(this.account, mailbox);
  }

  /** When any cursor last moved (ms UTC), or null before the first sync. */
  static lastSyncAt(db: Db): number | null {
    return (db.prepare('SELECT MAX(last_sync_at) AS t FROM sync_state').get() as { t: number | null }).t;
  }

  /** Every cursor of every account (for stats). */
  static all(db: Db): SyncStateRow[] {
    return db
      .prepare<[], { account: string; mailbox: string; uid_validity: string; last_uid: number; last_sync_at: number | null }>(
        'SELECT account, mailbox, uid_validity, last_uid, last_sync_at FROM sync_state ORDER BY account, mailbox',
      )
      .all()
      .map((r) => ({
        account: r.account,
        mailbox: r.mailbox,
        uidValidity: r.uid_validity,
        lastUid: r.last_uid,
        lastSyncAt: r.last_sync_at,
      }));
  }
}
