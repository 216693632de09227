/**
 * The daemon's part of `convene status`: whether one runs (its lock file, daemon-lock.ts) and how
 * its ingestion is doing (its health row, ingest/health.ts: stuck, not responding, stopped). The
 * lock says which process holds the archive; the health row says whether that process still works.
 */
import type { IngestStatus } from '../ingest/health.js';
import type { LockState } from './daemon-lock.js';
import { isoTime } from './json.js';

/** `status --json`'s daemon: the lock's fields, then the health row's (null before any daemon ran here). */
export interface DaemonJson {
  readonly running: boolean;
  readonly pid: number | null;
  readonly host: string | null;
  readonly since: string | null;
  readonly stale: boolean;
  /** "host pid" of the daemon whose health row this is. */
  readonly process: string | null;
  /** The ingestion's state (health.ts): stopped, silent (no heartbeat), stuck, busy or idle. */
  readonly state: IngestStatus['state'] | null;
  readonly startedAt: string | null;
  readonly heartbeatAt: string | null;
  readonly stoppedAt: string | null;
  readonly lastCommitAt: string | null;
  readonly batch: { readonly since: string; readonly messages: number; readonly bytes: number } | null;
  readonly pool: IngestStatus['pool'];
}

export function daemonJson(lock: LockState | null, health: IngestStatus | null): DaemonJson {
  return {
    ...(lock
      ? { running: lock.alive, pid: lock.pid, host: lock.host, since: isoTime(lock.since), stale: !lock.alive }
      : { running: false, pid: null, host: null, since: null, stale: false }),
    process: health?.process ?? null,
    state: health?.state ?? null,
    startedAt: isoTime(health?.startedAt ?? null),
    heartbeatAt: isoTime(health?.heartbeatAt ?? null),
    stoppedAt: isoTime(health?.stoppedAt ?? null),
    lastCommitAt: isoTime(health?.lastCommitAt ?? null),
    batch: health?.batch ? { ...health.batch, since: isoTime(health.batch.since) } : null,
    pool: health?.pool ?? null,
  };
}

/** Ingestion is stuck in a daemon that is not known to be gone: `status` exits 1. */
export function isStuck(d: DaemonJson): boolean {
  return d.state === 'stuck' && !d.stale;
}

/**
 * The daemon in a few lines: what an operator needs to see that it runs, and that its ingestion
 * is not stuck. `when` shows an ISO instant in the user's zone.
 */
export function daemonLines(d: DaemonJson, now: number, when: (iso: string | null) => string): string[] {
  const ago = (t: string | null): string => `${when(t)} (${Math.round((now - Date.parse(t ?? '')) / 1000)} s ago)`;
  const own = d.running && d.process === `${d.host} ${d.pid}`;
  const working = d.state === 'busy' || d.state === 'idle' || d.state === 'stuck';
  let line: string;
  if (d.running) {
    line = `daemon: running, pid ${d.pid} on ${d.host}, since ${when(d.since)}`;
    if (own && d.state === 'silent') line += `; NOT RESPONDING: no heartbeat since ${ago(d.heartbeatAt)}: its event loop is blocked`;
    else if (own && working) line += `; heartbeat ${ago(d.heartbeatAt)}`;
  } else if (d.stale) {
    line = `daemon: not running (a stale lock from pid ${d.pid}, which is gone; the next daemon takes it over)`;
  } else if (working) {
    line = `daemon: running (${d.process}, without its lock file), heartbeat ${ago(d.heartbeatAt)}`;
  } else {
    line = `daemon: not running${d.state === 'stopped' ? ` (stopped at ${when(d.stoppedAt)})` : ''}`;
  }
  // A stale lock: the process is gone, and so is the batch it had in flight (read again next start).
  if (d.stale) return [line];
  const batch = d.batch ? `a batch of ${d.batch.messages} messages (${d.batch.bytes} bytes) in flight since ${ago(d.batch.since)}` : '';
  const ingestion =
    d.state === 'stuck'
      ? `ingestion: STUCK: ${batch}; nothing committed since ${d.lastCommitAt === null ? 'the start' : ago(d.lastCommitAt)}`
      : d.state === 'busy'
        ? `ingestion: ${batch}`
        : d.state === 'idle'
          ? `ingestion: idle${d.lastCommitAt === null ? '' : `, last commit ${ago(d.lastCommitAt)}`}`
          : '';
  const p = d.pool;
  const pool =
    p && working
      ? `parse pool: ${p.workers} workers, ${p.deaths} deaths, ${p.retried} messages retried on the main thread` +
        `${p.degraded ? ', DEGRADED (parsing on the main thread)' : ''}${p.lastDeath ? ` (last: ${p.lastDeath})` : ''}`
      : '';
  return [line, ingestion, pool].filter(Boolean);
}
