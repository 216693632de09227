import { parseMessage } from './mail/parse.js';
import type { ParsedMessage, RawMessage } from './mail/types.js';
import { IndexWriter } from './search/index-writer.js';
import type { Db } from './store/db.js';
import { contentHash, MessageWriter, type StoredRow } from './store/message-writer.js';
import { ThreadAssigner } from './thread/assign.js';
import { threadLinks } from './thread/sanitize.js';

/** What happened to one batch: counts, plus the rows newly stored (for callers that react to them). */
export interface IngestSummary {
  read: number;
  stored: number;
  duplicates: number;
  /** Stored raw, but the body could not be parsed (the reason is on the row). */
  failed: number;
}

export interface StoredMessage {
  readonly row: StoredRow;
  readonly parsed: ParsedMessage;
}

/** Called inside the batch's transaction after each new message is stored, threaded and indexed. */
export type AfterStoreHook = (db: Db, stored: StoredMessage) => void;

export interface IngestOptions {
  /** Runs inside the same transaction, last: e.g. advance a source's cursor (DESIGN principle 7). */
  readonly commit?: (db: Db) => void;
  /** Agenda extraction and other derived work, per newly stored message. */
  readonly afterStore?: readonly AfterStoreHook[];
  /** Parse function (a worker pool in bulk imports); defaults to in-thread parsing. */
  readonly parse?: (raw: RawMessage) => Promise<ParsedMessage>;
  readonly now?: () => number;
}

export function emptySummary(): IngestSummary {
  return { read: 0, stored: 0, duplicates: 0, failed: 0 };
}

export function addSummary(into: IngestSummary, from: IngestSummary): IngestSummary {
  into.read += from.read;
  into.stored += from.stored;
  into.duplicates += from.duplicates;
  into.failed += from.failed;
  return into;
}

/** Prepared writers for one database handle; make once, ingest many batches. */
export class Ingester {
  readonly writer: MessageWriter;
  private readonly threads: ThreadAssigner;
  private readonly index: IndexWriter;

  constructor(private readonly db: Db) {
    this.writer = new MessageWriter(db);
    this.threads = new ThreadAssigner(db);
    this.index = new IndexWriter(db);
  }

  /**
   * The one pipeline step: parse (outside the transaction), then in ONE transaction store raw +
   * header row, thread, index, run the after-store hooks, and the caller's commit (its cursor).
   * A crash at any point leaves either the whole batch or none of it.
   */
  async ingestBatch(batch: readonly RawMessage[], options: IngestOptions = {}): Promise<IngestSummary> {
    const parse = options.parse ?? parseMessage;
    const parsed = await Promise.all(batch.map((m) => parse(m)));
    const hashes = batch.map((m) => contentHash(m.raw));
    const now = options.now?.() ?? Date.now();
    const summary = emptySummary();
    this.db.transaction(() => {
      for (let i = 0; i < batch.length; i++) {
        const raw = batch[i]!;
        const msg = parsed[i]!;
        summary.read++;
        const row = this.writer.store(raw.raw, msg, hashes[i], now);
        if (row.status === 'duplicate') {
          summary.duplicates++;
          continue;
        }
        summary.stored++;
        if (msg.parseError) summary.failed++;
        this.derive(row, msg);
        for (const hook of options.afterStore ?? []) hook(this.db, { row, parsed: msg });
      }
      options.commit?.(this.db);
    })();
    return summary;
  }

  /** Thread and index a stored row; also used by `db reindex`. */
  derive(row: { id: number; mid: string }, msg: ParsedMessage): void {
    const ownIds = [row.mid, ...(msg.messageId ? [msg.messageId] : []), ...msg.extraMessageIds];
    const people = [msg.from, ...msg.to, ...msg.cc].flatMap((a) => (a?.address ? [a.address] : []));
    const links = threadLinks({ selfIds: ownIds, inReplyTo: msg.inReplyTo, references: msg.references, addresses: people });
    this.threads.assign(row.id, [...new Set(ownIds)], links.refs, links.parent);
    this.index.index(row.id, msg);
  }
}
