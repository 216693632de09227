/**
 * Review by reply (issue 10): every stored mail that replies to one of convene's own, once, with
 * what became of it; a Message-ID is applied at most once, so a replay does nothing (an ignored
 * copy, say the list's with a broken DKIM signature, does not block the chair's own copy); and
 * how far the archive has been looked through. Owner: src/review-mail/review-store.ts.
 */
export const up = `
CREATE TABLE review_mails (
  id          INTEGER PRIMARY KEY,
  message_id  TEXT NOT NULL,          -- the mail's Message-ID (its stored id when it has none)
  stored_id   INTEGER NOT NULL UNIQUE,-- messages.id of the copy that was read
  at          INTEGER NOT NULL,
  author      TEXT NOT NULL DEFAULT '',
  meeting     TEXT,
  occurrence  TEXT,
  state       TEXT NOT NULL CHECK (state IN ('ignored', 'applied', 'answered')),
  reason      TEXT,                   -- why it was ignored
  report_json TEXT                    -- what its commands did: the confirmation's content
);
CREATE UNIQUE INDEX review_mails_applied_once ON review_mails(message_id) WHERE state <> 'ignored';

CREATE TABLE review_scan (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  last_stored INTEGER NOT NULL        -- messages.id up to which replies were looked for
);
`;
