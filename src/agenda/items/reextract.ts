/**
 * `convene agenda extract`: run extraction again over the archive, oldest first (so supports find
 * the proposals they reply to). Insert-only like ingest (record.ts), so it is safe to run over a
 * reviewed agenda: reviewed items keep every field; only new items and sources appear.
 */
import type { MeetingConfig } from '../../config/meetings.js';
import type { Db } from '../../store/db.js';
import { idsSince } from '../../store/message-reader.js';
import { agendaMessageFromArchive } from '../extract/agenda-message.js';
import { extract } from '../extract/extract.js';
import { makeExtractContext } from '../extract/extract-context.js';
import { recordExtraction, type WriteAction } from './record.js';

export interface ReextractOptions {
  readonly meetings: readonly MeetingConfig[];
  readonly now: () => number;
  /** Only messages dated at or after this instant. */
  readonly since?: number;
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export type ReextractSummary = Record<WriteAction, number> & { messages: number; failed: number };

export async function reextract(db: Db, options: ReextractOptions): Promise<ReextractSummary> {
  const summary: ReextractSummary = { messages: 0, created: 0, joined: 0, unchanged: 0, ignored: 0, cancelled: 0, failed: 0 };
  if (options.meetings.length === 0) return summary;
  const ctx = makeExtractContext(db, options.meetings);
  const ids = idsSince(db, options.since ?? -8.64e15);
  const batchSize = options.batchSize ?? 200;
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = await Promise.all(ids.slice(i, i + batchSize).map((id) => agendaMessageFromArchive(db, id)));
    db.transaction(() => {
      for (const msg of batch) {
        if (!msg) continue;
        summary.messages++;
        try {
          const result = extract(msg, ctx);
          const record = () => recordExtraction(db, result, { meetings: options.meetings, now: options.now() });
          const written = db.transaction(record)(); // a savepoint: one message's writes, all or none
          for (const r of written) summary[r.action]++;
        } catch {
          summary.failed++;
        }
      }
    })();
    options.onProgress?.(Math.min(ids.length, i + batchSize), ids.length);
  }
  return summary;
}
