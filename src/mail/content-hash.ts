import { createHash } from 'node:crypto';

/** sha256 of the raw bytes, hex: a message's content identity. */
export function contentHash(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
}
