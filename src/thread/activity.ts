import type { Db } from '../store/db.js';

/** A thread seen on the list in a window (the digest's "since the last call"). */
export interface ThreadActivity {
  readonly threadId: number;
  readonly subject: string;
  readonly rootMid: string | null;
  readonly starter: string;
  readonly messages: number;
  readonly firstDate: number;
  readonly isNew: boolean;
}

/**
 * Reader (never a writer) for "since the last call": the threads with messages in [from, to),
 * optionally only from the given List-Ids, convene's own mail (X-Convene) left out. A thread is
 * new when its first stored message falls in the window.
 */
export function threadActivity(db: Db, from: number, to: number, lists: readonly string[]): ThreadActivity[] {
  const listFilter = lists.length ? `AND m.list_id IN (${lists.map(() => '?').join(',')})` : '';
  const rows = db
    .prepare(
      `SELECT m.thread_id AS threadId, COUNT(*) AS messages, MIN(m.date) AS firstDate,
              (SELECT MIN(a.date) FROM messages a WHERE a.thread_id = m.thread_id) AS threadStart
         FROM messages m
        WHERE m.date >= ? AND m.date < ? AND m.thread_id IS NOT NULL
          AND json_extract(m.headers_json, '$."x-convene"') IS NULL ${listFilter}
        GROUP BY m.thread_id`,
    )
    .all(from, to, ...lists) as { threadId: number; messages: number; firstDate: number; threadStart: number }[];
  const root = db.prepare(
    `SELECT subject, header_mid AS mid, from_name AS name, from_addr AS addr FROM messages
      WHERE thread_id = ? ORDER BY date IS NULL, date, id LIMIT 1`,
  );
  return rows.map((r) => {
    const first = root.get(r.threadId) as { subject: string; mid: string | null; name: string; addr: string };
    return {
      threadId: r.threadId,
      subject: first.subject,
      rootMid: first.mid,
      starter: first.name || first.addr,
      messages: r.messages,
      firstDate: r.firstDate,
      isNew: r.threadStart >= from,
    };
  });
}
