/**
 * Exactly-once delivery without trusting clocks (issue 13 item 4) and the operator's say over the
 * outbox (issue 11). SQLite cannot change a CHECK constraint in place, so the table is rebuilt.
 * state 'dropped': the operator gave a mail up (`convene outbox drop ID`); its key stays taken.
 * heartbeat: raised every few seconds by the process sending the row; another process reads it
 *   twice, a while apart on its own timer, to tell a live send from a dead one (no wall clocks).
 * in_data: the body of the current claim was handed to the server (after 354) and no reply was
 *   recorded; a row left in "sending" with in_data = 0 never reached the server. Rows in
 *   "sending" at migration time are taken as handed over: the safe side.
 * resends: how often the mail was sent again because an unknown outcome was not found anywhere
 *   (capped, src/send/resolve.ts).
 * rejected_json: the recipients the server refused while taking the mail for the others.
 */
const COLUMNS = `id, meeting, occurrence, kind, revision, state, message_id, subject, recipients_json, due, give_up_at, attempts,
  next_attempt_at, last_error, eml, html, model_json, created_at, sent_at, resolved_by, claimed_at, claimed_by`;

export const up = `
CREATE TABLE outbox_new (
  id               INTEGER PRIMARY KEY,
  meeting          TEXT NOT NULL,
  occurrence       TEXT NOT NULL,
  kind             TEXT NOT NULL,
  revision         INTEGER NOT NULL DEFAULT 0,
  state            TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'dropped')),
  message_id       TEXT NOT NULL,
  subject          TEXT NOT NULL,
  recipients_json  TEXT NOT NULL,
  due              INTEGER,
  give_up_at       INTEGER,
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER,
  last_error       TEXT,
  eml              BLOB NOT NULL,
  html             TEXT,
  model_json       TEXT,
  created_at       INTEGER NOT NULL,
  sent_at          INTEGER,
  resolved_by      TEXT,                   -- archive | sent-mailbox | resend | unconfirmed | operator
  claimed_at       INTEGER,
  claimed_by       TEXT,                   -- NULL in "sending": released with the outcome unknown
  heartbeat        INTEGER NOT NULL DEFAULT 0,
  in_data          INTEGER NOT NULL DEFAULT 0,
  resends          INTEGER NOT NULL DEFAULT 0,
  rejected_json    TEXT,
  UNIQUE (meeting, occurrence, kind, revision)
);
INSERT INTO outbox_new (${COLUMNS}, in_data)
  SELECT ${COLUMNS}, CASE WHEN state = 'sending' THEN 1 ELSE 0 END FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_state ON outbox(state, next_attempt_at);
`;
