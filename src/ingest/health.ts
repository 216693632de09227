/**
 * The daemon's ingestion health (table ingest_health, its owner), so that `convene status`, in
 * another process, can tell a daemon whose ingestion is stuck (issue 13, item 1: a parse worker
 * died, the next batch waited forever, and nothing said so). The daemon keeps a row per process:
 * a heartbeat while its event loop runs, the batch in flight since when, the last commit, and the
 * parse pool's health. `status` reads it: a batch in flight for long is stuck; a heartbeat that
 * stopped moving is a daemon that no longer runs (or whose event loop is blocked).
 */
import type { PoolHealth } from '../mail/prepare-pool.js';
import type { Db } from '../store/db.js';
import type { BatchWatch } from './feed.js';

/** How often the daemon writes its heartbeat. */
export const HEARTBEAT_MS = 10_000;
/** A heartbeat older than this: the daemon is not running, or its event loop is blocked. */
export const SILENT_AFTER_MS = 3 * HEARTBEAT_MS;
/** A batch in flight for longer than this is reported stuck (status --stuck-after overrides it). */
export const STUCK_AFTER_MS = 5 * 60_000;
/** A health write waits this long at most for another writer (a reindex): a heartbeat is not worth blocking the daemon. */
const WRITE_WAIT_MS = 200;

/** The daemon side: records what its ingestion does, as a BatchWatch fed by the ingest loops. */
export class IngestHealthRecorder implements BatchWatch {
  private readonly batches: { at: number; messages: number; bytes: number }[] = [];
  private lastCommit: number | null = null;
  private poolHealth: PoolHealth | null = null;
  /** When this daemon started (begin); every heartbeat writes it, so the row exists whichever write lands first. */
  private startedAt = 0;

  constructor(
    private readonly db: Db,
    /** "host pid" of this daemon. */
    private readonly process: string,
    private readonly now: () => number,
  ) {}

  /** A fresh row for this process; rows of daemons that stopped, or went silent a day ago, go. */
  begin(): void {
    this.startedAt = this.now();
    this.lastCommit = null;
    this.poolHealth = null;
    this.write(() =>
      this.db
        .prepare('DELETE FROM ingest_health WHERE process = ? OR stopped_at IS NOT NULL OR heartbeat_at < ?')
        .run(this.process, this.startedAt - 86_400_000),
    );
    this.beat();
  }

  started(messages: number, bytes: number): void {
    this.batches.push({ at: this.now(), messages, bytes });
    this.beat();
  }

  ended(committed: boolean): void {
    this.batches.shift();
    if (committed) this.lastCommit = this.now();
    this.beat();
  }

  pool(health: PoolHealth | null): void {
    this.poolHealth = health;
  }

  /**
   * The heartbeat: the time, the oldest batch in flight, the last commit, the pool. An upsert: the
   * first write may be skipped (the archive locked by another writer at start, see write), and a
   * plain UPDATE would then find no row for the daemon's whole life (status: never stuck).
   */
  beat(): void {
    const b = this.batches[0];
    this.write(() =>
      this.db
        .prepare(
          `INSERT INTO ingest_health
             (process, started_at, heartbeat_at, batch_started_at, batch_messages, batch_bytes, last_commit_at, pool)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (process) DO UPDATE SET started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at,
             batch_started_at = excluded.batch_started_at, batch_messages = excluded.batch_messages,
             batch_bytes = excluded.batch_bytes, last_commit_at = excluded.last_commit_at, pool = excluded.pool`,
        )
        .run(
          this.process,
          this.startedAt,
          this.now(),
          b?.at ?? null,
          b?.messages ?? null,
          b?.bytes ?? null,
          this.lastCommit,
          this.poolHealth ? JSON.stringify(this.poolHealth) : null,
        ),
    );
  }

  stopped(): void {
    this.batches.length = 0;
    this.beat();
    this.write(() => this.db.prepare('UPDATE ingest_health SET stopped_at = ? WHERE process = ?').run(this.now(), this.process));
  }

  /**
   * Health is advice: a write that finds the database locked by another writer (a reindex, an
   * import) is skipped rather than waited for, and never fails ingestion.
   */
  private write(fn: () => void): void {
    if (this.db.inTransaction) return;
    this.db.pragma(`busy_timeout = ${WRITE_WAIT_MS}`);
    try {
      fn();
    } catch {
      // locked, read-only, full: the next beat tries again
    } finally {
      this.db.pragma('busy_timeout = 5000');
    }
  }
}

/** What `status` says of the daemon's ingestion. */
export interface IngestStatus {
  readonly process: string;
  readonly startedAt: number;
  readonly heartbeatAt: number;
  readonly stoppedAt: number | null;
  /** stopped: it exited; silent: no heartbeat for SILENT_AFTER_MS; stuck: a batch in flight past the limit. */
  readonly state: 'stopped' | 'silent' | 'stuck' | 'busy' | 'idle';
  readonly batch: { readonly since: number; readonly messages: number; readonly bytes: number } | null;
  readonly lastCommitAt: number | null;
  readonly pool: PoolHealth | null;
}

interface Row {
  process: string;
  started_at: number;
  heartbeat_at: number;
  batch_started_at: number | null;
  batch_messages: number | null;
  batch_bytes: number | null;
  last_commit_at: number | null;
  pool: string | null;
  stopped_at: number | null;
}

/** The most recently heard-from daemon's ingestion, as of `now`; null when no daemon ever ran here. */
export function ingestStatus(db: Db, now: number, stuckAfterMs = STUCK_AFTER_MS): IngestStatus | null {
  const r = db.prepare<[], Row>('SELECT * FROM ingest_health ORDER BY heartbeat_at DESC LIMIT 1').get();
  if (!r) return null;
  const batch =
    r.batch_started_at === null ? null : { since: r.batch_started_at, messages: r.batch_messages ?? 0, bytes: r.batch_bytes ?? 0 };
  const state =
    r.stopped_at !== null
      ? 'stopped'
      : batch && now - batch.since > stuckAfterMs
        ? 'stuck'
        : now - r.heartbeat_at > SILENT_AFTER_MS
          ? 'silent'
          : batch
            ? 'busy'
            : 'idle';
  return {
    process: r.process,
    startedAt: r.started_at,
    heartbeatAt: r.heartbeat_at,
    stoppedAt: r.stopped_at,
    state,
    batch,
    lastCommitAt: r.last_commit_at,
    pool: r.pool === null ? null : (JSON.parse(r.pool) as PoolHealth),
  };
}
