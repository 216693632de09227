/**
 * Wiring extraction into ingest: when meetings are configured, each newly stored message is run
 * through the pure extractor inside the batch's transaction and its candidates and supports are
 * written (record.ts: insert-only). A failure on one message is logged to event_log and does not
 * abort the batch: the archive matters more than one missed candidate, and `convene agenda
 * extract` can re-run it.
 */
import type { Config } from '../../config/types.js';
import type { Db } from '../../store/db.js';
import { recordEvent } from '../../store/event-log.js';
import { agendaMessageFromStored, type StoredMail } from '../extract/agenda-message.js';
import { extract } from '../extract/extract.js';
import { makeExtractContext } from '../extract/extract-context.js';
import { recordExtraction } from './record.js';

export interface HookOptions {
  readonly now?: () => number;
}

/** Runs inside ingest's batch transaction for each newly stored message (ingest/feed.ts). */
export type ExtractionHook = (db: Db, stored: StoredMail) => void;

/** The after-store hooks ingest runs for each new message: agenda extraction when meetings are configured. */
export async function afterStoreHooks(config: Pick<Config, 'meetings'>, db: Db, options: HookOptions = {}): Promise<ExtractionHook[]> {
  if (config.meetings.length === 0) return [];
  const ctx = makeExtractContext(db, config.meetings);
  const now = options.now ?? Date.now;
  return [
    (hookDb, stored) => {
      try {
        const msg = agendaMessageFromStored(hookDb, stored);
        const result = extract(msg, ctx);
        // A savepoint: a failure half-way leaves none of this message's writes behind.
        if (result.candidates.length || result.supports.length || result.cancels?.length)
          hookDb.transaction(() => recordExtraction(hookDb, result, { meetings: config.meetings, now: now() }))();
      } catch (err) {
        recordEvent(hookDb, now(), 'agenda.extract-error', `${stored.row.mid}: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  ];
}
