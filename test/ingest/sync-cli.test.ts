import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../../src/main.js';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.js';
import { distinctCount, loadMbox } from '../helpers/ext4-slice.js';
import { newMessage } from '../helpers/imap-config.js';

let server: DovecotServer;
let raws: Buffer[];
let dir: string;
let configPath: string;

beforeAll(async () => {
  [server, raws] = await Promise.all([startDovecot(), loadMbox()]);
  dir = mkdtempSync(join(tmpdir(), 'convene-sync-cli-'));
  configPath = join(dir, 'convene.yaml');
  writeFileSync(
    configPath,
    [
      'imap:',
      '  host: 127.0.0.1',
      `  port: ${server.port}`,
      '  secure: false',
      '  user: test',
      '  password: { env: CONVENE_TEST_IMAP_PASS }',
      `  tls: { ca: ${server.caPath} }`,
      '  mailboxes: [lists/ext4]',
      '  batchSize: 64',
    ].join('\n'),
  );
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (s: string) => ((stderr += s), true) } as unknown as NodeJS.WritableStream,
    env: { ...process.env, CONVENE_TEST_IMAP_PASS: 'test-pass' },
  });
  return { code, stdout, stderr };
}

describe('convene sync', () => {
  test('--once --json syncs and prints a summary per mailbox; logs are JSON lines on stderr', async () => {
    server.addMessages('lists/ext4', raws.slice(0, 100));
    const db = join(dir, 'cli.sqlite');
    const first = await cli(['--db', db, '--config', configPath, 'sync', '--once', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout) as {
      account: string;
      mailboxes: { mailbox: string; read: number; stored: number; lastUid: number }[];
    };
    expect(summary.account).toBe('test@127.0.0.1');
    expect(summary.mailboxes).toEqual([
      expect.objectContaining({ mailbox: 'lists/ext4', read: 100, stored: distinctCount(raws.slice(0, 100)), lastUid: 100 }),
    ]);
    const logs = first.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { level: string; msg: string });
    expect(logs.map((l) => l.msg)).toEqual(['imap connected', 'mailbox synced']);

    server.addMessages('lists/ext4', [newMessage('cli-1')]);
    const second = await cli(['--db', db, '--config', configPath, 'sync', '--once']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe('lists/ext4: 1 read, 1 stored, 0 duplicates, 0 failed to parse (stored raw); at UID 101\n');
  });

  test('without an imap section: a config error naming the key', async () => {
    const empty = join(dir, 'no-imap.yaml');
    writeFileSync(empty, `db: ${join(dir, 'unused.sqlite')}\n`);
    const out = await cli(['--config', empty, 'sync', '--once']);
    expect(out.code).toBe(1);
    expect(out.stderr).toBe(`convene: config: imap: sync needs an "imap" section (host, user, password or oauth2Token) in ${empty}\n`);
  });

  test('with a local source.path instead: one pass from its cursor, as a daemon tick makes', async () => {
    const mbox = join(dir, 'list.mbox');
    const from = (raw: Buffer) => Buffer.concat([Buffer.from('From list@example.org Thu Jan  1 00:00:00 2025\n'), raw, Buffer.from('\n')]);
    writeFileSync(mbox, Buffer.concat([from(newMessage('local-1')), from(newMessage('local-2'))]));
    const local = join(dir, 'local.yaml');
    writeFileSync(local, `db: ${join(dir, 'local.sqlite')}\nsource:\n  path: ${mbox}\n`);
    const first = await cli(['--config', local, 'sync', '--once']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(`${mbox} (mbox): 2 read, 2 stored, 0 duplicates, 0 failed to parse (stored raw); read from the start\n`);
    const again = await cli(['--config', local, 'sync', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ path: mbox, kind: 'mbox', read: 0, stored: 0, rescan: false });
  });

  test('an unknown option is a usage error', async () => {
    const out = await cli(['--config', configPath, 'sync', '--forever']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--forever.*usage: convene sync \[--once\] \[--json\]/);
  });
});
