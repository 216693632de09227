import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/types.js';

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

/** What the server said: its final reply, and the recipients it refused while taking the mail for the others. */
export interface SendResult {
  readonly response: string;
  readonly rejected: readonly { readonly address: string; readonly error: string }[];
}

export interface SendHooks {
  /**
   * The server said 354 and the body is being handed over: from here on, a failure without a
   * reply code leaves it unknown whether the mail was delivered (src/send/smtp.ts).
   */
  readonly onData?: () => void;
}

/** Where mail goes: SMTP, or a directory of .eml files. Errors keep nodemailer's responseCode/code. */
export interface Transport {
  readonly kind: 'smtp' | 'file';
  send(mail: Envelope, hooks?: SendHooks): Promise<SendResult>;
  /** Can mail go out now? (SMTP: connect, STARTTLS, log in, QUIT.) Throws the reason when not. */
  verify(): Promise<void>;
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
      return { response: `written ${base}.eml`, rejected: [] };
    },
    async verify() {
      mkdirSync(dir, { recursive: true });
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

/** The transport the config names: SMTP, or the directory outbox (the default). */
export async function transportFromConfig(config: Config, env?: NodeJS.ProcessEnv): Promise<Transport> {
  if (config.transport === 'smtp' && config.smtp) return (await import('./smtp.js')).smtpTransport(config.smtp, env);
  return fileTransport(config.outboxDir);
}
