import { describe, expect, it } from 'vitest';
import { bodyText } from '../../src/mail/body-text.js';
import { decodeQuotedPrintable } from '../../src/mail/transfer-encoding.js';
import { makeSnippet, renderSnippet, snippetTerms } from '../../src/search/snippet.js';
import { parseQuery } from '../../src/search/parser.js';
import { generateMessage } from '../helpers/message-generator.js';

describe('body text for snippets and show (no mailparser)', () => {
  it('decodes quoted-printable with a declared charset', () => {
    const raw = generateMessage({
      contentType: 'text/plain; charset=iso-8859-1',
      transferEncoding: 'quoted-printable',
      body: 'Gr=FC=DFe aus K=F6ln, a soft=\nbreak.\n',
    });
    expect(bodyText(raw)).toBe('Grüße aus Köln, a softbreak.\n');
    expect(decodeQuotedPrintable(Buffer.from('a=3Db')).toString()).toBe('a=b');
  });

  it('decodes base64 UTF-8 and falls back to windows-1252 for undeclared 8-bit text', () => {
    expect(bodyText(generateMessage({ transferEncoding: 'base64', body: Buffer.from('naïve café\n').toString('base64') + '\n' }))).toBe(
      'naïve café\n',
    );
    const latin = Buffer.concat([Buffer.from('Subject: x\n\n'), Buffer.from([0x93, 0x71, 0x94, 0x0a])]);
    expect(bodyText(latin)).toBe('\u201cq\u201d\n');
  });

  it('takes the first text/plain part of a multipart, skipping attachments; else HTML without tags', () => {
    const multi = generateMessage({
      contentType: 'multipart/mixed; boundary="b1"',
      body: '--b1\nContent-Type: multipart/alternative; boundary="b2"\n\n--b2\nContent-Type: text/html\n\n<p>html</p>\n--b2\nContent-Type: text/plain\n\nplain text\n--b2--\n--b1\nContent-Type: text/plain\nContent-Disposition: attachment\n\nattached\n--b1--\n',
    });
    expect(bodyText(multi)).toBe('plain text');
    const html = generateMessage({ contentType: 'text/html', body: '<html><style>p{}</style><p>Hello &amp; welcome</p></html>' });
    expect(bodyText(html).trim()).toBe('Hello & welcome');
  });

  it("snippets centre on the first match in the author's own lines and mark it", () => {
    const terms = snippetTerms(parseQuery('journaling -barrier from:ted', { now: 0 }));
    expect(terms).toEqual(['journaling']);
    const s = makeSnippet('Ted wrote:\n> the journal quoted\n\nOwn words first. Then the journalled data goes.\n', terms, 40);
    expect(renderSnippet(s, (t) => `[${t}]`)).toBe('…st. Then the [journalled] data goes.');
    const none = makeSnippet('First own line.\nSecond.', [], 100);
    expect(none.text).toBe('First own line. Second.');
  });
});
