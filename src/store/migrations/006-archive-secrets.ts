/**
 * Per-archive secrets (issue 13 item 6): random bytes made on first use and kept with the archive,
 * so every process on this database signs and checks with the same key. `message-id` keys the
 * HMAC in convene's own Message-IDs (src/mail/own-message-id.ts). Owner: src/store/secrets.ts.
 */
export const up = `
CREATE TABLE archive_secrets (
  name        TEXT PRIMARY KEY,
  secret      BLOB NOT NULL,
  created_at  INTEGER NOT NULL            -- ms UTC, the system clock
);
`;
