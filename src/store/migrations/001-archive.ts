/** The archive: one row per stored message, its raw bytes, copies seen, and IMAP cursors. */
export const up = `
CREATE TABLE messages (
  id               INTEGER PRIMARY KEY,
  mid              TEXT NOT NULL UNIQUE,      -- the stored identity (see mid_source)
  header_mid       TEXT,                      -- the Message-ID header, cleaned; NULL when absent
  mid_source       TEXT NOT NULL,             -- header | derived (same id, other bytes) | hash (no id)
  variant_of       INTEGER REFERENCES messages(id), -- for derived ids: the first message with that header id
  extra_mids_json  TEXT NOT NULL DEFAULT '[]',-- further Message-ID headers
  hash             TEXT NOT NULL UNIQUE,      -- sha256 of the raw bytes: identical copies are stored once
  size             INTEGER NOT NULL,
  date             INTEGER,                   -- ms since the epoch, UTC; NULL when no source had one
  date_source      TEXT NOT NULL,             -- header | internal | from-line | none
  from_name        TEXT NOT NULL DEFAULT '',
  from_addr        TEXT NOT NULL DEFAULT '',
  to_json          TEXT NOT NULL DEFAULT '[]',
  cc_json          TEXT NOT NULL DEFAULT '[]',
  subject          TEXT NOT NULL DEFAULT '',
  subject_norm     TEXT NOT NULL DEFAULT '',
  in_reply_to_json TEXT NOT NULL DEFAULT '[]',
  refs_json        TEXT NOT NULL DEFAULT '[]',
  list_id          TEXT,
  attachments_json TEXT NOT NULL DEFAULT '[]',
  auto_generated   INTEGER NOT NULL DEFAULT 0,
  headers_json     TEXT NOT NULL DEFAULT '{}',
  parse_error      TEXT,
  thread_id        INTEGER,
  parent_mid       TEXT,
  added_at         INTEGER NOT NULL
);
CREATE INDEX messages_header_mid ON messages(header_mid);
CREATE INDEX messages_date ON messages(date);
CREATE INDEX messages_thread ON messages(thread_id, date);
CREATE INDEX messages_list ON messages(list_id);
CREATE INDEX messages_parent ON messages(parent_mid);

-- Raw bytes, apart from the header rows so that scans of messages stay small.
CREATE TABLE raw (
  id     INTEGER PRIMARY KEY REFERENCES messages(id),
  codec  TEXT NOT NULL,                        -- deflate | deflate:<dictionary hash> | none
  bytes  BLOB NOT NULL
);

-- Preset deflate dictionaries (RFC 1950 FDICT), built once per archive from its most common
-- lines (Received, DKIM, list footers): about 17% smaller raw storage on a kernel list.
CREATE TABLE raw_dicts (
  id     INTEGER PRIMARY KEY,
  hash   TEXT NOT NULL UNIQUE,
  bytes  BLOB NOT NULL
);

-- Identical copies seen after the first (same hash): counted, not stored.
CREATE TABLE copies (
  hash   TEXT PRIMARY KEY,
  count  INTEGER NOT NULL
);

-- IMAP cursors (DESIGN principle 7): advanced only in the transaction that stores the batch.
CREATE TABLE sync_state (
  account       TEXT NOT NULL,
  mailbox       TEXT NOT NULL,
  uid_validity  TEXT NOT NULL,
  last_uid      INTEGER NOT NULL,
  last_sync_at  INTEGER,
  PRIMARY KEY (account, mailbox)
);

CREATE TABLE event_log (
  id     INTEGER PRIMARY KEY,
  at     INTEGER NOT NULL,
  kind   TEXT NOT NULL,
  detail TEXT NOT NULL
);
`;
