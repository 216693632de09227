import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpTransport } from '../../src/send/transport.js';
import { SmtpCapture } from '../helpers/smtp-capture.js';

let capture: SmtpCapture;
beforeAll(async () => {
  capture = await SmtpCapture.start();
});
afterAll(async () => {
  await capture.stop();
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

describe('SMTP transport', () => {
  it('sends the stored bytes unchanged with a bare-address envelope', async () => {
    const t = await smtpTransport(smtp());
    await t.send({ from: 'convene <convene@example.org>', to: ['Devel List <devel@example.org>'], raw, messageId: 'x@example.org' });
    t.close();
    const got = capture.messages.at(-1)!;
    expect(got.from).toBe('convene@example.org');
    expect(got.to).toEqual(['devel@example.org']);
    expect(got.raw.toString()).toContain('Message-ID: <x@example.org>\r\nSubject: hi\r\n\r\nbody');
  });

  it('requires STARTTLS unless plaintext is explicitly allowed, naming the keys that control it (issue 11)', async () => {
    const t = await smtpTransport(smtp({ allowPlaintext: false }));
    const err = await t.send({ from: 'a@example.org', to: ['b@example.org'], raw, messageId: 'x@example.org' }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/STARTTLS.*smtp\.secure: true .*smtp\.tls\.allowPlaintext: true/);
    expect(err).toMatchObject({ code: 'ETLS' });
    t.close();
  });

  it('an untrusted certificate names smtp.tls.ca (issue 11)', async () => {
    const { SMTPServer } = await import('smtp-server');
    const server = new SMTPServer({ authOptional: true, disabledCommands: ['AUTH'], logger: false });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    const t = await smtpTransport(smtp({ port, allowPlaintext: false }));
    const err = await t.send({ from: 'a@example.org', to: ['b@example.org'], raw, messageId: 'x@example.org' }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/certificate.*set smtp\.tls\.ca to its CA certificate, or smtp\.tls\.insecureSkipVerify/);
    t.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('passes the server reply code on, for retry decisions', async () => {
    capture.mode = { kind: 'reject', code: 451 };
    const t = await smtpTransport(smtp());
    await expect(t.send({ from: 'a@example.org', to: ['b@example.org'], raw, messageId: 'x@example.org' })).rejects.toMatchObject({
      responseCode: 451,
    });
    capture.mode = { kind: 'accept' };
    t.close();
  });
});
