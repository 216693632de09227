/**
 * Readers of the messages table a thread at a time (message-reader.ts reads single messages):
 * what threading, the thread view, agenda extraction and the digest's "since the last call" ask.
 */
import type { Statement } from 'better-sqlite3';
import { CHAIR_REVIEW_KINDS } from '../mail/own-message-id.js';
import type { Db } from './db.js';
import type { MessageRow } from './message-row.js';

/** The columns the thread view shows; thread_id is not null there (rows are selected by it). */
export type ThreadRow = Pick<
  MessageRow,
  | 'id'
  | 'mid'
  | 'header_mid'
  | 'extra_mids_json'
  | 'date'
  | 'from_name'
  | 'from_addr'
  | 'to_json'
  | 'cc_json'
  | 'subject'
  | 'in_reply_to_json'
  | 'refs_json'
  | 'parent_mid'
  | 'hash'
> & { thread_id: number };

/** Every message of a thread, by date. */
export function threadRows(db: Db, threadId: number): ThreadRow[] {
  return db
    .prepare<[number], ThreadRow>(
      `SELECT id, mid, header_mid, extra_mids_json, thread_id, date, from_name, from_addr, to_json, cc_json, subject,
        in_reply_to_json, refs_json, parent_mid, hash FROM messages WHERE thread_id = ? ORDER BY date, id`,
    )
    .all(threadId);
}

/** The thread number itself when some message carries it, else null. */
export function existingThreadId(db: Db, threadId: number): number | null {
  return db.prepare<[number], { t: number }>('SELECT thread_id AS t FROM messages WHERE thread_id = ? LIMIT 1').get(threadId)?.t ?? null;
}

/** The thread of the message stored under `mid` or carrying it as its Message-ID, or null. */
export function threadOfMessage(db: Db, mid: string): number | null {
  return (
    db
      .prepare<[string, string], { t: number | null }>(
        'SELECT thread_id AS t FROM messages WHERE mid = ? OR header_mid = ? ORDER BY id LIMIT 1',
      )
      .get(mid, mid)?.t ?? null
  );
}

export function threadSize(db: Db, threadId: number): number {
  return db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM messages WHERE thread_id = ?').get(threadId)!.n;
}

export function threadCount(db: Db): number {
  return (db.prepare('SELECT count(DISTINCT thread_id) AS n FROM messages').get() as { n: number }).n;
}

/**
 * Per thread with messages in [from, to) (List-Ids optional): counts and dates. convene's own
 * mail is left out, and so are the chair's replies to convene's mails to the chair: those are
 * commands to convene (review by reply), not list traffic.
 */
export function activeThreads(
  db: Db,
  from: number,
  to: number,
  lists: readonly string[],
): { threadId: number; messages: number; participants: number; firstDate: number; threadStart: number }[] {
  const listFilter = lists.length ? `AND m.list_id IN (${lists.map(() => '?').join(',')})` : '';
  const commands = CHAIR_REVIEW_KINDS.map((k) => `m.in_reply_to_json LIKE '%"convene.${k}.%'`).join(' OR ');
  return db
    .prepare(
      `SELECT m.thread_id AS threadId, COUNT(*) AS messages, COUNT(DISTINCT lower(m.from_addr)) AS participants,
              MIN(m.date) AS firstDate,
              (SELECT MIN(a.date) FROM messages a WHERE a.thread_id = m.thread_id) AS threadStart
         FROM messages m
        WHERE m.date >= ? AND m.date < ? AND m.thread_id IS NOT NULL
          AND json_extract(m.headers_json, '$."x-convene"') IS NULL AND NOT (${commands}) ${listFilter}
        GROUP BY m.thread_id`,
    )
    .all(from, to, ...lists) as { threadId: number; messages: number; participants: number; firstDate: number; threadStart: number }[];
}

/** A reader of each thread's first message (undated ones last): subject, Message-ID, sender. */
export function threadStarters(db: Db): (threadId: number) => { subject: string; mid: string | null; name: string; addr: string } {
  const root = db.prepare(
    `SELECT subject, header_mid AS mid, from_name AS name, from_addr AS addr FROM messages
      WHERE thread_id = ? ORDER BY date IS NULL, date, id LIMIT 1`,
  );
  return (threadId) => root.get(threadId) as { subject: string; mid: string | null; name: string; addr: string };
}

