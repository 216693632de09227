import { Readable } from 'node:stream';
import { resolveSecret } from '../config/secrets.js';
import { caBundle, nameTlsKey } from '../config/tls.js';
import type { SmtpConfig } from '../config/types.js';
import { bareAddress } from '../mail/mailbox.js';
import type { Transport } from './transport.js';

/** Timeouts (ms); tests shorten them. nodemailer's: 30 s to connect and greet, 60 s of silence per step. */
export interface SmtpTimeouts {
  readonly connectionMs?: number;
  readonly greetingMs?: number;
  readonly socketMs?: number;
}

type Connection = import('nodemailer/lib/smtp-connection').default;

/**
 * SMTP, one connection per mail, on nodemailer's SMTPConnection rather than its transport: we
 * must know WHEN a failure happened. The message body is handed over through a stream that is
 * read only once the server has answered DATA with 354, so `onData` fires at the one point after
 * which a dropped connection or a silent server (no reply to the final ".") leaves the outcome
 * unknown (RFC 5321 section 4.1.1.4: the server may have taken responsibility for the mail).
 * Before that point a failure is a plain failure; after it, only a reply code is an answer.
 *
 * TLS certificates are verified unless smtp.tls.insecureSkipVerify is set; without implicit TLS,
 * STARTTLS is required unless smtp.tls.allowPlaintext says cleartext is acceptable. The stored
 * bytes are sent as they are.
 */
export async function smtpTransport(
  config: SmtpConfig,
  env: NodeJS.ProcessEnv = process.env,
  timeouts: SmtpTimeouts = {},
): Promise<Transport> {
  const { default: SMTPConnection } = await import('nodemailer/lib/smtp-connection');
  const ca = caBundle(config.tlsCa, 'smtp.tls.ca');
  const password = config.password ? resolveSecret(config.password, 'smtp.password', env) : undefined;
  const auth = config.user !== undefined ? { credentials: { user: config.user, pass: password ?? '' } } : undefined;

  /** Connect, greet, STARTTLS and log in; then run `use`, and close whatever happens. */
  const session = <T>(use: (c: Connection, fail: Promise<never>) => Promise<T>): Promise<T> => {
    const c = new SMTPConnection({
      host: config.host,
      port: config.port,
      secure: config.secure,
      requireTLS: !config.secure && !config.allowPlaintext,
      ignoreTLS: !config.secure && config.allowPlaintext,
      tls: { rejectUnauthorized: !config.tlsInsecureSkipVerify, ...(ca ? { ca } : {}) },
      connectionTimeout: timeouts.connectionMs ?? 30_000,
      greetingTimeout: timeouts.greetingMs ?? 30_000,
      socketTimeout: timeouts.socketMs ?? 60_000,
      logger: false,
    });
    // A connection-level error (drop, timeout) arrives as an event, not through the callbacks.
    const fail = new Promise<never>((_, reject) => c.on('error', reject));
    fail.catch(() => undefined);
    const work = (async () => {
      await new Promise<void>((resolve, reject) => c.connect((err) => (err ? reject(err) : resolve())));
      if (auth && c.allowsAuth) await new Promise<void>((resolve, reject) => c.login(auth, (err) => (err ? reject(err) : resolve())));
      return use(c, fail);
    })();
    // A STARTTLS or certificate failure names the key that controls it (config/tls.ts).
    return Promise.race([work, fail])
      .catch((err: unknown) => {
        throw nameTlsKey(err, 'smtp');
      })
      .finally(() => {
        try {
          c.quit();
        } catch {
          c.close();
        }
        setTimeout(() => c.close(), 1000).unref();
      });
  };

  return {
    kind: 'smtp',
    async send(mail, hooks) {
      return session(async (c) => {
        let handed = false;
        const body = new Readable({
          read() {
            if (handed) return;
            handed = true;
            hooks?.onData?.();
            this.push(mail.raw);
            this.push(null);
          },
        });
        const envelope = { from: bareAddress(mail.from), to: mail.to.map(bareAddress) };
        const info = await new Promise<import('nodemailer/lib/smtp-connection').SMTPConnectionSendInfo>((resolve, reject) =>
          c.send(envelope, body, (err, result) => (err ? reject(err) : resolve(result!))),
        );
        return {
          response: String(info.response ?? ''),
          rejected: (info.rejectedErrors ?? []).map((e) => ({
            address: String((e as { recipient?: string }).recipient ?? ''),
            error: String(e.response ?? e.message),
          })),
        };
      });
    },
    async verify() {
      await session(async () => undefined);
    },
    close() {},
  };
}
