import { contentHash } from '../mail/content-hash.js';
import type { ParsedMessage } from '../mail/types.js';
import type { Db } from './db.js';
import { buildDictionary, dictionaryKey, encodeRaw, registerDictionary, type Encoded } from '../mail/raw-codec.js';

/** The dictionary raw bytes are compressed with: a key and its bytes. */
export interface Dictionary {
  readonly key: string;
  readonly bytes: Buffer;
}

/** A batch this size or larger is a fair sample to build the archive's dictionary from. */
const DICTIONARY_SAMPLE = 64;

export type StoreStatus = 'stored' | 'duplicate';

export interface StoredRow {
  readonly status: StoreStatus;
  /** messages.id of the stored row (the earlier copy for duplicates). */
  readonly id: number;
  /** The stored identity: the Message-ID, or a derived one (see deriveMid). */
  readonly mid: string;
}

export { contentHash } from '../mail/content-hash.js';

/**
 * Identity rules, as public-inbox applies them: a Message-ID already stored with other bytes
 * gets a derived id linked to the first (both kept); no Message-ID gets one from the content hash.
 * Both are deterministic, so a re-import derives the same ids.
 */
export function deriveMid(headerMid: string | null, hash: string): string {
  return headerMid ? `${headerMid}#${hash.slice(0, 12)}` : `${hash.slice(0, 32)}@hash.convene.invalid`;
}

/** Prepared statements for storing messages, made once per database handle. */
export class MessageWriter {
  private readonly byHash;
  private readonly byMid;
  private readonly insertMessage;
  private readonly insertRaw;
  private readonly bumpCopies;
  private readonly updateRow;
  private readonly setThreadStmt;
  private readonly moveThreadStmt;
  private dict: Dictionary | undefined;

  constructor(private readonly db: Db) {
    this.byHash = db.prepare<[string], { id: number; mid: string }>('SELECT id, mid FROM messages WHERE hash = ?');
    this.byMid = db.prepare<[string], { id: number }>('SELECT id FROM messages WHERE mid = ?');
    this.insertMessage = db.prepare(`INSERT INTO messages (mid, header_mid, mid_source, variant_of, extra_mids_json, hash, size,
      date, date_source, from_name, from_addr, to_json, cc_json, subject, subject_norm, in_reply_to_json, refs_json,
      list_id, attachments_json, auto_generated, headers_json, parse_error, added_at)
      VALUES (@mid, @headerMid, @midSource, @variantOf, @extraMids, @hash, @size, @date, @dateSource, @fromName, @fromAddr,
      @to, @cc, @subject, @subjectNorm, @inReplyTo, @refs, @listId, @attachments, @auto, @headers, @parseError, @addedAt)`);
    this.insertRaw = db.prepare('INSERT INTO raw (id, codec, bytes) VALUES (?, ?, ?)');
    this.updateRow = db.prepare(`UPDATE messages SET extra_mids_json = @extraMids, date = @date, date_source = @dateSource,
      from_name = @fromName, from_addr = @fromAddr, to_json = @to, cc_json = @cc, subject = @subject, subject_norm = @subjectNorm,
      in_reply_to_json = @inReplyTo, refs_json = @refs, list_id = @listId, attachments_json = @attachments,
      auto_generated = @auto, headers_json = @headers, parse_error = @parseError, thread_id = NULL, parent_mid = NULL WHERE id = @id`);
    const d = db.prepare<[], { hash: string; bytes: Buffer }>('SELECT hash, bytes FROM raw_dicts ORDER BY id LIMIT 1').get();
    if (d) this.dict = { key: d.hash, bytes: d.bytes };
    this.bumpCopies = db.prepare('INSERT INTO copies (hash, count) VALUES (?, 1) ON CONFLICT(hash) DO UPDATE SET count = count + 1');
    this.setThreadStmt = db.prepare('UPDATE messages SET thread_id = ?, parent_mid = ? WHERE id = ?');
    this.moveThreadStmt = db.prepare('UPDATE messages SET thread_id = ? WHERE thread_id = ?');
  }

  /** Record the thread and parent threading gave a message (thread/assign.ts decides them). */
  setThread(id: number, threadId: number, parentMid: string | null): void {
    this.setThreadStmt.run(threadId, parentMid, id);
  }

