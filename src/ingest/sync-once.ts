import { statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/types.js';
import { oneLine } from '../errors.js';
import type { Logger } from '../log.js';
import { maildirFolders } from '../sources/maildir.js';
import type { Db } from '../store/db.js';
import { lastEvent, lastEventAt, recordEvent } from '../store/event-log.js';
import { SyncState } from './sync-state.js';

/** One sync pass: IMAP when configured, else the local mbox/maildir `source.path`. */
export interface SyncOutcome {
  readonly ok: boolean;
  readonly stored: number;
  readonly source: 'imap' | 'local' | 'none';
}

const lastLocal = new Map<string, string>();

/**
 * Pull new mail once. The local source is looked at only when it changed (changeMark), and
 * then read from its cursor (local-sync.ts), so what was read before is neither read nor counted
 * as a copy again. Errors are logged and reported as ok: false; the daemon carries on with its jobs.
 */
export async function syncOnce(
  db: Db,
  config: Config,
  logger: Logger,
  env: NodeJS.ProcessEnv,
  now: () => number,
  imapFollowed?: () => boolean,
): Promise<SyncOutcome> {
  try {
    if (config.imap && imapFollowed) {
      // The long-running daemon follows IMAP in its own loop (daemon/imap-follow.ts); a tick only asks
      // whether that loop has caught up at least once since it (re)connected.
      return { ok: imapFollowed(), stored: 0, source: 'imap' };
    }
    if (config.imap) {
      const { syncImap } = await import('./sync.js');
      const r = await syncImap({
        db,
        config: config.imap,
        once: true,
        logger,
        meetings: config.meetings,
        env,
        now,
      });
      const stored = r.mailboxes.reduce((n, m) => n + m.stored, 0);
      recordSync(db, now(), { source: 'imap', stored });
      return { ok: true, stored, source: 'imap' };
    }
    if (config.source) {
      const path = config.source.path;
      const st = statSync(path);
      // Taken before reading, so a change made while the pass reads shows up in the next one.
      const mark = changeMark(path, st);
      if (lastLocal.get(path) === mark) return { ok: true, stored: 0, source: 'local' };
      const { syncLocal } = await import('./local-sync.js');
      const r = await syncLocal(db, path, { meetings: config.meetings, now, logger });
      lastLocal.set(path, mark);
      const stored = r.stored;
      recordSync(db, now(), { source: 'local', path, stored });
      if (stored) logger.info({ msg: 'synced', source: path, stored });
      return { ok: true, stored, source: 'local' };
    }
    return { ok: true, stored: 0, source: 'none' };
  } catch (err) {
    logger.error({ msg: 'sync failed', error: oneLine(err) });
    // `convene status` says so until a later pass syncs (lastSyncFailure).
    recordEvent(db, now(), 'daemon.sync-failed', JSON.stringify({ error: oneLine(err) }));
    return { ok: false, stored: 0, source: config.imap ? 'imap' : config.source ? 'local' : 'none' };
  }
}

/**
 * What tells a pass that a local source may hold new mail. An mbox: its mtime and size (the size
 * too, as an append within one mtime tick of a coarse file system keeps the mtime). A maildir:
 * delivery writes to tmp/ and renames into new/, and a reader moves files to cur/, which changes
 * those directories' mtimes but not the top directory's (cr.yp.to/proto/maildir.html), so the
 * mark lists the mtime of every folder's new/ and cur/ (and the top's, for folders added).
 */
function changeMark(path: string, st: Stats): string {
  if (!st.isDirectory()) return `${st.mtimeMs}:${st.size}`;
  const parts = [`${st.mtimeMs}`];
  for (const folder of maildirFolders(path)) {
    for (const sub of ['new', 'cur']) {
      try {
        parts.push(`${folder}/${sub}:${statSync(join(folder, sub)).mtimeMs}`);
      } catch {
        // a maildir may lack one of them: nothing to watch there
      }
    }
  }
  return parts.join('|');
}

/** Note a sync in the event log: `status` and lastSync() read it. */
export function recordSync(db: Db, at: number, detail: object): void {
  recordEvent(db, at, 'daemon.sync', JSON.stringify(detail));
}

/** When the daemon last synced (ms UTC), from the event log and the IMAP cursors. */
export function lastSync(db: Db): number | null {
  const a = lastEventAt(db, 'daemon.sync');
  const b = SyncState.lastSyncAt(db);
  return a === null ? b : b === null ? a : Math.max(a, b);
}

/** The last failed sync when it is newer than the last good one (ms UTC and the error), else null. */
export function lastSyncFailure(db: Db): { readonly at: number; readonly error: string } | null {
  const failed = lastEvent(db, 'daemon.sync-failed');
  if (!failed) return null;
  const ok = lastSync(db);
  if (ok !== null && ok >= failed.at) return null;
  return { at: failed.at, error: (JSON.parse(failed.detail) as { error?: string }).error ?? 'unknown error' };
}
