/** What happened to one batch, or to a whole pass over a source: counts. */
export interface IngestSummary {
  read: number;
  stored: number;
  duplicates: number;
  /** Stored raw, but the body could not be parsed (the reason is on the row). */
  failed: number;
}

export function emptySummary(): IngestSummary {
  return { read: 0, stored: 0, duplicates: 0, failed: 0 };
}

export function addSummary(into: IngestSummary, from: IngestSummary): IngestSummary {
  into.read += from.read;
  into.stored += from.stored;
  into.duplicates += from.duplicates;
  into.failed += from.failed;
  return into;
}
