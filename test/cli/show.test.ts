import { beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { run } from '../../src/main.js';
import { openDb } from '../../src/store/db.js';
import { readRaw } from '../../src/store/raw-reader.js';
import { cli } from '../helpers/cli.js';
import { ext4Db } from './search-fixture.js';

let db: string;
beforeAll(async () => {
  db = await ext4Db();
});

const MID = '20190528131356.GB19149@mit.edu'; // middle of the fsync_mode thread

describe('convene show', () => {
  it('prints headers, thread context (parent, replies) and the body', async () => {
    const r = await cli(['--db', db, 'show', MID]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Message-ID: <${MID}>`);
    expect(r.stdout).toContain("From: Theodore Ts'o <tytso@mit.edu>");
    expect(r.stdout).toMatch(/Thread: \d+ \(9 messages; convene thread \d+\)/);
    expect(r.stdout).toContain(
      'Parent: <20190528034830.GH10043@codeaurora.org> 2019-05-28 03:48 Sahitya Tummala: Re: fsync_mode mount option for ext4',
    );
    expect(r.stdout).toContain('Replies:\n  <20190529040757.GI10043@codeaurora.org>');
    expect(r.stdout).toContain('What are you really trying to accomplish');
  });

  it('--json carries parent, replies and body', async () => {
    const r = await cli(['--db', db, 'show', `<${MID}>`, '--json']);
    const doc = JSON.parse(r.stdout) as {
      messageId: string;
      parent: { messageId: string; inArchive: boolean };
      replies: { messageId: string }[];
      body: string;
      threadSize: number;
    };
    expect(doc.messageId).toBe(MID);
    expect(doc.parent).toMatchObject({ messageId: '20190528034830.GH10043@codeaurora.org', inArchive: true });
    expect(doc.replies.map((x) => x.messageId)).toEqual(['20190529040757.GI10043@codeaurora.org']);
    expect(doc.threadSize).toBe(9);
    expect(doc.body).toContain('fsync_mode=nobarrier');
  });

  it('--raw writes the stored bytes exactly', async () => {
    const chunks: Buffer[] = [];
    const stdout = new Writable({
      write(chunk: Buffer, _e, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
    const code = await run(['--db', db, 'show', MID, '--raw'], { stdout, stderr: stdout, env: {} });
    expect(code).toBe(0);
    const handle = openDb(db);
    const id = handle.prepare<[string], { id: number }>('SELECT id FROM messages WHERE mid = ?').get(MID)!.id;
    expect(Buffer.concat(chunks).equals(readRaw(handle, id)!)).toBe(true);
    handle.close();
  });

  it('names a parent that is not in the archive', async () => {
    const handle = openDb(db);
    const row = handle
      .prepare<[], { mid: string; parent_mid: string }>(
        'SELECT mid, parent_mid FROM messages WHERE parent_mid IS NOT NULL AND parent_mid NOT IN (SELECT mid FROM messages) LIMIT 1',
      )
      .get()!;
    handle.close();
    const r = await cli(['--db', db, 'show', row.mid]);
    expect(r.stdout).toContain(`Parent: <${row.parent_mid}> (not in the archive)`);
  });

  it('an unknown id is a one-line error with exit code 1', async () => {
    const r = await cli(['--db', db, 'show', 'nosuch@x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('convene: no message "nosuch@x" in the archive\n');
  });
});
