/**
 * The daemon's scheduled jobs and the outbox (issue 5).
 * jobs: one row per (meeting, occurrence, kind), with its due instant in UTC ms, so a restart
 *   loses nothing and a missed job is found on start (catch-up).
 * outbox: one row per (meeting, occurrence, kind, revision): the UNIQUE key is what makes a
 *   mail go out at most once; state queued → sending → sent | failed. The composed bytes are
 *   kept, so a resend after a crash is the same message under the same Message-ID.
 */
export const up = `
CREATE TABLE jobs (
  id          INTEGER PRIMARY KEY,
  meeting     TEXT NOT NULL,
  occurrence  TEXT NOT NULL,               -- the occurrence key (its original local date)
  start       INTEGER NOT NULL,            -- the occurrence's start, ms UTC (for catch-up)
  kind        TEXT NOT NULL CHECK (kind IN ('call-for-items', 'chair-reminder', 'digest', 'notes')),
  due         INTEGER NOT NULL,            -- ms UTC
  state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'skipped', 'late')),
  ran_at      INTEGER,
  detail      TEXT,
  UNIQUE (meeting, occurrence, kind)
);
CREATE INDEX jobs_due ON jobs(state, due);

CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY,
  meeting          TEXT NOT NULL,
  occurrence       TEXT NOT NULL,
  kind             TEXT NOT NULL,
  revision         INTEGER NOT NULL DEFAULT 0,
  state            TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  message_id       TEXT NOT NULL,          -- without angle brackets
  subject          TEXT NOT NULL,
  recipients_json  TEXT NOT NULL,
  due              INTEGER,                -- when it should have gone (for "late")
  give_up_at       INTEGER,                -- transient failures retry until then (the call's start)
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER,
  last_error       TEXT,
  eml              BLOB NOT NULL,
  html             TEXT,                   -- preview for the file transport
  model_json       TEXT,                   -- what was sent, to say what an update changed
  created_at       INTEGER NOT NULL,
  sent_at          INTEGER,
  resolved_by      TEXT,                   -- after a crash in sending: archive | sent-mailbox | resend
  UNIQUE (meeting, occurrence, kind, revision)
);
CREATE INDEX outbox_state ON outbox(state, next_attempt_at);
`;