/** What threading asks per id while it assigns a message (statements prepared once per handle). */
export class ThreadingReader {
  private readonly tidOfMessage: Statement<[string], { thread_id: number | null }>;
  private readonly threaded: Statement<[string], { one: number }>;
  private readonly sizeOf: Statement<[number], { n: number }>;

  constructor(db: Db) {
    this.sizeOf = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM messages WHERE thread_id = ?');
    this.tidOfMessage = db.prepare<[string], { thread_id: number | null }>('SELECT thread_id FROM messages WHERE mid = ?');
    this.threaded = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM messages WHERE mid = ? AND thread_id IS NOT NULL');
  }

  /** The thread of the message stored under `mid`, or null (not stored, or not threaded yet). */
  threadOf(mid: string): number | null {
    return this.tidOfMessage.get(mid)?.thread_id ?? null;
  }

  /** How many stored messages thread `threadId` holds (ghosts not counted). */
  size(threadId: number): number {
    return this.sizeOf.get(threadId)?.n ?? 0;
  }

  /** Is a message stored under `mid` and already threaded? (db reindex threads in id order.) */
  isThreaded(mid: string): boolean {
    return this.threaded.get(mid) !== undefined;
  }
}

/** The columns agenda extraction reads of a thread's messages. */
export type ThreadContextRow = Pick<MessageRow, 'mid' | 'subject' | 'from_name' | 'from_addr' | 'headers_json' | 'thread_id' | 'date'>;

const CONTEXT = 'mid, subject, from_name, from_addr, headers_json, thread_id, date';

/** What agenda extraction asks about a message's thread (statements prepared once per handle). */
export class ThreadContextReader {
  private readonly byMid: Statement<[string, string], ThreadContextRow>;
  private readonly rootOf: Statement<[number], ThreadContextRow>;
  private readonly firstOf: Statement<[number], ThreadContextRow>;
  private readonly sameSubject: Statement<[number, number, string], ThreadContextRow>;

  constructor(db: Db) {
    this.byMid = db.prepare(`SELECT ${CONTEXT} FROM messages WHERE mid = ? OR header_mid = ? ORDER BY id LIMIT 1`);
    // The root: the earliest message without a stored parent (walks the (thread_id, date) index and
    // stops at the first hit), else the earliest message.
    this.rootOf = db.prepare(`SELECT ${CONTEXT} FROM messages WHERE thread_id = ? AND parent_mid IS NULL ORDER BY date LIMIT 1`);
    this.firstOf = db.prepare(`SELECT ${CONTEXT} FROM messages WHERE thread_id = ? ORDER BY date LIMIT 1`);
    // Walks the date index over the window, newest first.
    this.sameSubject = db.prepare(
      `SELECT ${CONTEXT} FROM messages WHERE date >= ? AND date < ? AND subject = ? ORDER BY date DESC LIMIT 5`,
    );
  }

  /** Messages sent in the `windowMs` before `date` under exactly this subject, newest first. */
  underSubjectBefore(subject: string, date: number, windowMs: number): ThreadContextRow[] {
    return this.sameSubject.all(date - windowMs, date, subject);
  }

  message(mid: string): ThreadContextRow | undefined {
    return this.byMid.get(mid, mid);
  }

  root(threadId: number): ThreadContextRow | undefined {
    return this.rootOf.get(threadId) ?? this.firstOf.get(threadId);
  }
}

const placements = new WeakMap<Db, Statement<[number], { thread_id: number | null; parent_mid: string | null }>>();

/** Where threading put a stored message: its thread and parent. */
export function threadPlacement(db: Db, id: number): { thread_id: number | null; parent_mid: string | null } | undefined {
  let s = placements.get(db);
  if (!s) {
    s = db.prepare<[number], { thread_id: number | null; parent_mid: string | null }>(
      'SELECT thread_id, parent_mid FROM messages WHERE id = ?',
    );
    placements.set(db, s);
  }
  return s.get(id);
}
