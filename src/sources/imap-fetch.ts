import type { ImapFlow } from 'imapflow';
import type { RawMessage } from '../mail/types.js';
import { ImapTransientError } from './imap-connect.js';

/** Where a mailbox's sync stands (DESIGN principle 7): UIDs are only comparable under one UIDVALIDITY. */
export interface ImapCursor {
  readonly uidValidity: string;
  readonly lastUid: number;
}

/** A raw message from IMAP, with its UID. */
export interface ImapMessage extends RawMessage {
  readonly uid: number;
}

/** What the mailbox looked like when selected, before any message is fetched. */
export interface MailboxOpened {
  readonly mailbox: string;
  readonly uidValidity: string;
  /** Set when the server's UIDVALIDITY differs from the cursor's: UIDs restart, rescan from 0. */
  readonly previousUidValidity: string | null;
  /** Messages to fetch in this pass. */
  readonly total: number;
}

/** One batch, UIDs ascending; `lastUid` is the cursor to store once the batch has committed. */
export interface ImapBatch {
  readonly mailbox: string;
  readonly uidValidity: string;
  readonly messages: readonly ImapMessage[];
  readonly lastUid: number;
  /** Messages handled in this pass so far, this batch included. */
  readonly done: number;
  readonly total: number;
}

export interface FetchPass extends MailboxOpened {
  /** The cursor after the pass: the last UID of the last batch yielded, or the starting point. */
  readonly lastUid: number;
  readonly fetched: number;
}

/** What one pass over a mailbox yields, in this order: the mailbox as selected, its batches, the summary. */
export type FetchEvent =
  | { readonly kind: 'open'; readonly opened: MailboxOpened }
  | { readonly kind: 'batch'; readonly batch: ImapBatch }
  | { readonly kind: 'done'; readonly pass: FetchPass };

/**
 * Fetch the messages of `mailbox` newer than the cursor, in UID order, `batchSize` at a time.
 *
 * - The UID list comes from one UID SEARCH, then is filtered and sorted here: `N:*` always matches
 *   the highest UID even when it is below N (RFC 3501 §6.4.8 reads `*` as the largest UID, and a
 *   range is unordered), so "nothing new" still returns the newest message; and servers owe no order.
 * - Each batch's FETCH loop finishes before the batch is yielded, so the consumer stores it with no
 *   command in flight: running another command inside a fetch loop deadlocks imapflow, and a batch
 *   must be complete before its cursor can advance. The mailbox lock is released when the
 *   consumer finishes or stops iterating.
 * - A FETCH cut short by a dropped connection throws ImapTransientError; UIDs missing from a
 *   FETCH that completed were expunged meanwhile and are skipped.
 */
export async function* fetchNewMessages(
  client: ImapFlow,
  mailbox: string,
  cursor: ImapCursor | null,
  batchSize: number,
  signal?: AbortSignal,
): AsyncGenerator<FetchEvent> {
  // UIDNEXT is only fresh right after SELECT: imapflow keeps the mailbox selected between locks
  // and updates `exists` from untagged EXISTS, but not `uidNext`. A SELECT makes a new object.
  const selectedBefore = client.mailbox;
  // EXAMINE, not SELECT: reading must not clear \Recent or change anything on the server.
  const lock = await client.getMailboxLock(mailbox, { readOnly: true });
  try {
    const box = client.mailbox;
    const freshSelect = box !== selectedBefore;
    if (!box) throw new ImapTransientError(`IMAP: mailbox ${mailbox} is not selected`, 'NoMailboxSelected');
    // On a mailbox left selected, NOOP is the poll for new mail (RFC 3501 §6.1.2): Dovecot, for
    // one, does not look for new maildir files before a UID SEARCH, only at NOOP/IDLE/SELECT.
    if (!freshSelect) await client.noop();
    const uidValidity = String(box.uidValidity);
    const changed = cursor !== null && cursor.uidValidity !== uidValidity;
    const from = cursor && !changed ? cursor.lastUid : 0;
    let uids: number[] = [];
    // UIDNEXT lets an unchanged mailbox cost no SEARCH at all (the no-new-mail re-sync path).
    const nothingNew = freshSelect && box.uidNext > 0 && box.uidNext - 1 <= from;
    if (box.exists > 0 && !nothingNew) {
      const found = await client.search({ uid: `${from + 1}:*` }, { uid: true });
      // imapflow resolves (undefined or false) instead of rejecting when the connection is gone:
      // taking that for "no new mail" would end a --once sync early without a word.
      if (!Array.isArray(found)) throw new ImapTransientError(`IMAP: UID SEARCH in ${mailbox} failed (connection lost?)`, 'NoConnection');
      uids = found.filter((u) => u > from).sort((a, b) => a - b);
    }
    const opened: MailboxOpened = { mailbox, uidValidity, previousUidValidity: changed ? cursor.uidValidity : null, total: uids.length };
    yield { kind: 'open', opened };
    let lastUid = from;
    let fetched = 0;
    for (let i = 0; i < uids.length && !signal?.aborted; i += batchSize) {
      const chunk = uids.slice(i, i + batchSize);
      const messages = await fetchChunk(client, chunk);
      fetched += messages.length;
      lastUid = chunk[chunk.length - 1]!;
      yield { kind: 'batch', batch: { mailbox, uidValidity, messages, lastUid, done: i + chunk.length, total: uids.length } };
    }
    yield { kind: 'done', pass: { ...opened, lastUid, fetched } };
  } finally {
    lock.release();
  }
}

/** FETCH one sorted chunk of existing UIDs as a single range (new mail only gets higher UIDs). */
async function fetchChunk(client: ImapFlow, chunk: readonly number[]): Promise<ImapMessage[]> {
  const wanted = new Set(chunk);
  const range = `${chunk[0]}:${chunk[chunk.length - 1]}`;
  const messages: ImapMessage[] = [];
  for await (const m of client.fetch(range, { uid: true, source: true, internalDate: true }, { uid: true })) {
    if (!wanted.has(m.uid) || !m.source) continue;
    wanted.delete(m.uid); // a server may repeat a FETCH response for one message
    const internalDate = toMs(m.internalDate);
    messages.push({ uid: m.uid, raw: m.source, ...(internalDate !== undefined ? { internalDate } : {}) });
  }
  if (wanted.size > 0 && !client.usable) {
    throw new ImapTransientError('IMAP: the connection closed during FETCH', 'EConnectionClosed');
  }
  return messages.sort((a, b) => a.uid - b.uid);
}

function toMs(d: Date | string | undefined): number | undefined {
  if (d === undefined) return undefined;
  const ms = (d instanceof Date ? d : new Date(d)).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}
