import type { Config } from '../config/types.js';
import { archiveHasMessageId } from '../store/message-reader.js';
import { Outbox } from '../send/outbox.js';
import { crashPoints } from './fault-injection.js';
import { OutboxStore } from '../send/outbox-store.js';
import { sentMailboxLookup } from '../sources/sent-mailbox.js';
import type { Transport } from '../send/transport.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import { queueFailureReport } from './queue.js';

export interface OutboxWiring {
  readonly db: Db;
  readonly config: () => Config;
  readonly transport: Transport;
  readonly now: () => number;
  readonly logger: Logger;
  readonly env: NodeJS.ProcessEnv;
  /** Look in a Sent folder too; default: config.sentMailbox over config.imap when both are set. */
  readonly sentLookup?: (messageId: string) => Promise<boolean>;
}

/**
 * The outbox as the daemon and `digest send` use it: delivered-elsewhere lookups in the archive
 * (the list echo) and the Sent folder, failure reports to the chair, and the crash points a test
 * entry point may arm (fault-injection.ts), so tests can prove exactly-once delivery in every state.
 */
export function makeOutbox(w: OutboxWiring): Outbox {
  const crashPoint = crashPoints();
  const cfg = w.config();
  const sentLookup =
    w.sentLookup ?? (cfg.imap && cfg.sentMailbox ? sentMailboxLookup(cfg.imap, cfg.sentMailbox, w.logger, w.env) : undefined);
  return new Outbox({
    db: w.db,
    transport: w.transport,
    now: w.now,
    logger: w.logger,
    findDelivered: async (mid) => {
      if (archiveHasMessageId(w.db, mid)) return 'archive';
      if (sentLookup && (await sentLookup(mid))) return 'sent-mailbox';
      return null;
    },
    onPermanentFailure: async (row, error) => {
      const meeting = w.config().meetings.find((m) => m.id === row.meeting);
      if (!meeting) return;
      await queueFailureReport({ db: w.db, config: w.config(), store: new OutboxStore(w.db), now: w.now }, meeting, row, error);
    },
    ...(crashPoint ? { crashPoint } : {}),
  });
}
