/** Real mail for the IMAP tests: the first 200 messages of the linux-ext4 list (test/fixtures/mail). */
import { fileURLToPath } from 'node:url';
import { readMbox } from '../../src/sources/mbox.js';

export const EXT4_200 = fileURLToPath(new URL('../fixtures/mail/ext4-200.mbox.gz', import.meta.url));
export const EXT4_2000 = fileURLToPath(new URL('../fixtures/mail/ext4-2000.mbox.gz', import.meta.url));

/** The raw messages of an mbox fixture, in file order. */
export async function loadMbox(path: string = EXT4_200): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const m of readMbox(path, true)) out.push(m.raw);
  return out;
}

/**
 * How many distinct messages a server holding `raws` serves: Dovecot turns bare LF into CRLF,
 * so messages equal after that are one stored message.
 */
export function distinctCount(raws: readonly Buffer[]): number {
  return new Set(raws.map((r) => r.toString('latin1').replace(/\r?\n/g, '\r\n'))).size;
}
