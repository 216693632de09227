/**
 * Threads and the search index: both caches rebuilt by `convene db reindex`.
 * ghosts: referenced Message-IDs not (yet) stored, so a late parent joins the right thread.
 * messages_fts: contentless FTS5 (the text lives in the raw bytes; snippets re-parse them),
 * porter stemming like notmuch's Xapian stemmer; '_' joins words, so jbd2_journal_start is one
 * term, as notmuch and public-inbox index identifiers; rowid = messages.id.
 */
export const up = `
CREATE TABLE ghosts (
  mid        TEXT PRIMARY KEY,
  thread_id  INTEGER NOT NULL
);
CREATE INDEX ghosts_thread ON ghosts(thread_id);
CREATE TABLE thread_seq (id INTEGER PRIMARY KEY AUTOINCREMENT);

CREATE VIRTUAL TABLE messages_fts USING fts5(
  subject, body, quoted, sender, to_r, cc_r, attachments, list,
  content='', contentless_delete=1, tokenize="porter unicode61 remove_diacritics 2 tokenchars '_'"
);
`;
