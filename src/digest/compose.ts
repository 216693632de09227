import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailKey } from './headers.js';

/** One outgoing mail, fully decided; composeEml turns it into the bytes the outbox stores. */
export interface Outgoing {
  readonly key: MailKey;
  /** Without angle brackets. */
  readonly messageId: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** An iCalendar object, METHOD:PUBLISH unless icsMethod says CANCEL. */
  readonly ics?: string;
  readonly icsMethod?: 'PUBLISH' | 'CANCEL';
  readonly headers: Readonly<Record<string, string>>;
  readonly date: number;
}

/**
 * Compose the RFC 5322 message: text/plain first, then HTML (multipart/alternative, the client
 * shows the last part it understands), the calendar as a text/calendar; method=PUBLISH (or CANCEL)
 * alternative (nodemailer also attaches it as invite.ics for clients that ignore alternatives).
 * The bytes are stored in the outbox, so a resend is byte-for-byte the same mail.
 */
export async function composeEml(o: Outgoing): Promise<Buffer> {
  const composer = new MailComposer({
    from: o.from,
    to: [...o.to],
    subject: o.subject,
    messageId: `<${o.messageId}>`,
    date: new Date(o.date),
    text: o.text,
    ...(o.html ? { html: o.html } : {}),
    ...(o.ics ? { icalEvent: { method: o.icsMethod ?? 'PUBLISH', filename: 'call.ics', content: o.ics } } : {}),
    headers: { ...o.headers },
  });
  return crlf(await composer.compile().build());
}

/**
 * nodemailer ends header lines with CRLF but leaves a 7bit/8bit body's own LFs alone, so one
 * mail held both (issue 14 item 8). The stored copy, the .eml file and what SMTP sends are one
 * canonical form: every line ends with CRLF (RFC 5322 section 2.1).
 */
export function crlf(eml: Buffer): Buffer {
  return Buffer.from(eml.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
}
