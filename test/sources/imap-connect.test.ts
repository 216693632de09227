import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConveneError } from '../../src/errors.js';
import { imapflowOptions } from '../../src/sources/imap-connect.js';
import { silentLogger } from '../../src/log.js';
import { ImapSession } from '../../src/sources/imap.js';
import { openDb } from '../../src/store/db.js';
import { syncImap } from '../../src/ingest/sync.js';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.js';
import { IMAP_ENV, memoryLogger, testImapConfig } from '../helpers/imap-config.js';

let server: DovecotServer;
let dir: string;

beforeAll(async () => {
  server = await startDovecot();
  dir = mkdtempSync(join(tmpdir(), 'convene-imap-connect-'));
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('imapflow options from the config', () => {
  test('verifies certificates by default and requires STARTTLS without implicit TLS', () => {
    const o = imapflowOptions(testImapConfig(server, { tls: {} }), { logger: silentLogger, env: IMAP_ENV });
    expect(o.tls?.rejectUnauthorized).toBe(true);
    expect(o.doSTARTTLS).toBe(true);
    expect(o.auth).toEqual({ user: 'test', pass: 'test-pass' });
    expect(o.disableAutoIdle).toBe(true);
  });

  test('implicit TLS leaves doSTARTTLS unset (imapflow refuses both together)', () => {
    const o = imapflowOptions(testImapConfig(server, { secure: true }), { logger: silentLogger, env: IMAP_ENV });
    expect(o.secure).toBe(true);
    expect('doSTARTTLS' in o).toBe(false);
  });

  test('tls.allowPlaintext turns STARTTLS off; tls.ca is trusted besides the public roots', () => {
    const o = imapflowOptions(testImapConfig(server, { tls: { allowPlaintext: true, ca: server.caPath } }), {
      logger: silentLogger,
      env: IMAP_ENV,
    });
    expect(o.doSTARTTLS).toBe(false);
    const ca = o.tls?.ca as string[];
    expect(ca.length).toBe(rootCertificates.length + 1);
    expect(ca.at(-1)).toContain('BEGIN CERTIFICATE');
  });

  test('an OAuth2 token becomes the XOAUTH2 access token', () => {
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, 'tok-123\n');
    const config = testImapConfig(server, { password: undefined, oauth2Token: { file: tokenFile } });
    expect(imapflowOptions(config, { logger: silentLogger }).auth).toEqual({ user: 'test', accessToken: 'tok-123' });
  });

  test('a missing secret is a config error naming the key', () => {
    expect(() => imapflowOptions(testImapConfig(server), { logger: silentLogger, env: {} })).toThrow(
      /imap\.password: environment variable IMAP_PASS is not set/,
    );
  });
});

describe('TLS and authentication against Dovecot', () => {
  test('an untrusted certificate is refused by default, with a clear error and no retries', async () => {
    const db = openDb(':memory:');
    const result = syncImap({ db, env: IMAP_ENV, once: true, config: testImapConfig(server, { tls: {}, mailboxes: ['x'] }) });
    const err = await result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConveneError);
    expect((err as ConveneError).code).toBe('IMAP_CONNECT');
    expect((err as ConveneError).exitCode).toBe(4);
    expect((err as Error).message).toMatch(/TLS certificate not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\); set imap\.tls\.ca/);
    db.close();
  });

  test('STARTTLS with the server CA in tls.ca, and implicit TLS, both log in', async () => {
    for (const config of [testImapConfig(server), testImapConfig(server, { secure: true, port: server.tlsPort })]) {
      const session = await ImapSession.open(config, { logger: silentLogger, env: IMAP_ENV });
      expect(session.closed).toBe(false);
      await session.close();
    }
  });

  test('tls.insecureSkipVerify connects and logs a warning', async () => {
    const logger = memoryLogger();
    const session = await ImapSession.open(testImapConfig(server, { tls: { insecureSkipVerify: true } }), { logger, env: IMAP_ENV });
    await session.close();
    expect(logger.entries.filter((e) => e.level === 'warn').map((e) => e.fields.msg)).toContainEqual(
      expect.stringMatching(/verification is OFF/),
    );
  });

  test('XOAUTH2: a token read from a file logs in; a rejected token says which setting to check', async () => {
    const good = join(dir, 'good-token');
    const bad = join(dir, 'bad-token');
    writeFileSync(good, 'test-pass\n'); // this Dovecot checks the bearer token against its passwd-file
    writeFileSync(bad, 'expired\n');
    const session = await ImapSession.open(testImapConfig(server, { password: undefined, oauth2Token: { file: good } }), {
      logger: silentLogger,
    });
    await session.close();
    const err = await ImapSession.open(testImapConfig(server, { password: undefined, oauth2Token: { file: bad } }), {
      logger: silentLogger,
    }).catch((e: unknown) => e);
    expect((err as ConveneError).code).toBe('IMAP_AUTH');
    expect((err as Error).message).toContain('check the OAuth2 access token (imap.oauth2Token)');
  });

  test('no secret reaches the log, whatever happens', async () => {
    const logger = memoryLogger();
    const env = { IMAP_PASS: 'Sup3r-Secret-Value' };
    await ImapSession.open(testImapConfig(server, { tls: { insecureSkipVerify: true } }), { logger, env }).catch(() => undefined);
    const db = openDb(':memory:');
    await syncImap({ db, env, once: true, logger, config: testImapConfig(server, { mailboxes: ['x'] }) }).catch(() => undefined);
    db.close();
    expect(logger.entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(logger.entries)).not.toContain('Sup3r-Secret-Value');
  });
});
