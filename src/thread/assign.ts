import type { Db } from '../store/db.js';
import { ThreadingReader } from '../store/message-threads.js';
import type { MessageWriter } from '../store/message-writer.js';
import { GhostStore } from './ghosts.js';

/**
 * A thread with this many stored messages is large: a message that merely names an id of it among
 * its older references does not merge it with another large thread (issue 13 item 7: one message
 * whose References list one id per thread made the archive one thread).
 */
export const LARGE_THREAD = 3;

/**
 * A References chain is one thread's ancestry: when its older ids reach more distinct threads
 * than this, beside the message's own and its parent's, the list is not trusted to merge any of
 * them. On the ext4 slice no message merges even one thread that way.
 */
export const MAX_REACHED_THREADS = 2;

/**
 * Index-time thread ids (public-inbox OverIdx.pm): a thread is the connected component of the
 * reference graph. Unseen referenced ids are kept as ghost rows carrying the thread id, so a late
 * parent or a late sibling joins (and merges) the right thread whatever the delivery order.
 * Thread ids are numbers; which number a thread keeps depends on order, its membership does not,
 * with two guards against a message that names ids of many threads (issue 13 item 7). The threads
 * holding the message's own ids or its parent always merge: it is a reply to (or the parent of)
 * each. Threads reached only through older References ids merge unless there are more than
 * MAX_REACHED_THREADS of them, and two large threads never merge that way. A thread not merged
 * keeps its id and its ghosts; the message joins the others.
 */
export class ThreadAssigner {
  private readonly messages: ThreadingReader;
  private readonly ghosts: GhostStore;

  /** `writer` sets the thread columns of the messages table, its owner (and whatever else follows threads). */
  constructor(
    db: Db,
    private readonly writer: Pick<MessageWriter, 'setThread' | 'moveThread'>,
  ) {
    this.messages = new ThreadingReader(db);
    this.ghosts = new GhostStore(db);
  }

  /**
   * Give message `id` its thread. `ownIds` are the ids it is known by (stored mid, header
   * Message-ID, extra Message-IDs); `refs` and `parent` come from threadLinks().
   */
  assign(id: number, ownIds: readonly string[], refs: readonly string[], parent: string | null): number {
    // Threads the message is in by its own ids or its parent, then those its other references reach.
    const core = this.threadsOf([...ownIds, ...(parent !== null ? [parent] : [])]);
    const reached = this.threadsOf([...refs].reverse()).filter((t) => !core.includes(t));
    const joined = core.length ? [...core] : reached.splice(0, 1);
    let size = joined.reduce((n, t) => n + this.messages.size(t), 0);
    for (const t of reached.length > MAX_REACHED_THREADS ? [] : reached) {
      const other = this.messages.size(t);
      if (size >= LARGE_THREAD && other >= LARGE_THREAD) continue;
      joined.push(t);
      size += other;
    }
    const tid = joined.length ? Math.min(...joined) : this.ghosts.newThread();
    for (const other of joined) {
      if (other === tid) continue;
      this.writer.moveThread(tid, other);
      this.ghosts.move(tid, other);
    }
    this.writer.setThread(id, tid, parent);
    // The stored id stops being a ghost. Any other id the message is known by (a second
    // Message-ID header) stays a row of its own in ghosts, pointing at this thread, so a reply
    // that names it later still joins: the partition must not depend on delivery order.
    for (const mid of ownIds) {
      if (mid === ownIds[0] || this.messages.isThreaded(mid)) this.ghosts.drop(mid);
      else this.ghosts.keep(mid, tid);
    }
    for (const ref of refs) if (!this.messages.isThreaded(ref)) this.ghosts.add(ref, tid);
    return tid;
  }

  /** The distinct threads of these ids (stored messages and ghosts), in the order the ids come. */
  private threadsOf(ids: readonly string[]): number[] {
    const out: number[] = [];
    for (const mid of new Set(ids)) {
      for (const t of [this.messages.threadOf(mid), this.ghosts.threadOf(mid)]) if (t !== null && !out.includes(t)) out.push(t);
    }
    return out;
  }
}
