import type { Db } from '../store/db.js';
import { ThreadingReader } from '../store/message-threads.js';
import type { MessageWriter } from '../store/message-writer.js';
import { GhostStore } from './ghosts.js';

/**
 * Index-time thread ids (public-inbox OverIdx.pm): a thread is the connected component of the
 * reference graph. Unseen referenced ids are kept as ghost rows carrying the thread id, so a late
 * parent or a late sibling joins (and merges) the right thread whatever the delivery order.
 * Thread ids are numbers; which number a thread keeps depends on order, its membership does not.
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
    const linked = [...new Set([...ownIds, ...refs])];
    const tids = new Set<number>();
    for (const mid of linked) {
      const m = this.messages.threadOf(mid);
      if (m !== null) tids.add(m);
      const g = this.ghosts.threadOf(mid);
      if (g !== null) tids.add(g);
    }
    let tid: number;
    if (tids.size === 0) {
      tid = this.ghosts.newThread();
    } else {
      tid = Math.min(...tids);
      for (const other of tids) {
        if (other === tid) continue;
        this.writer.moveThread(tid, other);
        this.ghosts.move(tid, other);
      }
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
}
