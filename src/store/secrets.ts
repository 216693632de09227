/**
 * The archive's secrets (table archive_secrets, its owner): 32 random bytes per name, made on
 * first use by whichever process needs one first and read by all. INSERT OR IGNORE then SELECT,
 * so two processes racing to make one both end up with the winner's bytes.
 */
import { randomBytes } from 'node:crypto';
import { ownMailWith, type OwnMail } from '../mail/own-message-id.js';
import type { Db } from './db.js';

const SECRET_BYTES = 32;
/** The name of the key of the HMAC in our own Message-IDs. */
export const MESSAGE_ID_SECRET = 'message-id';

/** The secret of this name, or null when none was made yet (readers never make one). */
export function readSecret(db: Db, name: string): Buffer | null {
  const row = db.prepare<[string], { secret: Buffer }>('SELECT secret FROM archive_secrets WHERE name = ?').get(name);
  return row ? row.secret : null;
}

/** The secret of this name, made (and kept) on first use. */
export function secretFor(db: Db, name: string): Buffer {
  db.prepare('INSERT OR IGNORE INTO archive_secrets (name, secret, created_at) VALUES (?, ?, ?)').run(
    name,
    randomBytes(SECRET_BYTES),
    Date.now(),
  );
  return readSecret(db, name)!;
}

/** The key of our Message-IDs' HMAC, made on first use (the mail builders take it as bytes). */
export function messageIdSecret(db: Db): Buffer {
  return secretFor(db, MESSAGE_ID_SECRET);
}

/**
 * Recognise our own mail by its Message-ID: `ownMail(db)(mid)` → { kind, meeting, occurrence,
 * revision } or null (not ours, a wrong MAC, or no secret yet). For the agenda extractor and the
 * chair's review-by-reply: an X-Convene header or a look-alike id proves nothing, the MAC does.
 */
export function ownMail(db: Db): OwnMail {
  let secret: Buffer | null = null;
  return ownMailWith(() => (secret ??= readSecret(db, MESSAGE_ID_SECRET)));
}
