/**
 * The soak's list traffic: mostly ordinary posts of a few KB, a 1 MB plain-text mail now and
 * then (the size that once exhausted a parse worker), and malformed mail of the kinds archives
 * meet: no Message-ID and a broken Date, a multipart without its closing boundary, raw Latin-1
 * headers, binary junk with no header/body separator. Every message is unique (its sequence
 * number is in it), so "stored once" can be counted.
 */
import { randomBytes } from 'node:crypto';

export type SoakKind = 'small' | 'large' | 'malformed';

const WORDS = 'the list discussed a patch for the release and the next call agenda with tests review build'.split(' ');

function prose(bytes: number, seed: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = Array.from({ length: 12 }, (_, j) => WORDS[(seed + i * 7 + j * 3) % WORDS.length]).join(' ');
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n') + '\n';
}

const date = (at: number): string => new Date(at).toUTCString().replace('GMT', '+0000');

function post(seq: number, at: number, subject: string, body: string): Buffer {
  return Buffer.from(
    `From: Poster ${seq % 17} <p${seq % 17}@example.net>\nTo: devel@lists.example.org\nSubject: ${subject}\n` +
      `Date: ${date(at)}\nMessage-ID: <soak-${seq}@example.net>\nList-Id: <devel.lists.example.org>\n` +
      `MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n${body}`,
  );
}

function malformed(seq: number, at: number): Buffer {
  switch (seq % 4) {
    case 0: // no Message-ID, a Date nobody can read
      return Buffer.from(`From: nobody\nSubject: broken ${seq}\nDate: yesterday-ish ${seq}\n\nno id here ${seq}\n`);
    case 1: // multipart whose closing boundary never comes
      return Buffer.from(
        `From: a@example.net\nSubject: cut ${seq}\nDate: ${date(at)}\nMessage-ID: <soak-${seq}@example.net>\n` +
          `MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b${seq}"\n\n--b${seq}\nContent-Type: text/plain\n\npart ${seq}\n`,
      );
    case 2: // raw 8-bit Latin-1 in the headers
      return Buffer.concat([
        Buffer.from(`From: `),
        Buffer.from(`Andr\xe9 <andre@example.net>\nSubject: r\xe9sum\xe9 ${seq}\n`, 'latin1'),
        Buffer.from(`Date: ${date(at)}\nMessage-ID: <soak-${seq}@example.net>\n\nbody ${seq}\n`),
      ]);
    default: // binary junk, no blank line between header and body
      return Buffer.concat([Buffer.from(`Subject: junk ${seq}\n`), randomBytes(2048), Buffer.from(`\n${seq}\n`)]);
  }
}

/** The n-th message of the soak and its kind: one in 40 is 1 MB, one in 15 malformed. */
export function soakMessage(seq: number, at: number): { kind: SoakKind; raw: Buffer } {
  if (seq % 40 === 39) return { kind: 'large', raw: post(seq, at, `Large log ${seq}`, prose(1024 * 1024, seq)) };
  if (seq % 15 === 14) return { kind: 'malformed', raw: malformed(seq, at) };
  return { kind: 'small', raw: post(seq, at, `Topic ${seq % 23}: thread post ${seq}`, prose(1024 + (seq % 7) * 1500, seq)) };
}
