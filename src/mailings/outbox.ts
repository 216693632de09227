import type { Config } from '../config/types.js';
import { sealOf } from '../mail/seal.js';
import { idsWithMessageId } from '../store/message-reader.js';
import { CorruptMessage, readRaw } from '../store/raw-reader.js';
import { Outbox, type Lookup, type OutboxTiming } from '../send/outbox.js';
import { crashPoints } from './fault-injection.js';
import { OutboxStore, type OutboxRow } from '../send/outbox-store.js';
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
  readonly timing?: Partial<OutboxTiming>;
}

/** The kinds of mail the list echoes back into the archive (the rest go to the chair only). */
const TO_THE_LIST = new Set(['digest', 'call-for-items', 'cancellation']);

/**
 * Is our mail in the archive? A copy counts only when it carries the seal of the row we sent
 * (mail/seal.ts): a message posted under our Message-ID is not proof that we sent anything
 * (issue 13 item 6). Rows queued before seals existed are matched on the id, as they were.
 */
export function archiveHasOurMail(db: Db, row: OutboxRow): boolean {
  const ids = idsWithMessageId(db, row.messageId);
  const seal = sealOf(row.eml);
  if (seal === null) return ids.length > 0;
  return ids.some((id) => {
    try {
      const raw = readRaw(db, id);
      return raw !== null && sealOf(raw) === seal;
    } catch (err) {
      // A copy whose stored bytes fail verification proves nothing; db check names it.
      if (err instanceof CorruptMessage) return false;
      throw err;
    }
  });
}

/**
 * The outbox as the daemon and `digest send` use it: lookups of mail whose outcome is unknown in
 * the archive (the list's echo: only for mail to the list, when a source is followed) and in the
 * Sent folder; reports to the chair; and the crash points a test entry point may arm
 * (fault-injection.ts), so tests can prove exactly-once delivery in every state.
 */
export function makeOutbox(w: OutboxWiring): Outbox {
  const crashPoint = crashPoints();
  const cfg = w.config();
  const sentLookup =
    w.sentLookup ?? (cfg.imap && cfg.sentMailbox ? sentMailboxLookup(cfg.imap, cfg.sentMailbox, w.logger, w.env) : undefined);
  const echoed = (row: OutboxRow): boolean => TO_THE_LIST.has(row.kind) && (cfg.imap !== undefined || cfg.source !== undefined);
  return new Outbox({
    db: w.db,
    transport: w.transport,
    now: w.now,
    logger: w.logger,
    ...(w.timing ? { timing: w.timing } : {}),
    findDelivered: async (row): Promise<Lookup> => {
      const looked: string[] = [];
      if (echoed(row)) {
        if (archiveHasOurMail(w.db, row)) return { found: 'archive' };
        looked.push('archive');
      }
      if (sentLookup) {
        // Our own Sent folder: nobody else writes there, so the id is enough.
        if (await sentLookup(row.messageId)) return { found: 'sent-mailbox' };
        looked.push('sent-mailbox');
      }
      return looked.length ? { notFound: looked } : { nowhere: true };
    },
    onPermanentFailure: async (row, error, partial) => {
      const meeting = w.config().meetings.find((m) => m.id === row.meeting);
      if (!meeting) return;
      await queueFailureReport({ db: w.db, config: w.config(), store: new OutboxStore(w.db), now: w.now }, meeting, row, error, partial);
    },
    ...(crashPoint ? { crashPoint } : {}),
  });
}
