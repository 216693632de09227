import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/mail/fast-parse.js';
import { decodeQuotedPrintable } from '../../src/mail/transfer-encoding.js';
import { readHeaders } from '../../src/mail/headers.js';
import { parseMessage } from '../../src/mail/parse.js';
import { EXT4_2000, loadMbox } from '../helpers/ext4-slice.js';
import { generateMessage } from '../helpers/message-generator.js';

describe('the single-part text fast path', () => {
  it('agrees with mailparser on 2,000 real kernel-list messages', async () => {
    const messages = await loadMbox(EXT4_2000);
    let compared = 0;
    let fastPath = 0;
    const differ: string[] = [];
    for (const m of messages) {
      if (fastParse(m, readHeaders(m))) fastPath++;
      const fast = await parseMessage({ raw: m });
      const full = await parseMessage({ raw: m }, { fastPath: false });
      compared++;
      for (const key of [
        'subject',
        'subjectNorm',
        'from',
        'to',
        'cc',
        'bodyText',
        'quotedText',
        'attachments',
        'messageId',
        'references',
      ] as const) {
        if (JSON.stringify(fast[key]) !== JSON.stringify(full[key]))
          differ.push(`${full.messageId} ${key}: ${JSON.stringify(fast[key]).slice(0, 80)} vs ${JSON.stringify(full[key]).slice(0, 80)}`);
      }
    }
    expect(compared).toBe(messages.length);
    expect(fastPath).toBeGreaterThan(messages.length * 0.8); // most list mail is plain text
    expect(differ).toEqual([]);
  });

  it('decodes quoted-printable with soft breaks and keeps stray "="', () => {
    expect(decodeQuotedPrintable(Buffer.from('caf=C3=A9 au =\nlait =3D ok =zz\r\nend=\r\n')).toString()).toBe(
      'café au lait = ok =zz\r\nend',
    );
  });

  it('applies the charset chain to undeclared 8-bit text (windows-1252 curly quotes)', async () => {
    const raw = generateMessage({ contentType: 'text/plain', transferEncoding: '8bit', body: Buffer.from([0x93, 0x68, 0x69, 0x94, 0x0a]) });
    expect((await parseMessage({ raw })).bodyText).toBe('\u201chi\u201d');
  });

  it('leaves multipart, HTML and format=flowed mail to mailparser, with the same result shape', async () => {
    for (const contentType of ['text/html; charset=utf-8', 'text/plain; format=flowed', 'multipart/mixed; boundary="b"']) {
      const body = contentType.startsWith('multipart') ? '--b\nContent-Type: text/plain\n\nhello there\n--b--\n' : '<p>hello there</p>\n';
      const m = await parseMessage({ raw: generateMessage({ contentType, body }) });
      expect(m.bodyText).toContain('hello there');
    }
  });
});

describe('charset labels that lie', () => {
  it('reads UTF-8 bytes under a US-ASCII label as UTF-8 (both paths)', async () => {
    const raw = generateMessage({
      contentType: 'text/plain; charset=us-ascii',
      transferEncoding: '8bit',
      body: 'Envoyé par Bell Mobilité\n',
    });
    expect((await parseMessage({ raw })).bodyText).toBe('Envoyé par Bell Mobilité');
  });
});
