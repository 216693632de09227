import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/mail/parse.js';
import { generateMessage } from '../helpers/message-generator.js';

const parse = (raw: Buffer, extra: { internalDate?: number; fromLineDate?: number } = {}) => parseMessage({ raw, ...extra });

describe('parseMessage', () => {
  it('reads the narrow fields of an ordinary message', async () => {
    const m = await parse(
      generateMessage({
        messageId: 'abc@example.org',
        from: '"Bob B." <Bob@Example.org>',
        cc: 'Carol <carol@example.org>, dave@example.org',
        subject: 'Re: [devel] Proposal',
        references: '<r1@x> <r2@x>',
        inReplyTo: '<r2@x>',
        listId: 'Devel list <devel.lists.example.org>',
        body: 'My answer.\n\nOn Tue, Bob wrote:\n> quoted line\n> more\n\n-- \nsig\n',
      }),
    );
    expect(m.messageId).toBe('abc@example.org');
    expect(m.from).toEqual({ name: 'Bob B.', address: 'bob@example.org' });
    expect(m.cc.map((a) => a.address)).toEqual(['carol@example.org', 'dave@example.org']);
    expect(m.subjectNorm).toBe('proposal');
    expect(m.references).toEqual(['r1@x', 'r2@x']);
    expect(m.inReplyTo).toEqual(['r2@x']);
    expect(m.listId).toBe('devel.lists.example.org');
    expect(m.bodyText).toBe('My answer.');
    expect(m.quotedText).toBe('quoted line\nmore');
    expect(m.date).toBe(Date.UTC(2015, 4, 5, 10));
    expect(m.dateSource).toBe('header');
  });

  it("reads back the sender's address a pipermail archive hid ('user at host (Name)')", async () => {
    // ILUGC's Mailman archive, 2002: the monthly .txt export an operator imports.
    const hidden = await parse(generateMessage({ from: 'suraj at chennailug.org (Suraj Kumar)' }));
    expect(hidden.from).toEqual({ name: 'Suraj Kumar', address: 'suraj@chennailug.org' });
    const bracketed = await parse(generateMessage({ from: '"Ganesh  Kumar" <alganesh at rediffmail.com (Ganesh  Kumar)>' }));
    expect(bracketed.from?.address).toBe('alganesh@rediffmail.com');
    // An address a parser finds stays as it is; "at" in a name is no address.
    expect((await parse(generateMessage({ from: 'Meet at Noon <noon@example.org>' }))).from?.address).toBe('noon@example.org');
    expect((await parse(generateMessage({ from: 'Meet at Noon' }))).from?.address ?? '').toBe('');
  });

  it('keeps every Message-ID header, the first as the identity', async () => {
    const raw = generateMessage({ messageId: 'one@x', headers: { 'Message-ID': '<two@x>' } });
    const m = await parse(raw);
    expect(m.messageId).toBe('one@x');
    expect(m.extraMessageIds).toEqual(['two@x']);
  });

  it('has no Message-ID when the header is absent or empty', async () => {
    expect((await parse(generateMessage({ messageId: null }))).messageId).toBeNull();
    expect((await parse(generateMessage({ messageId: null, headers: { 'Message-ID': '  ' } }))).messageId).toBeNull();
  });

  it('never turns an unparseable Date into "now": falls back to INTERNALDATE, then the From_ line', async () => {
    const bad = generateMessage({ date: 'not a date at all' });
    const none = await parse(bad);
    expect(none).toMatchObject({ date: null, dateSource: 'none' });
    expect(await parse(bad, { internalDate: 1_000_000_000_000 })).toMatchObject({ date: 1_000_000_000_000, dateSource: 'internal' });
    expect(await parse(bad, { fromLineDate: 2_000 })).toMatchObject({ date: 2_000, dateSource: 'from-line' });
    expect(await parse(generateMessage({ date: null }), { fromLineDate: 5_000 })).toMatchObject({ date: 5_000, dateSource: 'from-line' });
  });

  it('reads windows-1252 text mislabelled as ISO-8859-1 as windows-1252 (curly quotes survive)', async () => {
    const body = Buffer.from([0x93, 0x68, 0x69, 0x94, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]); // “hi” café
    const m = await parse(generateMessage({ contentType: 'text/plain; charset=iso-8859-1', transferEncoding: '8bit', body }));
    expect(m.bodyText).toBe('\u201chi\u201d caf\u00e9');
  });

  it('falls back from an unknown charset to UTF-8, then windows-1252', async () => {
    const utf8 = await parse(
      generateMessage({ contentType: 'text/plain; charset=x-unknown-42', transferEncoding: '8bit', body: Buffer.from('naïve\n', 'utf8') }),
    );
    expect(utf8.bodyText).toBe('naïve');
    const cp1252 = await parse(
      generateMessage({
        contentType: 'text/plain; charset=x-unknown-42',
        transferEncoding: '8bit',
        body: Buffer.from([0x6e, 0x61, 0xef, 0x76, 0x65, 0x0a]),
      }),
    );
    expect(cp1252.bodyText).toBe('naïve');
  });

  it('indexes HTML-only mail through its text', async () => {
    const m = await parse(
      generateMessage({
        contentType: 'text/html; charset=utf-8',
        body: '<html><body><p>Hello <b>agenda</b> world</p><script>x()</script></body></html>',
      }),
    );
    expect(m.bodyText).toContain('Hello AGENDA world'.replace('AGENDA', 'agenda'));
    expect(m.bodyText).not.toContain('<b>');
  });

  it('stores but does not parse the body of a message over the MIME part limit', async () => {
    const parts = Array.from({ length: 600 }, (_, i) => `--b\nContent-Type: text/plain\n\npart ${i}\n`).join('');
    const m = await parse(generateMessage({ messageId: 'many@x', contentType: 'multipart/mixed; boundary="b"', body: parts + '--b--\n' }));
    expect(m.parseError).toMatch(/MIME parts/);
    expect(m.messageId).toBe('many@x');
    expect(m.subject).toMatch(/Test message/);
  });

  it('lists attachments by name', async () => {
    const body =
      '--b\nContent-Type: text/plain\n\nsee attached\n--b\nContent-Type: application/pdf; name="slides.pdf"\nContent-Disposition: attachment; filename="slides.pdf"\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--b--\n';
    const m = await parse(generateMessage({ contentType: 'multipart/mixed; boundary="b"', body }));
    expect(m.attachments).toEqual([{ filename: 'slides.pdf', contentType: 'application/pdf', size: 9 }]);
    expect(m.bodyText).toBe('see attached');
  });

  it('flags RFC 3834 auto-replies and out-of-office mail', async () => {
    expect((await parse(generateMessage({ headers: { 'Auto-Submitted': 'auto-replied' } }))).autoGenerated).toBe(true);
    expect((await parse(generateMessage({ headers: { 'Auto-Submitted': 'no' } }))).autoGenerated).toBe(false);
    expect((await parse(generateMessage({ subject: 'Out of Office: back Monday' }))).autoGenerated).toBe(true);
    expect((await parse(generateMessage({ headers: { 'X-Autoreply': 'yes' } }))).autoGenerated).toBe(true);
  });

  it('survives garbage without throwing', async () => {
    const m = await parse(Buffer.from('\x00\x01garbage without headers'));
    expect(m.messageId).toBeNull();
    expect(typeof m.bodyText).toBe('string');
  });
});

describe('Date headers without a zone', () => {
  it('are read as UTC whatever the host time zone is', async () => {
    const { parseDateHeader } = await import('../../src/mail/dates.js');
    const saved = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = tz;
        expect(parseDateHeader('Mon, 1 Jan 2024 10:00:00')).toBe(Date.UTC(2024, 0, 1, 10));
        expect(parseDateHeader('Mon, 1 Jan 2024 10:00:00 -0500')).toBe(Date.UTC(2024, 0, 1, 15));
        expect(parseDateHeader('Mon, 1 Jan 2024 10:00:00 EST')).toBe(Date.UTC(2024, 0, 1, 15));
        expect(parseDateHeader('Mon, 1 Jan 2024 10:00:00 GMT (comment)')).toBe(Date.UTC(2024, 0, 1, 10));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