  /** Every message of thread `from` now belongs to `to` (a late message joined two threads). */
  moveThread(to: number, from: number): void {
    this.moveThreadStmt.run(to, from);
  }

  /** Forget every message's thread (db reindex threads them again), in the caller's transaction. */
  clearThreads(): void {
    this.db.exec('UPDATE messages SET thread_id = NULL, parent_mid = NULL');
  }

  private codec(): string {
    return this.dict ? `deflate:${this.dict.key}` : 'deflate';
  }

  /** Rewrite the parsed columns of a stored row (db reindex); identity columns stay. */
  updateParsed(id: number, msg: ParsedMessage): void {
    this.updateRow.run({ id, ...parsedColumns(msg) });
  }

  /** True when these exact bytes are stored already. */
  has(hash: string): boolean {
    return this.byHash.get(hash) !== undefined;
  }

  /** Count another identical copy of stored bytes (call inside a transaction). */
  countCopy(hash: string): StoredRow {
    const existing = this.byHash.get(hash);
    if (!existing) throw new Error(`internal: no stored message with hash ${hash}`);
    this.bumpCopies.run(hash);
    return { status: 'duplicate', id: existing.id, mid: existing.mid };
  }

  /** The archive's compression dictionary, if it has one yet. */
  get dictionary(): Dictionary | undefined {
    return this.dict;
  }

  /**
   * Build the archive's dictionary from the first large enough batch (call inside its
   * transaction, before storing it). Later batches reuse it; older rows keep plain deflate.
   */
  ensureDictionary(sample: readonly Buffer[]): Dictionary | undefined {
    if (this.dict || sample.length < DICTIONARY_SAMPLE) return this.dict;
    const bytes = buildDictionary(sample);
    if (!bytes) return undefined;
    const key = dictionaryKey(bytes);
    this.db.prepare('INSERT OR IGNORE INTO raw_dicts (hash, bytes) VALUES (?, ?)').run(key, bytes);
    registerDictionary(key, bytes);
    this.dict = { key, bytes };
    return this.dict;
  }

  /**
   * Store one message (call inside a transaction). Identical bytes already stored count as a copy.
   * `encoded` is the raw bytes already compressed (by a parse worker) with the current dictionary.
   */
  store(raw: Buffer, msg: ParsedMessage, hash: string = contentHash(raw), now: number = Date.now(), encoded?: Encoded): StoredRow {
    const existing = this.byHash.get(hash);
    if (existing) {
      this.bumpCopies.run(hash);
      return { status: 'duplicate', id: existing.id, mid: existing.mid };
    }
    let mid: string;
    let midSource: 'header' | 'derived' | 'hash';
    let variantOf: number | null = null;
    if (msg.messageId === null) {
      mid = deriveMid(null, hash);
      midSource = 'hash';
    } else {
      const first = this.byMid.get(msg.messageId);
      if (first) {
        mid = deriveMid(msg.messageId, hash);
        midSource = 'derived';
        variantOf = first.id;
      } else {
        mid = msg.messageId;
        midSource = 'header';
      }
    }
    const info = this.insertMessage.run({
      mid,
      headerMid: msg.messageId,
      midSource,
      variantOf,
      hash,
      size: raw.length,
      ...parsedColumns(msg),
      addedAt: now,
    });
    const id = Number(info.lastInsertRowid);
    const enc = encoded && encoded.codec === this.codec() ? encoded : encodeRaw(raw, this.dict);
    this.insertRaw.run(id, enc.codec, enc.bytes);
    return { status: 'stored', id, mid };
  }
}

/** The header-row columns derived from the parsed message (named parameters of the statements). */
function parsedColumns(msg: ParsedMessage) {
  return {
    extraMids: JSON.stringify(msg.extraMessageIds),
    date: msg.date,
    dateSource: msg.dateSource,
    fromName: msg.from?.name ?? '',
    fromAddr: msg.from?.address ?? '',
    to: JSON.stringify(msg.to),
    cc: JSON.stringify(msg.cc),
    subject: msg.subject,
    subjectNorm: msg.subjectNorm,
    inReplyTo: JSON.stringify(msg.inReplyTo),
    refs: JSON.stringify(msg.references),
    listId: msg.listId,
    attachments: JSON.stringify(msg.attachments),
    auto: msg.autoGenerated ? 1 : 0,
    headers: JSON.stringify(msg.headers),
    parseError: msg.parseError,
  };
}
