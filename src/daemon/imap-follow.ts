import type { Config } from '../config/types.js';
import { ConveneError, oneLine } from '../errors.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import type { BatchWatch } from '../ingest/feed.js';
import { recordSync } from '../ingest/sync-once.js';

/** Pause before the IMAP loop starts over after an error that was not a connection drop. */
const RESTART_MS = 60_000;

/** The daemon's IMAP loop: started once, stopped on SIGTERM or restarted on SIGHUP. */
export interface ImapFollower {
  /** True once the mailboxes have caught up since the loop started. */
  readonly caughtUp: () => boolean;
  /** Resolves when the loop first catches up, ends, or after `ms`, whichever comes first. */
  firstCatchUp(ms: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Follow the list over IMAP for as long as the daemon runs: ingest/sync.ts in watch mode (IDLE, poll as
 * fallback, reconnect with backoff after any drop), so new mail is ingested, and agenda items
 * extracted, when it arrives rather than at the next tick. A permanent failure (rejected
 * credentials) is logged once and ends the loop; the daemon keeps running its jobs.
 */
export function followImap(
  db: Db,
  config: Config,
  logger: Logger,
  env: NodeJS.ProcessEnv,
  now: () => number,
  ingest: { readonly watch?: BatchWatch; readonly abandon?: AbortSignal } = {},
): ImapFollower | null {
  if (!config.imap) return null;
  const imap = config.imap;
  const stop = new AbortController();
  let caughtUp = false;
  let onCaughtUp: () => void = () => undefined;
  const first = new Promise<void>((done) => (onCaughtUp = done));
  const loop = (async () => {
    const { syncImap } = await import('../ingest/sync.js');
    const { lazyPool } = await import('../mail/prepare-pool.js');
    const { sleep } = await import('../sources/backoff.js');
    const pool = lazyPool();
    // The health row also shows this loop's parse pool (started for backfills of 64+ messages).
    const watch: BatchWatch | undefined = ingest.watch && {
      started: (n, bytes) => ingest.watch!.started(n, bytes),
      ended: (committed) => {
        ingest.watch!.pool(pool.health());
        ingest.watch!.ended(committed);
      },
      pool: (h) => ingest.watch!.pool(h),
    };
    try {
      // ingest/sync.ts retries dropped connections itself; what ends it is a permanent failure (rejected
      // credentials: stop, retrying can lock the account) or an error while storing (start over
      // after a pause, so a transient database problem does not end ingestion for good).
      while (!stop.signal.aborted) {
        try {
          await syncImap({
            db,
            config: imap,
            once: false,
            logger,
            env,
            now,
            signal: stop.signal,
            prepare: pool.prepare,
            meetings: config.meetings,
            ...(watch ? { watch } : {}),
            ...(ingest.abandon ? { abandon: ingest.abandon } : {}),
            onCaughtUp: (r) => {
              caughtUp = true;
              onCaughtUp();
              const stored = r.mailboxes.reduce((n, m) => n + m.stored, 0);
              recordSync(db, now(), { source: 'imap', stored });
            },
          });
        } catch (err) {
          caughtUp = false;
          if (ingest.abandon?.aborted)
            return void logger.warn({ msg: 'imap sync stopped: batch in flight abandoned', error: oneLine(err) });
          const permanent = err instanceof ConveneError && (err.code === 'IMAP_AUTH' || err.code === 'CONFIG');
          logger.error({ msg: permanent ? 'imap sync stopped' : 'imap sync failed; restarting in a minute', error: oneLine(err) });
          if (permanent) return;
          await sleep(RESTART_MS, stop.signal);
        }
      }
    } finally {
      caughtUp = false;
      await pool.close();
    }
  })();
  return {
    caughtUp: () => caughtUp,
    async firstCatchUp(ms) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([first, loop, new Promise<void>((done) => (timer = setTimeout(done, ms)))]);
      clearTimeout(timer);
    },
    async stop() {
      stop.abort();
      await loop;
    },
  };
}
