/** IMAP configs pointing at a test Dovecot, validated like a real config file. */
import { validateImap } from '../../src/config/sections.js';
import type { ImapConfig } from '../../src/config/types.js';
import type { LogFields, Logger } from '../../src/log.js';
import type { DovecotServer } from './dovecot.js';

/** The environment the configs' `password: { env: IMAP_PASS }` reads. */
export const IMAP_ENV: NodeJS.ProcessEnv = { IMAP_PASS: 'test-pass' };

/**
 * The `imap:` section of a config for the test Dovecot, as written in convene.yaml: STARTTLS on
 * the plain port, verified against the server's own certificate as CA.
 */
export function imapSection(server: DovecotServer, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    host: '127.0.0.1',
    port: server.port,
    secure: false,
    user: server.user,
    password: { env: 'IMAP_PASS' },
    tls: { ca: server.caPath },
    ...overrides,
  };
}

/** That section validated, with batches of 50. */
export function testImapConfig(server: DovecotServer, overrides: Record<string, unknown> = {}): ImapConfig {
  return validateImap(imapSection(server, { batchSize: 50, ...overrides }))!;
}

/** A logger that keeps what it is given, for assertions. */
export function memoryLogger(): Logger & { entries: { level: string; fields: LogFields }[] } {
  const entries: { level: string; fields: LogFields }[] = [];
  return {
    entries,
    info: (fields) => void entries.push({ level: 'info', fields }),
    warn: (fields) => void entries.push({ level: 'warn', fields }),
    error: (fields) => void entries.push({ level: 'error', fields }),
  };
}

/** Poll a condition (no timed assertion: the test's own timeout is the limit). */
export async function waitFor(check: () => boolean, stepMs = 20): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, stepMs));
}

/** A small unique message, for "new mail arrives" steps. */
export function newMessage(tag: string): Buffer {
  return Buffer.from(
    `From: Tester <tester@example.org>\nTo: list@example.org\nSubject: new mail ${tag}\n` +
      `Message-ID: <${tag}@convene.test>\nDate: Thu, 26 Nov 2026 08:00:00 +0000\n\nbody ${tag}\n`,
  );
}
