import { hostname } from 'node:os';

/**
 * How long a claim on an outbox row ("sending") protects it from being resolved as a crash
 * leftover while its claimant is, as far as we can tell, still alive. It must outlast one whole
 * SMTP send: nodemailer's connection and greeting timeouts are 30 s each and the socket timeout
 * 60 s per step (src/send/transport.ts), so a slow but live send can take a few minutes. Resolving
 * earlier would requeue a mail another process is still sending, and it would go out twice.
 */
export const SEND_LEASE_MS = 10 * 60_000;

/** Who holds a claim: "host pid". The outbox lives in one SQLite file (WAL needs one host). */
export function currentClaimant(): string {
  return `${hostname()} ${process.pid}`;
}

/**
 * Is the claimant known to be gone? Only when it ran on this host and its pid no longer exists
 * (kill -9, crash). Anything else (alive, another host, an unreadable value) is "not known
 * gone", so the row waits for its lease to run out: a reused pid only delays, never doubles.
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

export interface Claim {
  readonly claimedAt: number | null;
  readonly claimedBy: string | null;
}

/**
 * May a row in "sending" be resolved as interrupted now? Yes when its claimant is gone, when the
 * lease ran out, or when the claim predates leases (no claimed_at: written before migration 5).
 */
export function claimExpired(claim: Claim, now: number, gone: (claimant: string) => boolean = claimantGone): boolean {
  if (claim.claimedAt === null) return true;
  if (now - claim.claimedAt >= SEND_LEASE_MS) return true;
  return claim.claimedBy !== null && gone(claim.claimedBy);
}
