/**
 * Readers of the messages table, one message at a time (store/message-writer.ts is its writer;
 * message-threads.ts reads it a thread at a time). Modules outside store/ that need a stored
 * message's row ask here instead of writing their own SELECT.
 */
import { idFromUser } from '../mail/message-id.js';
import type { Db } from './db.js';
import type { MessageRow } from './message-row.js';

/** The columns a one-line summary of a message shows. */
export type MessageBrief = Pick<MessageRow, 'id' | 'mid' | 'header_mid' | 'date' | 'from_name' | 'from_addr' | 'subject'>;

const BRIEF = 'id, mid, header_mid, date, from_name, from_addr, subject';

/** Does the archive hold a message with this Message-ID header (the list's echo of our own mail)? */
export function archiveHasMessageId(db: Db, messageId: string): boolean {
  const id = messageId.replace(/^<|>$/g, '');
  return db.prepare('SELECT 1 FROM messages WHERE header_mid = ? LIMIT 1').get(id) !== undefined;
}

/** The stored ids of every message whose Message-ID header is this id (copies, look-alikes). */
export function idsWithMessageId(db: Db, messageId: string): number[] {
  const id = messageId.replace(/^<|>$/g, '');
  return db
    .prepare<[string], { id: number }>('SELECT id FROM messages WHERE header_mid = ? ORDER BY id')
    .all(id)
    .map((r) => r.id);
}

/** The message a user named: stored id first, else the first message with that Message-ID header. */
export function findMessage(db: Db, ref: string): MessageRow | undefined {
  const id = idFromUser(ref);
  return (
    db.prepare<[string], MessageRow>('SELECT * FROM messages WHERE mid = ?').get(id) ??
    db.prepare<[string], MessageRow>('SELECT * FROM messages WHERE header_mid = ? ORDER BY id LIMIT 1').get(id)
  );
}

/** The message a parent id names, preferring the one stored under it as its Message-ID. */
export function parentBrief(db: Db, mid: string): MessageBrief | null {
  return (
    db
      .prepare<[string, string], MessageBrief>(
        `SELECT ${BRIEF} FROM messages WHERE mid = ? OR header_mid = ? ORDER BY mid = header_mid DESC, id LIMIT 1`,
      )
      .get(mid, mid) ?? null
  );
}

/** Direct replies to any of `ids` (a message's own ids), by date, `self` left out. */
export function repliesTo(db: Db, ids: readonly string[], self: number): MessageBrief[] {
  return db
    .prepare<(string | number)[], MessageBrief>(
      `SELECT ${BRIEF} FROM messages WHERE parent_mid IN (${ids.map(() => '?').join(',')}) AND id <> ? ORDER BY date, id`,
    )
    .all(...ids, self);
}

/** Other stored messages with the same Message-ID header (variants), by id. */
export function variantsOf(db: Db, headerMid: string, self: number): MessageBrief[] {
  return db
    .prepare<[string, number], MessageBrief>(`SELECT ${BRIEF} FROM messages WHERE header_mid = ? AND id <> ? ORDER BY id`)
    .all(headerMid, self);
}

/** A stored message's id and date by its stored id or Message-ID header (the first such message). */
export function messageByMid(db: Db, mid: string): { id: number; mid: string; date: number | null } | undefined {
  return db
    .prepare<[string, string], { id: number; mid: string; date: number | null }>(
      'SELECT id, mid, date FROM messages WHERE mid = ? OR header_mid = ? ORDER BY id LIMIT 1',
    )
    .get(mid, mid);
}

/** A stored message's identity and date by row id. */
export function messageMeta(db: Db, id: number): { mid: string; date: number | null } | undefined {
  return db.prepare<[number], { mid: string; date: number | null }>('SELECT mid, date FROM messages WHERE id = ?').get(id);
}

/** The date of the message stored under `mid`, or null. */
export function dateOfMid(db: Db, mid: string): number | null {
  return db.prepare<[string], { date: number | null }>('SELECT date FROM messages WHERE mid = ?').get(mid)?.date ?? null;
}

/** Ids of the messages dated at or after `since` (undated ones last), oldest first. */
export function idsSince(db: Db, since: number): number[] {
  return db
    .prepare<[number], { id: number }>('SELECT id FROM messages WHERE date IS NULL OR date >= ? ORDER BY date IS NULL, date, id')
    .all(since)
    .map((r) => r.id);
}

/** Every stored message's id, in storage order. */
export function allIds(db: Db): number[] {
  return db
    .prepare<[], { id: number }>('SELECT id FROM messages ORDER BY id')
    .all()
    .map((r) => r.id);
}

/** What rebuilding a message's derived rows needs besides its bytes (db reindex), in storage order. */
export function storedIdentities(db: Db): { id: number; mid: string; date: number | null; date_source: string }[] {
  return db
    .prepare<[], { id: number; mid: string; date: number | null; date_source: string }>(
      'SELECT id, mid, date, date_source FROM messages ORDER BY id',
    )
    .all();
}

/** The sender address and date of each message, for From_ lines (export). */
export function envelopeReader(db: Db): (id: number) => { from_addr: string; date: number | null } | undefined {
  const stmt = db.prepare<[number], { from_addr: string; date: number | null }>('SELECT from_addr, date FROM messages WHERE id = ?');
  return (id) => stmt.get(id);
}

export function messageCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
}

/** The highest messages.id stored so far (0 for an empty archive). */
export function lastStoredId(db: Db): number {
  return db.prepare<[], { n: number | null }>('SELECT MAX(id) AS n FROM messages').get()?.n ?? 0;
}

/**
 * Messages stored in (after, upTo] that reply to something whose id looks like one of convene's
 * own (`convene.` in In-Reply-To or References), oldest first: the candidates for review by
 * reply, which then check the HMAC (mail/own-message-id.ts).
 */
export function repliesToOwnIds(db: Db, after: number, upTo: number): { id: number; mid: string; headerMid: string | null }[] {
  return db
    .prepare<[number, number], { id: number; mid: string; headerMid: string | null }>(
      `SELECT id, mid, header_mid AS headerMid FROM messages
        WHERE id > ? AND id <= ? AND (in_reply_to_json LIKE '%"convene.%' OR refs_json LIKE '%"convene.%')
        ORDER BY id`,
    )
    .all(after, upTo);
}
