import type { Db } from './db.js';

/** What the messages, raw and copies tables say about the archive (ingest/archive-stats.ts adds the rest). */
export interface MessageStats {
  readonly messages: number;
  /** Distinct Message-ID header values among stored messages. */
  readonly distinctMessageIds: number;
  /** Stored under a derived id: same Message-ID as another message, other bytes. */
  readonly variants: number;
  /** Stored under an id made from the content hash: no Message-ID header. */
  readonly withoutMessageId: number;
  /** Identical copies seen and not stored again. */
  readonly identicalCopies: number;
  readonly threads: number;
  /** Stored raw, body not parseable (reason on the row). */
  readonly failures: number;
  readonly datesFromFallback: number;
  readonly withoutDate: number;
  readonly rawBytes: number;
  readonly storedBytes: number;
  readonly databaseBytes: number;
  readonly oldest: number | null;
  readonly newest: number | null;
}

/** Counts and sizes of the stored mail. */
export function messageStats(db: Db): MessageStats {
  const m = db
    .prepare(
      `SELECT count(*) AS messages, count(DISTINCT header_mid) AS distinctIds,
        sum(mid_source = 'derived') AS variants, sum(mid_source = 'hash') AS noId,
        count(DISTINCT thread_id) AS threads, sum(parse_error IS NOT NULL) AS failures,
        sum(date_source IN ('internal', 'from-line')) AS fallback, sum(date IS NULL) AS noDate,
        sum(size) AS rawBytes, min(date) AS oldest, max(date) AS newest FROM messages`,
    )
    .get() as Record<string, number | null>;
  const stored = (db.prepare('SELECT sum(length(bytes)) AS n FROM raw').get() as { n: number | null }).n ?? 0;
  const copies = (db.prepare('SELECT sum(count) AS n FROM copies').get() as { n: number | null }).n ?? 0;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const n = (v: number | null | undefined): number => v ?? 0;
  return {
    messages: n(m.messages),
    distinctMessageIds: n(m.distinctIds),
    variants: n(m.variants),
    withoutMessageId: n(m.noId),
    identicalCopies: copies,
    threads: n(m.threads),
    failures: n(m.failures),
    datesFromFallback: n(m.fallback),
    withoutDate: n(m.noDate),
    rawBytes: n(m.rawBytes),
    storedBytes: stored,
    databaseBytes: pages * pageSize,
    oldest: m.oldest ?? null,
    newest: m.newest ?? null,
  };
}
