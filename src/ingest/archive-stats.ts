import type { Db } from '../store/db.js';
import { messageStats, type MessageStats } from '../store/stats.js';
import { ghostCount } from '../thread/ghosts.js';
import { SyncState, type SyncStateRow } from './sync-state.js';

export interface ArchiveStats extends MessageStats {
  /** Referenced messages not in the archive. */
  readonly ghosts: number;
  /** Every source cursor: IMAP mailboxes, and local files under the account 'file'. */
  readonly mailboxes: readonly SyncStateRow[];
}

/** Counts and sizes for `convene stats`, each from the owner of its table. */
export function archiveStats(db: Db): ArchiveStats {
  const m = messageStats(db);
  // Spelled out to keep the fields in the order `stats --json` has always printed them.
  return {
    messages: m.messages,
    distinctMessageIds: m.distinctMessageIds,
    variants: m.variants,
    withoutMessageId: m.withoutMessageId,
    identicalCopies: m.identicalCopies,
    threads: m.threads,
    ghosts: ghostCount(db),
    failures: m.failures,
    datesFromFallback: m.datesFromFallback,
    withoutDate: m.withoutDate,
    rawBytes: m.rawBytes,
    storedBytes: m.storedBytes,
    databaseBytes: m.databaseBytes,
    oldest: m.oldest,
    newest: m.newest,
    mailboxes: SyncState.all(db),
  };
}
