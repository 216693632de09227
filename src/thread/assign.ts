import type { Db } from '../store/db.js';

/**
 * Index-time thread ids (public-inbox OverIdx.pm): a thread is the connected component of the
 * reference graph. Unseen referenced ids are kept as ghost rows carrying the thread id, so a late
 * parent or a late sibling joins (and merges) the right thread whatever the delivery order.
 * Thread ids are numbers; which number a thread keeps depends on order, its membership does not.
 */
export class ThreadAssigner {
  private readonly tidOfMessage;
  private readonly tidOfGhost;
  private readonly newTid;
  private readonly moveMessages;
  private readonly moveGhosts;
  private readonly setThread;
  private readonly addGhost;
  private readonly dropGhost;
  private readonly keepAlias;
  private readonly midExists;

  constructor(db: Db) {
    this.tidOfMessage = db.prepare<[string], { thread_id: number | null }>('SELECT thread_id FROM messages WHERE mid = ?');
    this.tidOfGhost = db.prepare<[string], { thread_id: number }>('SELECT thread_id FROM ghosts WHERE mid = ?');
    this.newTid = db.prepare('INSERT INTO thread_seq DEFAULT VALUES');
    this.moveMessages = db.prepare('UPDATE messages SET thread_id = ? WHERE thread_id = ?');
    this.moveGhosts = db.prepare('UPDATE ghosts SET thread_id = ? WHERE thread_id = ?');
    this.setThread = db.prepare('UPDATE messages SET thread_id = ?, parent_mid = ? WHERE id = ?');
    this.addGhost = db.prepare('INSERT OR IGNORE INTO ghosts (mid, thread_id) VALUES (?, ?)');
    this.dropGhost = db.prepare('DELETE FROM ghosts WHERE mid = ?');
    this.keepAlias = db.prepare(
      'INSERT INTO ghosts (mid, thread_id) VALUES (?, ?) ON CONFLICT(mid) DO UPDATE SET thread_id = excluded.thread_id',
    );
    // A stored message not yet threaded (db reindex walks in id order) counts as unseen: it gets a
    // ghost row, which it picks up when its own turn comes.
    this.midExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM messages WHERE mid = ? AND thread_id IS NOT NULL');
  }

  /**
   * Give message `id` its thread. `ownIds` are the ids it is known by (stored mid, header
   * Message-ID, extra Message-IDs); `refs` and `parent` come from threadLinks().
   */
  assign(id: number, ownIds: readonly string[], refs: readonly string[], parent: string | null): number {
    const linked = [...new Set([...ownIds, ...refs])];
    const tids = new Set<number>();
    for (const mid of linked) {
      const m = this.tidOfMessage.get(mid);
      if (m?.thread_id != null) tids.add(m.thread_id);
      const g = this.tidOfGhost.get(mid);
      if (g) tids.add(g.thread_id);
    }
    let tid: number;
    if (tids.size === 0) {
      tid = Number(this.newTid.run().lastInsertRowid);
    } else {
      tid = Math.min(...tids);
      for (const other of tids) {
        if (other === tid) continue;
        this.moveMessages.run(tid, other);
        this.moveGhosts.run(tid, other);
      }
    }
    this.setThread.run(tid, parent, id);
    // The stored id stops being a ghost. Any other id the message is known by (a second
    // Message-ID header) stays a row of its own in ghosts, pointing at this thread, so a reply
    // that names it later still joins: the partition must not depend on delivery order.
    for (const mid of ownIds) {
      if (mid === ownIds[0] || this.midExists.get(mid)) this.dropGhost.run(mid);
      else this.keepAlias.run(mid, tid);
    }
    for (const ref of refs) if (!this.midExists.get(ref)) this.addGhost.run(ref, tid);
    return tid;
  }
}
