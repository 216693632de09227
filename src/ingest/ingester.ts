import { contentHash } from '../mail/content-hash.js';
import { parseMessage } from '../mail/parse.js';
import { prepareInThread, type Prepare } from '../mail/prepare-pool.js';
import type { PreparedMessage } from '../mail/prepare.js';
import type { ParsedMessage } from '../mail/types.js';
import { IndexWriter } from '../search/index-writer.js';
import type { Db } from '../store/db.js';
import { MessageWriter, type StoredRow } from '../store/message-writer.js';
import { ThreadAssigner } from '../thread/assign.js';
import { threadLinks } from '../thread/sanitize.js';
import { author } from '../thread/summary.js';
import { ThreadSummaryStore } from '../thread/summary-store.js';
import type { FeedMessage, StoredRef } from './batch.js';
import { emptySummary, type IngestSummary } from './summary.js';

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
  readonly now?: () => number;
  /**
   * False: bytes already in the archive are passed over without counting an identical copy (a
   * follower re-reading its own source, local-sync.ts). Default true: an explicit import counts them.
   */
  readonly countCopies?: boolean;
}

/** A message ready to commit; `stored` when it is a stored one being rebuilt (db reindex). */
export type ReadyMessage = PreparedMessage & { readonly stored?: StoredRef };

/** Prepared writers for one database handle; make once, ingest many batches. */
export class Ingester {
  readonly writer: MessageWriter;
  private readonly threads: ThreadAssigner;
  private readonly summaries: ThreadSummaryStore;
  private readonly index: IndexWriter;

  /** `prepare` parses, hashes and compresses (a worker pool in bulk imports). */
  constructor(
    private readonly db: Db,
    private readonly prepareFn: Prepare = prepareInThread,
  ) {
    this.writer = new MessageWriter(db);
    this.summaries = new ThreadSummaryStore(db);
    // Thread merges move the summaries too (the member itself is added in derive()).
    this.threads = new ThreadAssigner(db, {
      setThread: (id, threadId, parent) => this.writer.setThread(id, threadId, parent),
      moveThread: (to, from) => {
        this.writer.moveThread(to, from);
        this.summaries.merge(to, from);
      },
    });
    this.index = new IndexWriter(db);
  }

  /**
   * The one pipeline step: prepare (outside the transaction), then commit. See commitBatch.
   */
  async ingestBatch(batch: readonly FeedMessage[], options: IngestOptions = {}): Promise<IngestSummary> {
    return this.commitBatch(await this.prepareBatch(batch), options);
  }

  /**
   * The CPU-bound half: parse, hash, compress. Needs no transaction; may run ahead of commits.
   * Bytes already in the archive are not parsed again, so re-running an interrupted import
   * costs a hash per message it had stored. Stored messages fed again (db reindex) are only
   * parsed: their bytes are stored and compressed already.
   */
  async prepareBatch(batch: readonly FeedMessage[]): Promise<ReadyMessage[]> {
    if (batch.some((m) => m.stored)) {
      if (!batch.every((m) => m.stored)) throw new Error('internal: a batch mixes new and stored messages');
      return Promise.all(batch.map(async (m) => ({ raw: m.raw, parsed: await parseMessage(m), hash: '', stored: m.stored! })));
    }
    const hashes = batch.map((m) => contentHash(m.raw));
    const known = hashes.map((h) => this.writer.has(h));
    // An mbox adds the final newline a message lacked (RawMessage.finalNewlineUncertain): the
    // bytes without it, when stored, are this message (re-importing our own export, issue 13 item 9).
    batch.forEach((m, i) => {
      if (known[i] || !m.finalNewlineUncertain) return;
      const bare = contentHash(m.raw.subarray(0, -1));
      if (this.writer.has(bare)) [known[i], hashes[i]] = [true, bare];
    });
    // The hash goes along so the preparing thread does not compute it again.
    const fresh = await this.prepareFn(
      batch.flatMap((m, i) => (known[i] ? [] : [{ ...m, hash: hashes[i]! }])),
      this.writer.dictionary,
    );
    let next = 0;
    return batch.map((m, i) => (known[i] ? { raw: m.raw, parsed: null, hash: hashes[i]! } : fresh[next++]!));
  }

  /**
   * In ONE transaction: store raw + header row, thread, index, run the after-store hooks, then
   * the caller's commit (its cursor). A crash at any point leaves the whole batch or none of it.
   */
  commitBatch(prepared: readonly ReadyMessage[], options: IngestOptions = {}): IngestSummary {
    const now = options.now?.() ?? Date.now();
    const summary = emptySummary();
    this.db
      .transaction(() => {
        this.writer.ensureDictionary(prepared.flatMap((p) => (p.stored ? [] : [p.raw])));
        for (const p of prepared) {
          summary.read++;
          if (p.stored && p.parsed) {
            this.rebuild(p.stored, p.parsed, options);
            summary.stored++;
            if (p.parsed.parseError) summary.failed++;
            continue;
          }
          if (!p.parsed && options.countCopies === false) {
            summary.duplicates++;
            continue;
          }
          const row = p.parsed ? this.writer.store(p.raw, p.parsed, p.hash, now, p.encoded) : this.writer.countCopy(p.hash);
          if (row.status === 'duplicate' || !p.parsed) {
            summary.duplicates++;
            continue;
          }
          summary.stored++;
          if (p.parsed.parseError) summary.failed++;
          this.derive(row, p.parsed);
          for (const hook of options.afterStore ?? []) hook(this.db, { row, parsed: p.parsed });
        }
        options.commit?.(this.db);
      })
      .immediate(); // take the write lock up front: a deferred BEGIN can fail with SQLITE_BUSY_SNAPSHOT
    return summary;
  }

  /** A stored message parsed again (db reindex): its header row rewritten, then derived as if new. */
  private rebuild(ref: StoredRef, parsed: ParsedMessage, options: IngestOptions): void {
    this.writer.updateParsed(ref.id, parsed);
    const row: StoredRow = { status: 'stored', id: ref.id, mid: ref.mid };
    this.derive(row, parsed);
    for (const hook of options.afterStore ?? []) hook(this.db, { row, parsed });
  }

  /** Thread and index a stored row. */
  derive(row: { id: number; mid: string }, msg: ParsedMessage): void {
    const ownIds = [row.mid, ...(msg.messageId ? [msg.messageId] : []), ...msg.extraMessageIds];
    const people = [msg.from, ...msg.to, ...msg.cc].flatMap((a) => (a?.address ? [a.address] : []));
    const links = threadLinks({
      selfIds: ownIds,
      inReplyTo: msg.inReplyTo,
      strictInReplyTo: msg.strictInReplyTo,
      references: msg.references,
      addresses: people,
    });
    const threadId = this.threads.assign(row.id, [...new Set(ownIds)], links.refs, links.parent);
    this.summaries.add(threadId, {
      id: row.id,
      date: msg.date,
      who: author(msg.from?.name ?? '', msg.from?.address ?? ''),
      subject: msg.subject,
    });
    this.index.index(row.id, msg);
  }
}
