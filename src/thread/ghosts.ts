/**
 * The owner of the ghosts and thread_seq tables. A ghost is a Message-ID a stored message refers
 * to that the archive does not hold (yet), kept with its thread id so a late parent or sibling
 * joins the right thread; thread_seq hands out thread ids.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/db.js';

export class GhostStore {
  private readonly tidOfGhost: Statement<[string], { thread_id: number }>;
  private readonly newTid: Statement<[]>;
  private readonly moveGhosts: Statement<[number, number]>;
  private readonly addGhost: Statement<[string, number]>;
  private readonly dropGhost: Statement<[string]>;
  private readonly keepAlias: Statement<[string, number]>;

  constructor(private readonly db: Db) {
    this.tidOfGhost = db.prepare<[string], { thread_id: number }>('SELECT thread_id FROM ghosts WHERE mid = ?');
    this.newTid = db.prepare('INSERT INTO thread_seq DEFAULT VALUES');
    this.moveGhosts = db.prepare('UPDATE ghosts SET thread_id = ? WHERE thread_id = ?');
    this.addGhost = db.prepare('INSERT OR IGNORE INTO ghosts (mid, thread_id) VALUES (?, ?)');
    this.dropGhost = db.prepare('DELETE FROM ghosts WHERE mid = ?');
    this.keepAlias = db.prepare(
      'INSERT INTO ghosts (mid, thread_id) VALUES (?, ?) ON CONFLICT(mid) DO UPDATE SET thread_id = excluded.thread_id',
    );
  }

  /** The thread a ghost (or a kept alias) belongs to, or null. */
  threadOf(mid: string): number | null {
    return this.tidOfGhost.get(mid)?.thread_id ?? null;
  }

  /** A thread id never used before. */
  newThread(): number {
    return Number(this.newTid.run().lastInsertRowid);
  }

  /** Ghosts of thread `from` now belong to `to` (two threads merged). */
  move(to: number, from: number): void {
    this.moveGhosts.run(to, from);
  }

  /** A referenced id not (yet) stored; kept as it is when already a ghost. */
  add(mid: string, threadId: number): void {
    this.addGhost.run(mid, threadId);
  }

  /** Another id a stored message is known by, pointing at its (current) thread. */
  keep(mid: string, threadId: number): void {
    this.keepAlias.run(mid, threadId);
  }

  drop(mid: string): void {
    this.dropGhost.run(mid);
  }

  /** Forget every ghost and thread id (db reindex rebuilds them), in the caller's transaction. */
  clear(): void {
    this.db.exec(`DELETE FROM ghosts; DELETE FROM thread_seq; DELETE FROM sqlite_sequence WHERE name = 'thread_seq';`);
  }
}

/** How many ghosts there are (referenced messages not in the archive). */
export function ghostCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM ghosts').get() as { n: number }).n;
}

/** The thread a ghost id belongs to, or null. */
export function ghostThread(db: Db, mid: string): number | null {
  return db.prepare<[string], { t: number }>('SELECT thread_id AS t FROM ghosts WHERE mid = ?').get(mid)?.t ?? null;
}

/** Ghost rows for ids that are stored after all: each one is a threading bug (db check). */
export function ghostsOfStoredMessages(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM ghosts g JOIN messages m ON m.mid = g.mid').get() as { n: number }).n;
}
