import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromValue, loadConfig } from '../../src/config/load.js';
import { resolveSecret } from '../../src/config/secrets.js';
import { tempDir } from '../helpers/tmp.js';

describe('config', () => {
  const dir = tempDir();

  it('needs no section for archive commands: defaults everywhere', () => {
    const c = configFromValue({}, null);
    expect(c).toMatchObject({ db: 'data/convene.sqlite', transport: 'file', outboxDir: 'data/outbox', meetings: [] });
    expect(c.imap).toBeUndefined();
  });

  it('names the key and the problem', () => {
    expect(() => configFromValue({ imap: { host: 'h', user: 'u', port: 'x', password: { env: 'P' } } }, null)).toThrow(
      'config: imap.port: must be a number',
    );
    expect(() => configFromValue({ imap: { host: 'h', user: 'u' } }, null)).toThrow('config: imap: give password or oauth2Token');
    expect(() => configFromValue({ bogus: 1 }, null)).toThrow(/config: bogus: unknown key/);
    expect(() => configFromValue({ transport: 'smtp' }, null)).toThrow(/transport: "smtp" needs an smtp section/);
  });

  it('refuses an inline secret', () => {
    expect(() => configFromValue({ imap: { host: 'h', user: 'u', password: 'hunter2' } }, null)).toThrow(/imap\.password: .*never inline/);
  });

  it('reads secrets from env, file or command, and says which one is missing without printing any', () => {
    const file = join(dir, 'secret');
    writeFileSync(file, 's3cret\n');
    expect(resolveSecret({ env: 'X_PW' }, 'imap.password', { X_PW: 'pw' })).toBe('pw');
    expect(resolveSecret({ file }, 'imap.password')).toBe('s3cret');
    expect(resolveSecret({ command: ['echo', 'tok'] }, 'imap.oauth2Token')).toBe('tok');
    expect(() => resolveSecret({ env: 'NOPE_PW' }, 'imap.password', {})).toThrow(
      'config: imap.password: environment variable NOPE_PW is not set',
    );
  });

  it('reports invalid YAML with the file name, and a missing --config file', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'imap: [unclosed\n');
    await expect(loadConfig(bad)).rejects.toThrow(/config: .*bad\.yaml: not valid YAML/);
    await expect(loadConfig(join(dir, 'none.yaml'))).rejects.toThrow(/cannot read .*none\.yaml: ENOENT/);
  });

  it('reads relative paths against the config file, not the current directory (issue 11)', async () => {
    const sub = join(dir, 'etc');
    mkdirSync(sub, { recursive: true });
    const path = join(sub, 'convene.yaml');
    writeFileSync(
      path,
      [
        'db: data/archive.sqlite',
        'outbox: { dir: ../spool }',
        'source: { path: list.mbox }',
        'smtp: { host: h, password: { file: secrets/smtp }, tls: { ca: ca.pem } }',
        'imap: { host: h, user: u, password: { file: /run/secret } }',
        'digest: { templates: { text: my/digest.txt } }',
        'meetings: [{ id: m, zone: UTC, dates: ["2026-01-01T10:00"], digest: { templates: { html: my/digest.html } } }]',
      ].join('\n'),
    );
    const c = await loadConfig(path);
    expect(c.db).toBe(join(sub, 'data', 'archive.sqlite'));
    expect(c.outboxDir).toBe(join(dir, 'spool'));
    expect(c.source?.path).toBe(join(sub, 'list.mbox'));
    expect(c.smtp?.password).toEqual({ file: join(sub, 'secrets', 'smtp') });
    expect(c.smtp?.tlsCa).toBe(join(sub, 'ca.pem'));
    expect(c.imap?.password).toEqual({ file: '/run/secret' });
    expect(c.digest.global.templates.text).toBe(join(sub, 'my', 'digest.txt'));
    expect(c.digest.perMeeting.get('m')?.templates.html).toBe(join(sub, 'my', 'digest.html'));
    // --db is the user's own path, as typed; the defaults follow the config file too.
    expect((await loadConfig(path, { db: 'here.sqlite' })).db).toBe('here.sqlite');
    writeFileSync(path, 'transport: file\n');
    expect((await loadConfig(path)).db).toBe(join(sub, 'data', 'convene.sqlite'));
  });

  it('applies IMAP defaults: TLS on, verification on, INBOX', () => {
    const c = configFromValue({ imap: { host: 'imap.example.org', user: 'me', password: { env: 'P' } } }, null);
    expect(c.imap).toMatchObject({
      secure: true,
      port: 993,
      tlsInsecureSkipVerify: false,
      mailboxes: ['INBOX'],
      account: 'me@imap.example.org',
    });
  });
});

describe('convene init', () => {
  const dir = tempDir();
  it('writes an example that loads and validates, and will not overwrite without --force', async () => {
    const { cli } = await import('../helpers/cli.js');
    const path = join(dir, 'convene.yaml');
    expect((await cli(['init', path])).code).toBe(0);
    const config = await loadConfig(path);
    // Nothing configured to send to or read from until the operator sets a real meeting (issue 11).
    expect(config.imap).toBeUndefined();
    expect(config.meetings).toEqual([]);
    expect(config.db).toBe(join(dir, 'data', 'convene.sqlite'));
    const again = await cli(['init', path]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists; use --force/);
  });
});
