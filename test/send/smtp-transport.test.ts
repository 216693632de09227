import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { classifySendError } from '../../src/send/retry.js';
import { smtpTransport } from '../../src/send/smtp.js';
import { SmtpCapture } from '../helpers/smtp-capture.js';

let capture: SmtpCapture;
beforeAll(async () => {
  capture = await SmtpCapture.start();
});
afterAll(async () => {
  await capture.stop();
});
afterEach(() => {
  capture.mode = { kind: 'accept' };
  capture.afterData = 'reply';
});

const smtp = (over: Record<string, unknown> = {}) => ({
  host: '127.0.0.1',
  port: capture.port,
  secure: false,
  tlsInsecureSkipVerify: false,
  allowPlaintext: true,
  ...over,
});
const raw = Buffer.from(
  'From: convene <convene@example.org>\r\nTo: devel@example.org\r\nMessage-ID: <x@example.org>\r\nSubject: hi\r\n\r\nbody\r\n',
);
const mail = { from: 'a@example.org', to: ['b@example.org'], raw, messageId: 'x@example.org' };

/** Send, and say whether the body was handed over (onData) and how the failure sorts. */
async function attempt(t: Awaited<ReturnType<typeof smtpTransport>>, to = mail.to) {
  let afterData = false;
  try {
    const r = await t.send({ ...mail, to }, { onData: () => (afterData = true) });
    return { ok: r, afterData, failure: null };
  } catch (err) {
    return { ok: null, afterData, failure: classifySendError(err, afterData), err };
  }
}

describe('SMTP transport', () => {
  it('sends the stored bytes unchanged with a bare-address envelope', async () => {
    const t = await smtpTransport(smtp());
    const r = await t.send({
      from: 'convene <convene@example.org>',
      to: ['Devel List <devel@example.org>'],
      raw,
      messageId: 'x@example.org',
    });
    expect(r.rejected).toEqual([]);
    const got = capture.messages.at(-1)!;
    expect(got.from).toBe('convene@example.org');
    expect(got.to).toEqual(['devel@example.org']);
    expect(got.raw.toString()).toContain('Message-ID: <x@example.org>\r\nSubject: hi\r\n\r\nbody');
  });

  it('requires STARTTLS unless plaintext is explicitly allowed, naming the keys that control it (issue 11)', async () => {
    const t = await smtpTransport(smtp({ allowPlaintext: false }));
    const err = await t.send(mail).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/STARTTLS.*smtp\.secure: true .*smtp\.tls\.allowPlaintext: true/);
    expect(err).toMatchObject({ code: 'ETLS' });
    await expect(t.verify()).rejects.toThrow(/STARTTLS/i);
    await expect((await smtpTransport(smtp())).verify()).resolves.toBeUndefined();
  });

  it('an untrusted certificate names smtp.tls.ca (issue 11)', async () => {
    const { SMTPServer } = await import('smtp-server');
    const server = new SMTPServer({ authOptional: true, disabledCommands: ['AUTH'], logger: false });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    const t = await smtpTransport(smtp({ port, allowPlaintext: false }));
    const err = await t.send(mail).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/certificate.*set smtp\.tls\.ca to its CA certificate, or smtp\.tls\.insecureSkipVerify/);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('a reply code is an answer, before or after the body: 4xx transient, 5xx permanent', async () => {
    capture.mode = { kind: 'reject', code: 451 };
    const r = await attempt(await smtpTransport(smtp()));
    expect(r.err).toMatchObject({ responseCode: 451 });
    expect([r.afterData, r.failure]).toEqual([false, 'transient']);
    capture.mode = { kind: 'reject', code: 550 };
    expect((await attempt(await smtpTransport(smtp()))).failure).toBe('permanent');
  });

  it('a connection dropped after the final "." leaves the outcome unknown (issue 13 item 4)', async () => {
    capture.afterData = 'drop';
    const before = capture.messages.length;
    const r = await attempt(await smtpTransport(smtp()));
    expect(capture.messages.length).toBe(before + 1); // the server had the whole message
    expect([r.afterData, r.failure]).toEqual([true, 'unknown']);
  });

  it('no reply to the final "." within the socket timeout leaves the outcome unknown', async () => {
    capture.afterData = { delayMs: 1500 };
    const r = await attempt(await smtpTransport(smtp(), {}, { socketMs: 300 }));
    expect(r.err).toMatchObject({ code: 'ETIMEDOUT' });
    expect([r.afterData, r.failure]).toEqual([true, 'unknown']);
  });

  it('a server that is down is a plain transient failure: the body never left', async () => {
    const down = await SmtpCapture.start();
    await down.stop();
    const r = await attempt(await smtpTransport(smtp({ port: down.port })));
    expect([r.afterData, r.failure]).toEqual([false, 'transient']);
  });

  it('one recipient refused with 550 while the others take the mail: reported in the result', async () => {
    capture.mode = { kind: 'reject', code: 550, only: (a) => a.startsWith('bad') };
    const r = await attempt(await smtpTransport(smtp()), ['devel@example.org', 'bad-typo@example.org']);
    expect(r.ok?.rejected).toEqual([{ address: 'bad-typo@example.org', error: expect.stringMatching(/^550 /) as unknown as string }]);
    expect(capture.messages.at(-1)!.to).toEqual(['devel@example.org']);
  });
});
