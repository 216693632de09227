/**
 * Raw 8-bit headers (issue 13, Low): Latin-1 bytes in Subject, From, To used to become U+FFFD.
 * They are decoded with the body's fallback chain (UTF-8, else the declared charset, else
 * windows-1252), on the fast path and on mailparser's path alike; UTF-8 headers (RFC 6532) stay
 * as they were.
 */
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/mail/parse.js';

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const HEAD = 'From: Ren\xe9 M\xfcller <r@x>\nTo: J\xf6rg <j@x>\nSubject: Caf\xe9 na\xefve r\xe9sum\xe9\nMessage-ID: <a@x>\n';

describe('raw 8-bit headers', () => {
  it('Latin-1 in a single text/plain message (the fast path)', async () => {
    const p = await parseMessage({ raw: latin1(`${HEAD}Content-Type: text/plain; charset=iso-8859-1\n\nCaf\xe9\n`) });
    expect(p.subject).toBe('Café naïve résumé');
    expect(p.from).toEqual({ name: 'René Müller', address: 'r@x' });
    expect(p.to).toEqual([{ name: 'Jörg', address: 'j@x' }]);
    expect(p.subjectNorm).toContain('café');
  });

  it('Latin-1 in a multipart message (mailparser)', async () => {
    const raw = latin1(
      `${HEAD}MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=XX\n\n--XX\n` +
        'Content-Type: text/plain; charset=iso-8859-1\n\nCaf\xe9\n--XX\nContent-Type: text/html; charset=iso-8859-1\n\n<p>Caf\xe9</p>\n--XX--\n',
    );
    const p = await parseMessage({ raw });
    expect(p.subject).toBe('Café naïve résumé');
    expect(p.from).toEqual({ name: 'René Müller', address: 'r@x' });
    expect(p.to).toEqual([{ name: 'Jörg', address: 'j@x' }]);
    expect(p.bodyText.trim()).toBe('Café');
  });

  it('the declared charset is the hint when the bytes are not UTF-8; UTF-8 headers and encoded words are unchanged', async () => {
    const koi8 = Buffer.concat([
      Buffer.from('From: a@x\nSubject: '),
      Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]), // "Привет" in KOI8-R
      Buffer.from('\nMessage-ID: <k@x>\nContent-Type: text/plain; charset=koi8-r\n\nx\n'),
    ]);
    expect((await parseMessage({ raw: koi8 })).subject).toBe('Привет');
    const utf8 = Buffer.from('From: René <r@x>\nSubject: Café ✓ =?utf-8?q?=C3=A9t=C3=A9?=\nMessage-ID: <u@x>\n\nhi\n');
    const p = await parseMessage({ raw: utf8 });
    expect(p.subject).toBe('Café ✓ été');
    expect(p.from).toEqual({ name: 'René', address: 'r@x' });
  });

  it('a message past the parse limits still gets its subject and sender decoded', async () => {
    const parts = Array.from({ length: 600 }, (_, i) => `--B\nContent-Type: text/plain\n\npart ${i}\n`).join('');
    const head = 'From: Ren\xe9 M\xfcller <r@x>\nSubject: =?utf-8?q?r=C3=A9sum=C3=A9?= Caf\xe9\nMessage-ID: <big@x>\n';
    const raw = latin1(`${head}MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B\n\n${parts}--B--\n`);
    const p = await parseMessage({ raw });
    expect(p.parseError).toMatch(/MIME parts/);
    expect(p.subject).toBe('résumé Café');
    expect(p.from).toEqual({ name: 'René Müller', address: 'r@x' });
  });
});
