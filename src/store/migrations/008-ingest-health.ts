/**
 * How the daemon's ingestion is doing, for `convene status` in another process (issue 13, item 1:
 * a daemon whose ingestion hung said nothing). One row per daemon process ("host pid"):
 * heartbeat_at moves every few seconds while its event loop runs; batch_started_at is set while a
 * batch is being prepared and committed (NULL between batches), so a batch that never finishes
 * shows; pool is the parse pool's health (JSON, PoolHealth) or NULL. Times are ms UTC on the
 * daemon's clock. Owner: src/ingest/health.ts.
 */
export const up = `
CREATE TABLE ingest_health (
  process           TEXT PRIMARY KEY,
  started_at        INTEGER NOT NULL,
  heartbeat_at      INTEGER NOT NULL,
  batch_started_at  INTEGER,
  batch_messages    INTEGER,
  batch_bytes       INTEGER,
  last_commit_at    INTEGER,
  pool              TEXT,
  stopped_at        INTEGER
);
`;
