import { idFromUser } from '../mail/message-id.js';
import type { Db } from '../store/db.js';
import { existingThreadId, threadOfMessage, threadRows, type ThreadRow } from '../store/message-threads.js';
import { ghostThread } from './ghosts.js';
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

/**
 * The thread a user named: a thread number, or a Message-ID (with or without <>, or id:) of a
 * message or ghost in it. Null when nothing matches.
 */
export function resolveThreadId(db: Db, ref: string): number | null {
  const text = ref.trim().replace(/^thread:/, '');
  if (/^\d{1,15}$/.test(text)) {
    const t = existingThreadId(db, Number(text));
    if (t !== null) return t;
  }
  const id = idFromUser(text);
  return threadOfMessage(db, id) ?? ghostThread(db, id);
}

/**
 * Every message of a thread with sanitised links: the parent ingest stored (parent_mid), the
 * References chain from the same threadLinks() ingest used, so the tree agrees with the stored
 * thread ids.
 */
export function loadThread(db: Db, threadId: number): ThreadMessage[] {
  return threadRows(db, threadId).map(toThreadMessage);
}

function toThreadMessage(r: ThreadRow): ThreadMessage {
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
    parent: r.parent_mid,
    refs: links.refs,
    date: r.date,
    key: r.hash,
    fromName: r.from_name,
    fromAddr: r.from_addr,
    subject: r.subject,
  };
}
