/**
 * A summary row per thread for `search --threads` (issue 9): counting members and ordering
 * authors at query time read every member of every shown thread (4.9 s for the newest 50 at
 * 1M messages). Owned by thread/summary-store.ts, kept by ingest, rebuilt by `db reindex`.
 * authors_json: [[who, date, id], ...], each author's first message, in (date, id) order with
 * undated messages first, as SQLite orders NULL; root_id is the first message (its subject).
 * Filled here from the messages already stored.
 */
export const up = `
CREATE TABLE thread_summaries (
  thread_id     INTEGER PRIMARY KEY,
  members       INTEGER NOT NULL,
  first_date    INTEGER,
  last_date     INTEGER,
  root_id       INTEGER NOT NULL,
  root_date     INTEGER,
  subject       TEXT NOT NULL,
  authors_json  TEXT NOT NULL
);

WITH ranked AS MATERIALIZED (
  SELECT thread_id, id, date, subject, coalesce(nullif(from_name, ''), nullif(from_addr, ''), '(unknown)') AS who,
         row_number() OVER (PARTITION BY thread_id ORDER BY date, id) AS r
    FROM messages WHERE thread_id IS NOT NULL),
firsts AS MATERIALIZED (
  SELECT x.thread_id, x.r, x.who, x.date, x.id
    FROM (SELECT thread_id, who, min(r) AS r FROM ranked GROUP BY thread_id, who) f
    JOIN ranked x ON x.thread_id = f.thread_id AND x.r = f.r),
spans AS MATERIALIZED (
  SELECT thread_id, count(*) AS members, min(date) AS first_date, max(date) AS last_date FROM ranked GROUP BY thread_id)
INSERT INTO thread_summaries (thread_id, members, first_date, last_date, root_id, root_date, subject, authors_json)
SELECT r.thread_id, s.members, s.first_date, s.last_date, r.id, r.date, r.subject,
       (SELECT json_group_array(json_array(f.who, f.date, f.id) ORDER BY f.r) FROM firsts f WHERE f.thread_id = r.thread_id)
  FROM ranked r JOIN spans s ON s.thread_id = r.thread_id
 WHERE r.r = 1;
`;
