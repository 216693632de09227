import type { SecretRef } from './secrets.js';
import type { MeetingConfig } from './meetings.js';
import type { DigestConfig } from './digest.js';

export interface ImapConfig {
  /** Names this account in sync_state; default "<user>@<host>". */
  readonly account: string;
  readonly host: string;
  readonly port: number;
  /** true: implicit TLS (993); false: STARTTLS when offered, required unless tls.allowPlaintext. */
  readonly secure: boolean;
  readonly user: string;
  readonly password?: SecretRef;
  /** XOAUTH2 (Gmail, Microsoft 365): the access token, read from a file, env or command. */
  readonly oauth2Token?: SecretRef;
  readonly mailboxes: readonly string[];
  /** Verification is on unless this explicit switch is set; a warning is logged when it is. */
  readonly tlsInsecureSkipVerify: boolean;
  /** Extra CA certificate (PEM path), e.g. a private CA or a test server's self-signed one. */
  readonly tlsCa?: string;
  /** Allow a plaintext connection (no STARTTLS): tests against a local server only. */
  readonly allowPlaintext: boolean;
  readonly batchSize: number;
  readonly idle: boolean;
  readonly pollSeconds: number;
}

export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly user?: string;
  readonly password?: SecretRef;
  readonly tlsInsecureSkipVerify: boolean;
  readonly tlsCa?: string;
  readonly allowPlaintext: boolean;
}

/** A local source the daemon follows instead of IMAP, for trials and the demo. */
export interface LocalSourceConfig {
  readonly path: string;
}

export interface Config {
  /** The file it came from, or null for the defaults / an in-memory value. */
  readonly path: string | null;
  readonly db: string;
  readonly imap?: ImapConfig;
  readonly source?: LocalSourceConfig;
  readonly smtp?: SmtpConfig;
  /** 'file' writes .eml files to outboxDir (the demo default); 'smtp' sends. */
  readonly transport: 'file' | 'smtp';
  readonly outboxDir: string;
  /** outbox.retryFor (ms): how long a failed mail is retried after its due time; default until its call starts. */
  readonly outboxRetryMs?: number;
  readonly meetings: readonly MeetingConfig[];
  readonly digest: DigestConfig;
  /** Sent-folder to look in when resolving a crash in "sending" (besides the archive). */
  readonly sentMailbox?: string;
}
