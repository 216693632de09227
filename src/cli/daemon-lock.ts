/**
 * One daemon per database: `convene daemon` (and `daemon --once`, a cron pass) holds a lock file
 * beside the database, `<db>.daemon.lock`, holding its pid, host and start time. A second daemon
 * on the same database refuses to start and names the first; a lock whose process is gone (kill -9,
 * a reboot) is taken over. `convene status` reads it to say whether a daemon runs, and since when.
 * The file is created with O_EXCL, so two daemons starting at once cannot both win.
 */
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { ConveneError } from '../errors.js';

export interface LockInfo {
  readonly pid: number;
  readonly host: string;
  /** ms UTC. */
  readonly since: number;
}

export interface LockState extends LockInfo {
  /** False when the process is known to be gone (same host, no such pid): a stale lock. */
  readonly alive: boolean;
}

export function lockPath(dbPath: string): string {
  return `${dbPath}.daemon.lock`;
}

/** True when the pid runs on this host (EPERM: it runs as another user). */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock's holder, or null when there is none (or the file is unreadable: treated as none). */
export function readLock(dbPath: string): LockState | null {
  let info: LockInfo;
  try {
    info = JSON.parse(readFileSync(lockPath(dbPath), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
  if (typeof info.pid !== 'number' || typeof info.since !== 'number') return null;
  // Another host's process cannot be checked from here: it counts as alive (the operator removes it).
  const alive = info.host !== hostname() || pidAlive(info.pid);
  return { ...info, alive };
}

export interface DaemonLock {
  readonly path: string;
  release(): void;
}

/** Take the lock or throw DB_LOCKED naming the daemon that holds it. No lock for an in-memory database. */
export function acquireLock(dbPath: string, now: number): DaemonLock {
  const path = lockPath(dbPath);
  if (dbPath === ':memory:') return { path, release: () => undefined };
  const mine: LockInfo = { pid: process.pid, host: hostname(), since: now };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(mine) + '\n', { flag: 'wx' });
      return { path, release: () => release(path) };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new ConveneError('DB', `cannot write the daemon lock ${path}: ${code ?? 'error'}`, { cause: err });
    }
    const held = readLock(dbPath);
    if (held?.alive) {
      throw new ConveneError(
        'DB_LOCKED',
        `a daemon already runs on ${dbPath} (pid ${held.pid} on ${held.host}, since ${new Date(held.since).toISOString()}); ` +
          `stop it first, or remove ${path} if that process is gone`,
      );
    }
    // Stale (or unreadable): move it aside; only one contender's rename succeeds.
    try {
      renameSync(path, `${path}.stale-${process.pid}`);
      unlinkSync(`${path}.stale-${process.pid}`);
    } catch {
      // another process took it over first: the next attempt sees its lock
    }
  }
  const held = readLock(dbPath);
  throw new ConveneError('DB_LOCKED', `another daemon took the lock on ${dbPath} (pid ${held?.pid ?? '?'})`);
}

function release(path: string): void {
  try {
    const held = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    if (held.pid === process.pid && existsSync(path)) unlinkSync(path);
  } catch {
    // already gone
  }
}
