import type { MeetingConfig } from '../config/meetings.js';
import type { ImapConfig } from '../config/types.js';
import type { Logger } from '../log.js';
import type { Prepare } from '../mail/prepare-pool.js';
import type { BackoffPolicy } from '../sources/backoff.js';
import type { ConnectDeps } from '../sources/imap-connect.js';
import type { FetchEvent, ImapCursor, WakeReason } from '../sources/imap.js';
import type { Db } from '../store/db.js';
import type { BatchWatch } from './feed.js';
import type { AfterStoreHook } from './ingester.js';
import type { IngestSummary } from './summary.js';

/** The part of an IMAP connection the loop uses (ImapSession; tests may wrap it). */
export interface SyncSession {
  /** One pass over a mailbox: its state when selected, then batches of new mail, then a summary. */
  fetchNew(mailbox: string, cursor: ImapCursor | null, batchSize: number, signal?: AbortSignal): AsyncIterable<FetchEvent>;
  waitForChange(mailbox: string, pollMs: number, useIdle: boolean, signal?: AbortSignal): Promise<WakeReason>;
  close(): Promise<void>;
}

export interface MailboxSyncSummary extends IngestSummary {
  readonly mailbox: string;
  uidValidity: string | null;
  /** The committed cursor. */
  lastUid: number;
  uidValidityChanges: number;
}

export interface SyncResult {
  readonly account: string;
  readonly mailboxes: MailboxSyncSummary[];
  /** Connection attempts, the first included. */
  connections: number;
  reconnects: number;
}

export interface SyncProgress {
  readonly mailbox: string;
  readonly done: number;
  readonly total: number;
  readonly summary: MailboxSyncSummary;
}

export interface SyncOptions {
  readonly db: Db;
  readonly config: ImapConfig;
  /** Return once every mailbox has caught up (cron); otherwise stay connected and follow new mail. */
  readonly once: boolean;
  readonly logger?: Logger;
  /** The meetings agenda items are extracted for (none: no extraction). */
  readonly meetings?: readonly MeetingConfig[];
  /** Replaces the derived steps ingest runs per new message (tests). */
  readonly afterStore?: readonly AfterStoreHook[];
  /** Stops the loop after the batch in flight (SIGTERM in the daemon). */
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: SyncProgress) => void;
  /** Called each time every mailbox has caught up (watch mode: before waiting for more). */
  readonly onCaughtUp?: (result: SyncResult) => void;
  /** Where secrets named by `env:` are looked up. */
  readonly env?: NodeJS.ProcessEnv;
  readonly now?: () => number;
  readonly backoff?: BackoffPolicy;
  readonly random?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** With `once`: failed attempts in a row (no batch committed in between) before giving up. */
  readonly maxAttempts?: number;
  /** Parse/hash/compress step (a worker pool for backfills); in-thread by default. */
  readonly prepare?: Prepare;
  /** Told of each batch (the daemon's health row, health.ts). */
  readonly watch?: BatchWatch;
  /** Abandons the batch in flight (feed.ts `signal`): the daemon's stop deadline. */
  readonly abandon?: AbortSignal;
  /** Opens a connection; ImapSession.open unless a test injects one. */
  readonly open?: (config: ImapConfig, deps: ConnectDeps) => Promise<SyncSession>;
}
