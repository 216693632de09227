/**
 * Meetings and the agenda.
 * meeting_overrides: one row per occurrence the operator changed (cancel, move) or added (extra).
 *   An occurrence keeps its key (meeting/local date of its original start) when moved; every
 *   change raises its sequence (the .ics SEQUENCE).
 * agenda_items: what the chair reviews. Extraction only INSERTS rows here (state 'proposed') and
 *   adds agenda_sources rows; every other change goes through src/agenda/items/review.ts, which logs it.
 * agenda_sources: which messages proposed or supported an item. cand_norm is the normalised
 *   title the extractor produced for that message, so re-extraction recognises what it already
 *   recorded even after the chair edited the item's title.
 * agenda_log: the audit log (who did what when), before/after as JSON.
 */
export const up = `
CREATE TABLE meeting_overrides (
  meeting_id      TEXT NOT NULL,
  occ_key         TEXT NOT NULL,
  original_start  INTEGER,                  -- NULL for extra occurrences
  start           INTEGER NOT NULL,         -- the current start (ms UTC)
  cancelled       INTEGER NOT NULL DEFAULT 0,
  extra           INTEGER NOT NULL DEFAULT 0,
  sequence        INTEGER NOT NULL DEFAULT 0,
  actor           TEXT NOT NULL,
  updated_at      INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, occ_key)
);

CREATE TABLE agenda_items (
  id            INTEGER PRIMARY KEY,
  meeting_id    TEXT NOT NULL,
  occ_key       TEXT,                       -- NULL: no occurrence known (a meeting with no future dates)
  occ_start     INTEGER,                    -- the occurrence's original start, for ordering occurrences
  state         TEXT NOT NULL DEFAULT 'proposed'
                CHECK (state IN ('proposed','accepted','rejected','deferred','merged','withdrawn','done')),
  position      INTEGER,                    -- accepted items: 1..n in the chair's order
  title         TEXT NOT NULL,
  title_norm    TEXT NOT NULL,
  orig_norm     TEXT NOT NULL,              -- the extracted title, normalised (dedupe after edits)
  proposer      TEXT NOT NULL DEFAULT '',
  presenter     TEXT,
  duration_min  INTEGER,
  links_json    TEXT NOT NULL DEFAULT '[]',
  rule          TEXT,                       -- the extraction rule, or NULL when the chair added it
  confidence    REAL,
  late          INTEGER NOT NULL DEFAULT 0,
  carried_over  INTEGER NOT NULL DEFAULT 0,
  chair_edited  INTEGER NOT NULL DEFAULT 0,
  reason        TEXT,                       -- why rejected / withdrawn
  merged_into   INTEGER REFERENCES agenda_items(id),
  deferred_from TEXT,                       -- the occurrence key it was deferred from
  thread_id     INTEGER,
  source_date   INTEGER,                    -- the first source message's date
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE INDEX agenda_items_occ ON agenda_items(meeting_id, occ_key, state);
CREATE INDEX agenda_items_norm ON agenda_items(meeting_id, title_norm);
CREATE INDEX agenda_items_orig ON agenda_items(meeting_id, orig_norm);
CREATE INDEX agenda_items_thread ON agenda_items(thread_id);

CREATE TABLE agenda_sources (
  item_id    INTEGER NOT NULL REFERENCES agenda_items(id),
  mid        TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('proposal','support')),
  person     TEXT NOT NULL DEFAULT '',
  rule       TEXT,
  cand_norm  TEXT NOT NULL DEFAULT '',
  date       INTEGER,
  added_at   INTEGER NOT NULL,
  PRIMARY KEY (item_id, mid, role, cand_norm)
);
CREATE INDEX agenda_sources_mid ON agenda_sources(mid);

CREATE TABLE agenda_log (
  id           INTEGER PRIMARY KEY,
  at           INTEGER NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  item_id      INTEGER,
  meeting_id   TEXT,
  occ_key      TEXT,
  before_json  TEXT,
  after_json   TEXT
);
CREATE INDEX agenda_log_item ON agenda_log(item_id);
`;
