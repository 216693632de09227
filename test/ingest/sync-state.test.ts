import { expect, test } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { SyncState } from '../../src/ingest/sync-state.js';

test('the cursor only moves forward under one UIDVALIDITY, and restarts under a new one', () => {
  const db = openDb(':memory:');
  const state = new SyncState(db, 'me@imap.example');
  expect(state.get('INBOX')).toBeNull();
  state.advance('INBOX', '100', 50, 1);
  state.advance('INBOX', '100', 20, 2); // a late commit of an older batch
  expect(state.get('INBOX')).toEqual({ uidValidity: '100', lastUid: 50 });
  state.resetForUidValidity('INBOX', '100', '200', 3);
  expect(state.get('INBOX')).toEqual({ uidValidity: '200', lastUid: 0 });
  state.advance('INBOX', '200', 7, 4);
  expect(state.get('INBOX')).toEqual({ uidValidity: '200', lastUid: 7 });
  // Another account's cursor for the same mailbox name is its own.
  expect(new SyncState(db, 'other@imap.example').get('INBOX')).toBeNull();
  expect(SyncState.all(db)).toEqual([{ account: 'me@imap.example', mailbox: 'INBOX', uidValidity: '200', lastUid: 7, lastSyncAt: 4 }]);
  expect(db.prepare('SELECT kind, detail FROM event_log').all()).toEqual([
    { kind: 'imap-uidvalidity-changed', detail: JSON.stringify({ account: 'me@imap.example', mailbox: 'INBOX', from: '100', to: '200' }) },
  ]);
  db.close();
});
