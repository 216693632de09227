import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/** How much of the start of an mbox its fingerprint covers. */
export const FINGERPRINT_BYTES = 64 * 1024;

/**
 * The fingerprint of an mbox a follower reads: "mbox:<n>:<sha256 of the first n bytes>". It plays
 * UIDVALIDITY's part for a local file: the follower fixes n when it first reads the file (its
 * size, up to FINGERPRINT_BYTES) and keeps it, so appending leaves the fingerprint as it was, while
 * rewriting the start of the file (a mail client compacting it, another export over it, a
 * truncation) changes it. This makes a new one from the file as it is now.
 */
export function newFingerprint(path: string): string {
  const head = readHead(path, FINGERPRINT_BYTES);
  return fingerprintOf(head);
}

/** The file's fingerprint over the same n bytes as `previous`, or null when it has fewer or `previous` is no fingerprint. */
export function fingerprintLike(path: string, previous: string): string | null {
  const m = /^mbox:(\d+):[0-9a-f]{64}$/.exec(previous);
  if (!m) return null;
  const n = Number(m[1]);
  const head = readHead(path, n);
  return head.length === n ? fingerprintOf(head) : null;
}

function fingerprintOf(head: Buffer): string {
  return `mbox:${head.length}:${createHash('sha256').update(head).digest('hex')}`;
}

/** Up to `max` bytes from the start of a file. */
function readHead(path: string, max: number): Buffer {
  const head = Buffer.alloc(max);
  const fd = openSync(path, 'r');
  let got = 0;
  try {
    while (got < max) {
      const r = readSync(fd, head, got, max - got, got);
      if (r === 0) break;
      got += r;
    }
  } finally {
    closeSync(fd);
  }
  return head.subarray(0, got);
}
