import { describe, expect, it } from 'vitest';
import { Ingester } from '../../src/ingest/ingester.js';
import { openDb } from '../../src/store/db.js';
import { checkArchive } from '../../src/ingest/archive-check.js';
import { generateMessage } from '../helpers/message-generator.js';

/** A message with two Message-ID headers; a reply that names the second one. */
const a = generateMessage({ messageId: 'a1@x', headers: { 'Message-ID': '<a2@x>' }, subject: 'Start' });
const r = generateMessage({ messageId: 'r@x', subject: 'Re: Start', inReplyTo: '<a2@x>', references: '<a2@x>' });

async function threadsAfter(order: Buffer[]): Promise<number> {
  const db = openDb(':memory:');
  const ing = new Ingester(db);
  for (const raw of order) await ing.ingestBatch([{ raw }]);
  expect(checkArchive(db).ok).toBe(true);
  return (db.prepare('SELECT count(DISTINCT thread_id) AS n FROM messages').get() as { n: number }).n;
}

describe('a message known by several Message-IDs', () => {
  it('threads a reply to its second id the same in either delivery order', async () => {
    expect(await threadsAfter([a, r])).toBe(1);
    expect(await threadsAfter([r, a])).toBe(1);
  });
});
