import type { Db } from '../store/db.js';
import type { MessageRow } from '../store/message-row.js';
import { threadLinks } from './sanitize.js';
import type { TreeInput } from './tree.js';

/** One message of a thread, as `convene thread` and `show` need it. */
export interface ThreadMessage extends TreeInput {
  readonly id: number;
  readonly threadId: number;
  readonly fromName: string;
  readonly fromAddr: string;
  readonly subject: string;
}

/** The columns loadThread selects; thread_id is not null there (it selects by it). */
type Row = Pick<
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
  | 'hash'
> & { thread_id: number };

/**
 * The thread a user named: a thread number, or a Message-ID (with or without <>, or id:) of a
 * message or ghost in it. Null when nothing matches.
 */
export function resolveThreadId(db: Db, ref: string): number | null {
  const id = ref
    .trim()
    .replace(/^(?:id|mid|thread):/, '')
    .replace(/^<(.*)>$/, '$1');
  if (/^\d{1,15}$/.test(id)) {
    const t = db.prepare<[number], { t: number }>('SELECT thread_id AS t FROM messages WHERE thread_id = ? LIMIT 1').get(Number(id));
    if (t) return t.t;
  }
  const m = db
    .prepare<[string, string], { t: number | null }>(
      'SELECT thread_id AS t FROM messages WHERE mid = ? OR header_mid = ? ORDER BY id LIMIT 1',
    )
    .get(id, id);
  if (m?.t != null) return m.t;
  const g = db.prepare<[string], { t: number }>('SELECT thread_id AS t FROM ghosts WHERE mid = ?').get(id);
  return g?.t ?? null;
}

/**
 * Every message of a thread with sanitised links (the same threadLinks() ingest used, so the
 * tree agrees with the stored parent_mid and thread ids).
 */
export function loadThread(db: Db, threadId: number): ThreadMessage[] {
  const rows = db
    .prepare<[number], Row>(
      `SELECT id, mid, header_mid, extra_mids_json, thread_id, date, from_name, from_addr, to_json, cc_json, subject,
        in_reply_to_json, refs_json, hash FROM messages WHERE thread_id = ? ORDER BY date, id`,
    )
    .all(threadId);
  return rows.map(toThreadMessage);
}

function toThreadMessage(r: Row): ThreadMessage {
  const addrs = (json: string): string[] => (JSON.parse(json) as { address?: string }[]).flatMap((a) => (a.address ? [a.address] : []));
  const selfIds = [r.mid, ...(r.header_mid ? [r.header_mid] : []), ...(JSON.parse(r.extra_mids_json) as string[])];
  const links = threadLinks({
    selfIds,
    inReplyTo: JSON.parse(r.in_reply_to_json) as string[],
    references: JSON.parse(r.refs_json) as string[],
    addresses: [r.from_addr, ...addrs(r.to_json), ...addrs(r.cc_json)].filter(Boolean),
  });
  return {
    id: r.id,
    mid: r.mid,
    headerMid: r.header_mid,
    threadId: r.thread_id,
    parent: links.parent,
    refs: links.refs,
    date: r.date,
    key: r.hash,
    fromName: r.from_name,
    fromAddr: r.from_addr,
    subject: r.subject,
  };
}
