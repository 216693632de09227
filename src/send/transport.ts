import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveSecret } from '../config/secrets.js';
import { caBundle, nameTlsKey } from '../config/tls.js';
import { bareAddress } from '../mail/mailbox.js';
import type { Config, SmtpConfig } from '../config/types.js';

/** One mail as the outbox hands it over: the stored bytes and the SMTP envelope. */
export interface Envelope {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: Buffer;
  /** Without angle brackets; names the file in the directory outbox. */
  readonly messageId: string;
  /** An HTML rendering to preview (written next to the .eml by the file transport). */
  readonly html?: string;
}

/** Where mail goes: SMTP, or a directory of .eml files. Errors keep nodemailer's responseCode/code. */
export interface Transport {
  readonly kind: 'smtp' | 'file';
  send(mail: Envelope): Promise<{ readonly response: string }>;
  close(): void;
}

/**
 * The directory outbox (the demo default, and dry runs): each mail becomes DIR/<message-id>.eml,
 * with an .html preview beside it. Written to a temporary name and renamed, so a crash never
 * leaves half a file.
 */
export function fileTransport(dir: string): Transport {
  return {
    kind: 'file',
    async send(mail) {
      mkdirSync(dir, { recursive: true });
      const base = join(dir, fileNameOf(mail.messageId));
      const write = (path: string, data: Buffer | string): void => {
        writeFileSync(`${path}.tmp`, data);
        renameSync(`${path}.tmp`, path);
      };
      write(`${base}.eml`, mail.raw);
      if (mail.html) write(`${base}.html`, mail.html);
      return { response: `written ${base}.eml` };
    },
    close() {},
  };
}

/**
 * A Message-ID as a file name, injectively (two ids never share a file: issue 13 item 11): the
 * characters of our own ids stay, anything else becomes %XX per UTF-8 byte, "%" included, and a
 * leading "." is escaped so no id makes a hidden or relative name.
 */
export function fileNameOf(messageId: string): string {
  const safe = [...messageId].map((ch) => (/^[A-Za-z0-9.@_=~+-]$/.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'()*]/g, hex)));
  return safe.join('').replace(/^\./, '%2E');
}

const hex = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * SMTP with nodemailer. TLS certificates are verified unless smtp.tls.insecureSkipVerify is set;
 * without implicit TLS, STARTTLS is required unless smtp.tls.allowPlaintext says cleartext is
 * acceptable (a local test server). The raw message is sent as stored: nodemailer adds nothing.
 */
export async function smtpTransport(config: SmtpConfig, env: NodeJS.ProcessEnv = process.env): Promise<Transport> {
  const nodemailer = await import('nodemailer');
  const ca = caBundle(config.tlsCa, 'smtp.tls.ca');
  const password = config.password ? resolveSecret(config.password, 'smtp.password', env) : undefined;
  const t = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: !config.secure && !config.allowPlaintext,
    ignoreTLS: !config.secure && config.allowPlaintext,
    ...(config.user !== undefined ? { auth: { user: config.user, pass: password ?? '' } } : {}),
    tls: { rejectUnauthorized: !config.tlsInsecureSkipVerify, ...(ca ? { ca } : {}) },
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    kind: 'smtp',
    async send(mail) {
      try {
        const info = await t.sendMail({ envelope: { from: bareAddress(mail.from), to: mail.to.map(bareAddress) }, raw: mail.raw });
        return { response: String(info.response ?? '') };
      } catch (err) {
        throw nameTlsKey(err, 'smtp'); // a STARTTLS or certificate failure names the key that controls it
      }
    },
    close() {
      t.close();
    },
  };
}

/** The transport the config names: SMTP, or the directory outbox (the default). */
export async function transportFromConfig(config: Config, env?: NodeJS.ProcessEnv): Promise<Transport> {
  if (config.transport === 'smtp' && config.smtp) return smtpTransport(config.smtp, env);
  return fileTransport(config.outboxDir);
}
