/**
 * The opening of each message's own text (search/preview.ts), for the snippets of text search
 * output (issue 9): they re-read and re-parsed every shown message's raw bytes (30 ms of a
 * 120 ms search). Owned by search/index-writer.ts beside the FTS index it is written with.
 * Messages stored before this migration have none until `db reindex`; search then falls back
 * to the raw bytes for them.
 */
export const up = `
CREATE TABLE message_previews (
  id    INTEGER PRIMARY KEY,
  text  TEXT NOT NULL
);
`;
