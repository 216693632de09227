/**
 * The seal on our outgoing mail: `X-Convene-Seal: v1 <mac>`, an HMAC under the archive's secret
 * of the Message-ID and the SHA-256 of the message as composed. Delivery proof compares it, not
 * the Message-ID alone (issue 13 item 6: a mail posted under our id made an unsent digest look
 * delivered): a copy in the archive counts as our mail only when it carries the very seal of the
 * row we sent. Lists keep unknown X- headers; one that strips it makes the lookup say "not
 * found", and the mail is sent again (capped), never taken as delivered on a look-alike.
 */
import { createHash, createHmac } from 'node:crypto';

export const SEAL_HEADER = 'X-Convene-Seal';

/** The message with its seal prepended as the first header line. */
export function sealMail(eml: Buffer, messageId: string, secret: Uint8Array): Buffer {
  const digest = createHash('sha256').update(eml).digest('hex');
  const mac = createHmac('sha256', secret).update(`convene-seal-v1\n${messageId}\n${digest}`).digest('base64url').slice(0, 32);
  return Buffer.concat([Buffer.from(`${SEAL_HEADER}: v1 ${mac}\r\n`), eml]);
}

/** The seal a message carries in its header block (unfolded, first one), or null. */
export function sealOf(raw: Buffer): string | null {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const block = (end === -1 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const m = /^x-convene-seal:[ \t]*(v1 [A-Za-z0-9_-]{32})[ \t]*\r?$/im.exec(block);
  return m ? m[1]! : null;
}
