import { describe, expect, it } from 'vitest';
import { Ingester } from '../../src/ingest/ingester.js';
import { openDb } from '../../src/store/db.js';
import { readRaw } from '../../src/store/raw-reader.js';
import { generateMessage } from '../helpers/message-generator.js';

describe('identity and duplicates (public-inbox rules)', () => {
  it('stores identical bytes once and counts the copy', async () => {
    const db = openDb(':memory:');
    const raw = generateMessage({ messageId: 'same@x' });
    const s = await new Ingester(db).ingestBatch([{ raw }, { raw }]);
    expect(s).toMatchObject({ read: 2, stored: 1, duplicates: 1 });
    expect(db.prepare('SELECT count FROM copies').get()).toEqual({ count: 1 });
  });

  it('keeps both when a Message-ID comes back with other bytes, the second under a linked derived id', async () => {
    const db = openDb(':memory:');
    const a = generateMessage({ messageId: 'reused@x', body: 'first\n' });
    const b = generateMessage({ messageId: 'reused@x', body: 'second\n' });
    await new Ingester(db).ingestBatch([{ raw: a }, { raw: b }]);
    const rows = db.prepare('SELECT id, mid, header_mid, mid_source, variant_of FROM messages ORDER BY id').all() as {
      id: number;
      mid: string;
      mid_source: string;
      variant_of: number | null;
    }[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ mid: 'reused@x', mid_source: 'header', variant_of: null });
    expect(rows[1]!.mid).toMatch(/^reused@x#[0-9a-f]{12}$/);
    expect(rows[1]).toMatchObject({ header_mid: 'reused@x', mid_source: 'derived', variant_of: rows[0]!.id });
    expect(readRaw(db, rows[1]!.id)).toEqual(b);
  });

  it('gives a message without Message-ID a deterministic id from its content', async () => {
    const raw = generateMessage({ messageId: null, body: 'anonymous\n' });
    const mids = [];
    for (let i = 0; i < 2; i++) {
      const db = openDb(':memory:');
      await new Ingester(db).ingestBatch([{ raw }]);
      mids.push(db.prepare('SELECT mid, mid_source FROM messages').get() as { mid: string; mid_source: string });
    }
    expect(mids[0]).toEqual(mids[1]);
    expect(mids[0]).toMatchObject({ mid_source: 'hash' });
  });

  it('gives the raw bytes back byte for byte', async () => {
    const db = openDb(':memory:');
    const raw = Buffer.concat([generateMessage({ messageId: 'bytes@x' }), Buffer.from([0xff, 0x00, 0x0d, 0x0a])]);
    await new Ingester(db).ingestBatch([{ raw }]);
    expect(readRaw(db, 1)!.equals(raw)).toBe(true);
  });

  it('rolls the whole batch back when a hook fails, cursor included', async () => {
    const db = openDb(':memory:');
    const ing = new Ingester(db);
    const batch = [{ raw: generateMessage() }, { raw: generateMessage() }];
    await expect(
      ing.ingestBatch(batch, {
        afterStore: [
          (_db, s) => {
            if (s.row.id === 2) throw new Error('boom');
          },
        ],
        commit: (d) => d.prepare("INSERT INTO sync_state VALUES ('a', 'INBOX', '1', 2, 0)").run(),
      }),
    ).rejects.toThrow('boom');
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM sync_state').get()).toEqual({ n: 0 });
  });
});
