/**
 * Following a local mbox or maildir (config `source.path`: trials and the demo), the way sync.ts
 * follows an IMAP mailbox: read what is new since the last pass, never count mail we already
 * hold as another "identical copy" just because the file was read again.
 *
 * An uncompressed mbox gets a cursor in sync_state like an IMAP mailbox's: account 'file',
 * mailbox = the path, uid_validity = the file's fingerprint (sources/fingerprint.ts: a hash of its
 * first bytes, unchanged by appends), last_uid = messages consumed. A pass streams past that many
 * messages without hashing or parsing them, ingests the rest, and advances the cursor in each
 * batch's transaction. When the fingerprint no longer matches, or the file holds fewer messages
 * than the cursor says, the file was rewritten rather than appended: the pass logs
 * 'source-rewritten' and rescans it from the start. Not caught: an edit past the fingerprinted
 * start that keeps the count (one message removed and one appended between two passes); the
 * appended one is then missed. Delivery to a list's mbox only appends, the case the cursor is for.
 * A last message not yet closed by the mbox's blank line may be half written: a pass neither
 * ingests nor counts it (import.ts), and reads it whole once the writer has finished it.
 *
 * A gzip'd mbox (its bytes change as a whole) and a maildir (files are added anywhere in the
 * order and renamed when read) get no cursor: each pass is a rescan. A rescan hashes every
 * message, parses only bytes the archive lacks, and passes over stored ones without counting a
 * copy; a copy that first turns up in a rescan is therefore not counted either.
 */
import type { MeetingConfig } from '../config/meetings.js';
import type { BatchWatch } from './feed.js';
import { importPaths, type SourceCursor } from './import.js';
import { addSummary, emptySummary, type IngestSummary } from './summary.js';
import { silentLogger, type Logger } from '../log.js';
import { fingerprintLike, newFingerprint } from '../sources/fingerprint.js';
import { openLocalSource, type SourceKind } from '../sources/detect.js';
import type { Db } from '../store/db.js';
import { recordEvent } from '../store/event-log.js';
import { SyncState } from './sync-state.js';

/** The sync_state account of local sources. */
export const FILE_ACCOUNT = 'file';

export interface LocalSyncOptions {
  /** The meetings agenda items are extracted for (none: no extraction). */
  readonly meetings?: readonly MeetingConfig[];
  readonly now?: () => number;
  readonly logger?: Logger;
  /** Parse in worker threads (see importPaths). */
  readonly workers?: boolean;
  /** See ImportOptions. */
  readonly watch?: BatchWatch;
  readonly signal?: AbortSignal;
}

export interface LocalSyncResult extends IngestSummary {
  readonly path: string;
  readonly kind: SourceKind;
  /** True when the pass read the source from the start (no cursor, or the file was rewritten). */
  readonly rescan: boolean;
}

/** One pass over a local source: ingest what is new since the last pass. */
export async function syncLocal(db: Db, path: string, options: LocalSyncOptions = {}): Promise<LocalSyncResult> {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const { kind } = openLocalSource(path);
  const summary = emptySummary();
  const pass = async (cursor: SourceCursor): Promise<void> => {
    const [r] = await importPaths(db, [path], { ...importOptions(options), cursor: () => cursor });
    if (r) addSummary(summary, r);
  };
  if (kind !== 'mbox') {
    await pass({ skip: 0, countCopies: false, commit: () => undefined });
    return { path, kind, rescan: true, ...summary };
  }
  const state = new SyncState(db, FILE_ACCOUNT);
  const saved = state.get(path);
  const appended = saved !== null && fingerprintLike(path, saved.uidValidity) === saved.uidValidity;
  if (saved && !appended) rewritten(db, state, path, 'its start changed', now(), logger);
  let fingerprint = appended ? saved.uidValidity : newFingerprint(path);
  let skip = appended ? saved.lastUid : 0;
  let rescan = !appended;
  let seen = 0;
  const cursor = (): SourceCursor => ({
    skip,
    countCopies: !rescan,
    commit: (_db, consumed) => state.advance(path, fingerprint, consumed, now()),
    end: (count) => void (seen = count),
  });
  await pass(cursor());
  if (seen < skip) {
    // Fewer messages than the cursor counted: some were removed, so the file was rewritten even
    // though its start is the same. Forget the cursor (it only moves forward) and rescan now.
    rewritten(db, state, path, `it holds ${seen} messages, ${skip} were read before`, now(), logger);
    fingerprint = newFingerprint(path);
    skip = 0;
    rescan = true;
    await pass(cursor());
  }
  return { path, kind, rescan, ...summary };
}

function importOptions(o: LocalSyncOptions) {
  return {
    ...(o.meetings ? { meetings: o.meetings } : {}),
    ...(o.now ? { now: o.now } : {}),
    ...(o.workers !== undefined ? { workers: o.workers } : {}),
    ...(o.watch ? { watch: o.watch } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  };
}

/** Log a rewritten source and drop its cursor, in one transaction, so the rescan starts from 0. */
function rewritten(db: Db, state: SyncState, path: string, why: string, at: number, logger: Logger): void {
  db.transaction(() => {
    recordEvent(db, at, 'source-rewritten', JSON.stringify({ path, why }));
    state.forget(path);
  })();
  logger.warn({
    msg: 'local source rewritten: reading it again from the start (stored messages are not counted again)',
    source: path,
    why,
  });
}
