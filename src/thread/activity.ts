import type { Db } from '../store/db.js';
import { activeThreads, threadStarters } from '../store/message-threads.js';

/** A thread seen on the list in a window (the digest's "since the last call"). */
export interface ThreadActivity {
  readonly threadId: number;
  readonly subject: string;
  readonly rootMid: string | null;
  readonly starter: string;
  readonly messages: number;
  /** Distinct senders in the window. */
  readonly participants: number;
  readonly firstDate: number;
  readonly isNew: boolean;
}

/**
 * "Since the last call": the threads with messages in [from, to), optionally only from the
 * given List-Ids, convene's own mail (X-Convene) left out. A thread is new when its first stored
 * message falls in the window.
 */
export function threadActivity(db: Db, from: number, to: number, lists: readonly string[]): ThreadActivity[] {
  const starter = threadStarters(db);
  return activeThreads(db, from, to, lists).map((r) => {
    const first = starter(r.threadId);
    return {
      threadId: r.threadId,
      subject: first.subject,
      rootMid: first.mid,
      starter: first.name || first.addr,
      messages: r.messages,
      participants: r.participants,
      firstDate: r.firstDate,
      isNew: r.threadStart >= from,
    };
  });
}
