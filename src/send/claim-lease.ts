import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Is the process sending a row still alive? Not by comparing its clock with ours (issue 13 item 4:
 * a pass whose clock ran 10 minutes ahead took over a live send and the mail went out twice), but
 * by what it does: while it sends, it raises the row's heartbeat every HEARTBEAT_MS; another
 * process reads the heartbeat, waits OBSERVE_MS on its own monotonic timer, and reads it again.
 * A claimant on this host whose pid is gone is dead at once (kill -9, crash).
 */
export const HEARTBEAT_MS = 2_000;
/** Several beats, and room for a claimant's event loop busy with a large batch. */
export const OBSERVE_MS = 15_000;

/** Who holds a claim: "host pid". The outbox lives in one SQLite file (WAL needs one host). */
export function currentClaimant(): string {
  return `${hostname()} ${process.pid}`;
}

/**
 * Is the claimant known to be gone? Only when it ran on this host and its pid no longer exists.
 * Anything else (alive, another host, an unreadable value) is "not known gone": its heartbeat
 * decides. A reused pid is caught there too: the new process never beats for the row.
 */
export function claimantGone(claimant: string): boolean {
  const cut = claimant.lastIndexOf(' ');
  const pid = Number(claimant.slice(cut + 1));
  if (cut < 0 || claimant.slice(0, cut) !== hostname() || !Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0); // signal 0: existence check only
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'; // EPERM: it exists, owned by someone else
  }
}

/** A claim as one read of the row saw it. */
export interface SeenClaim {
  readonly id: number;
  readonly claimedBy: string;
  readonly heartbeat: number;
}

/**
 * Which of these claims are alive: their heartbeat moved (or the row left "sending") during one
 * wait of `observeMs`, on this process's own timer. One wait for all of them.
 */
export async function liveClaims(
  claims: readonly SeenClaim[],
  read: (id: number) => { readonly claimedBy: string | null; readonly heartbeat: number } | null,
  observeMs: number = OBSERVE_MS,
): Promise<Set<number>> {
  const live = new Set<number>();
  if (claims.length === 0) return live;
  await sleep(observeMs);
  for (const c of claims) {
    const now = read(c.id);
    if (!now || now.claimedBy !== c.claimedBy || now.heartbeat !== c.heartbeat) live.add(c.id);
  }
  return live;
}

/** Beat for a row while `work` runs. */
export async function withHeartbeat<T>(beat: () => void, work: () => Promise<T>, everyMs: number = HEARTBEAT_MS): Promise<T> {
  const timer = setInterval(() => {
    try {
      beat();
    } catch {
      // A busy database skips one beat; the observer's window spans several.
    }
  }, everyMs);
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
