import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { OutboxStore } from '../../src/send/outbox-store.js';

/** Migration 9 rebuilds the outbox table: nothing queued or in flight may be lost on the way. */
describe('the outbox rebuild (migration 9)', () => {
  it('keeps every row; a row in "sending" is taken as handed over, so it is looked for before any resend', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convene-mig-'));
    try {
      const file = join(dir, 'old.sqlite');
      const old = new Database(file);
      for (const m of MIGRATIONS.filter((m) => m.version <= 8)) old.exec(m.up);
      old.pragma('user_version = 8');
      const insert = old.prepare(
        `INSERT INTO outbox (meeting, occurrence, kind, revision, state, message_id, subject, recipients_json, eml, created_at,
           claimed_at, claimed_by) VALUES ('wg', 'wg/2026-06-10', ?, 0, ?, ?, 's', '{"from":"a@x","to":["b@x"]}', x'41', 1, ?, ?)`,
      );
      insert.run('digest', 'sending', 'd@x', 5, 'host 1');
      insert.run('call-for-items', 'sent', 'c@x', null, null);
      old.close();
      const db = openDb(file);
      const store = new OutboxStore(db);
      expect(store.byKey('wg', 'wg/2026-06-10', 'digest', 0)).toMatchObject({
        state: 'sending',
        inData: true,
        claimedBy: 'host 1',
        heartbeat: 0,
        resends: 0,
        rejected: [],
      });
      expect(store.byKey('wg', 'wg/2026-06-10', 'call-for-items', 0)).toMatchObject({ state: 'sent', inData: false });
      expect(store.drop(store.byKey('wg', 'wg/2026-06-10', 'digest', 0)!.id, 'x')).toBe(false); // held by a claim
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
