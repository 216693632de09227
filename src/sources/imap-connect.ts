import type { ImapFlow, ImapFlowOptions } from 'imapflow';
import { resolveSecret } from '../config/secrets.js';
import { caBundle } from '../config/tls.js';
import type { ImapConfig } from '../config/types.js';
import { ConveneError, oneLine } from '../errors.js';
import type { Logger } from '../log.js';
import { imapflowLogger } from './imap-log.js';

/** What opening a connection needs besides the config: secrets' environment, logger, timeouts. */
export interface ConnectDeps {
  readonly logger: Logger;
  readonly env?: NodeJS.ProcessEnv;
  /** TCP + TLS handshake budget, ms (imapflow's default is 90 s). */
  readonly connectionTimeoutMs?: number;
}

/**
 * imapflow options from our config. TLS is verified unless `tls.insecureSkipVerify` is set (then
 * a warning is logged); `tls.ca` is trusted besides the public roots; without implicit TLS,
 * STARTTLS is required (imapflow would otherwise silently stay in cleartext when a man in the
 * middle strips the STARTTLS capability) unless `tls.allowPlaintext` says cleartext is fine.
 */
export function imapflowOptions(config: ImapConfig, deps: ConnectDeps): ImapFlowOptions {
  const key = config.oauth2Token ? 'imap.oauth2Token' : 'imap.password';
  const ref = config.oauth2Token ?? config.password;
  if (!ref) throw new ConveneError('CONFIG', 'config: imap: give password or oauth2Token');
  const secret = resolveSecret(ref, key, deps.env);
  if (config.tlsInsecureSkipVerify) {
    deps.logger.warn({
      msg: 'TLS certificate verification is OFF for IMAP (imap.tls.insecureSkipVerify): the connection can be intercepted',
      host: config.host,
    });
  }
  const ca = caBundle(config.tlsCa, 'imap.tls.ca');
  return {
    host: config.host,
    port: config.port,
    secure: config.secure,
    // imapflow refuses secure + doSTARTTLS together; the flag only matters without implicit TLS.
    ...(config.secure ? {} : { doSTARTTLS: !config.allowPlaintext }),
    auth: config.oauth2Token ? { user: config.user, accessToken: secret } : { user: config.user, pass: secret },
    tls: {
      rejectUnauthorized: !config.tlsInsecureSkipVerify,
      ...(ca ? { ca } : {}),
      minVersion: 'TLSv1.2',
    },
    logger: imapflowLogger(deps.logger),
    // We IDLE explicitly while waiting for mail; auto-IDLE between our commands only adds round trips.
    disableAutoIdle: true,
    connectionTimeout: deps.connectionTimeoutMs ?? 30_000,
    clientInfo: { name: 'convene' },
  };
}

/**
 * Open one connection (imapflow never reconnects; one client is one connection). An 'error'
 * listener is attached before connecting: an unhandled 'error' event would kill the process.
 */
export async function connectImap(config: ImapConfig, deps: ConnectDeps): Promise<ImapFlow> {
  const options = imapflowOptions(config, deps);
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow(options);
  client.on('error', (err: unknown) => {
    deps.logger.warn({ msg: 'imap connection error', error: oneLine(err), code: (err as { code?: string }).code });
  });
  try {
    await client.connect();
  } catch (err) {
    client.close();
    throw classifyImapError(err, config);
  }
  return client;
}

const TLS_CERT_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
]);

/** An IMAP failure worth a reconnect (a drop, a timeout, a busy server): the sync loop backs off and retries. */
export class ImapTransientError extends Error {
  override readonly name = 'ImapTransientError';
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * Sort an IMAP failure: rejected credentials, an untrusted certificate, a missing STARTTLS or
 * mailbox are permanent ConveneErrors (retrying cannot help and would hammer the server, which
 * may lock the account); anything else is a transient drop.
 */
export function classifyImapError(err: unknown, config: ImapConfig, mailbox?: string): ConveneError | ImapTransientError {
  if (err instanceof ConveneError || err instanceof ImapTransientError) return err;
  const e = (err ?? {}) as { code?: string; authenticationFailed?: boolean; serverResponseCode?: string; responseText?: string };
  const where = `${config.host}:${config.port}`;
  if (e.authenticationFailed) {
    const why = e.responseText ? ` (server said: ${oneLine(e.responseText)})` : '';
    const how = config.oauth2Token ? 'OAuth2 access token (imap.oauth2Token)' : 'password (imap.password)';
    return new ConveneError('IMAP_AUTH', `IMAP login as ${config.user} at ${where} was rejected${why}: check the ${how}`, { cause: err });
  }
  if (e.code && TLS_CERT_CODES.has(e.code)) {
    return new ConveneError(
      'IMAP_CONNECT',
      `IMAP server ${where}: TLS certificate not trusted (${e.code}); ` +
        'set imap.tls.ca to its CA certificate, or imap.tls.insecureSkipVerify: true (not recommended)',
      { cause: err },
    );
  }
  if (e.code === 'MissingServerExtension' || (/STARTTLS/i.test(oneLine(err)) && !config.secure && !config.allowPlaintext)) {
    return new ConveneError(
      'IMAP_CONNECT',
      `IMAP server ${where} does not offer STARTTLS: ` +
        'use imap.secure: true (port 993), or imap.tls.allowPlaintext: true on a trusted network',
      { cause: err },
    );
  }
  // imapflow flags a failed SELECT of a missing mailbox with mailboxMissing; servers that send
  // the RFC 5530 code say NONEXISTENT.
  if (mailbox !== undefined && ((err as { mailboxMissing?: boolean }).mailboxMissing || e.serverResponseCode === 'NONEXISTENT')) {
    return new ConveneError('IMAP', `IMAP mailbox "${mailbox}" does not exist at ${where} (imap.mailboxes)`, { cause: err });
  }
  return new ImapTransientError(`IMAP ${where}: ${oneLine(err)}`, e.code, { cause: err });
}
