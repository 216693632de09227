import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeOwnMessageId } from '../../src/mail/own-message-id.js';
import { openDb } from '../../src/store/db.js';
import { messageIdSecret, MESSAGE_ID_SECRET, ownMail, readSecret } from '../../src/store/secrets.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the archive secret', () => {
  it('is 32 random bytes made on first use, kept with the archive, the same for every connection', () => {
    dir = mkdtempSync(join(tmpdir(), 'convene-secret-'));
    const file = join(dir, 'a.sqlite');
    const a = openDb(file);
    const b = openDb(file);
    expect(readSecret(a, MESSAGE_ID_SECRET)).toBeNull(); // readers never make one
    const made = messageIdSecret(b);
    expect(made).toHaveLength(32);
    expect(messageIdSecret(a).equals(made)).toBe(true);
    a.close();
    b.close();
    const again = openDb(file);
    expect(messageIdSecret(again).equals(made)).toBe(true);
    again.close();
    const other = openDb(':memory:');
    expect(messageIdSecret(other).equals(made)).toBe(false);
  });

  it('ownMail recognises our ids once a secret exists, and nothing before', () => {
    const db = openDb(':memory:');
    const recognise = ownMail(db);
    const key = { kind: 'digest', meeting: 'wg', occurrence: 'wg/2026-06-10', revision: 0 };
    const forged = makeOwnMessageId(key, 'example.org', Buffer.alloc(32));
    expect(recognise(forged)).toBeNull();
    const id = makeOwnMessageId(key, 'example.org', messageIdSecret(db));
    expect(recognise(id)).toEqual(key);
    expect(recognise(forged)).toBeNull();
  });
});
