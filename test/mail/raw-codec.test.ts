import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ingester } from '../../src/ingest/ingester.js';
import { openDb } from '../../src/store/db.js';
import { iterateRaw } from '../../src/store/raw-reader.js';
import { buildDictionary, decodeRaw, encodeRaw } from '../../src/mail/raw-codec.js';
import { generateMessage } from '../helpers/message-generator.js';
import { tempDir } from '../helpers/tmp.js';

describe('raw storage codec', () => {
  const dir = tempDir();

  it('builds a dictionary from repeated lines and round-trips with it', () => {
    const sample = Array.from({ length: 10 }, (_, i) =>
      generateMessage({ headers: { 'X-Mailing-List': 'devel@lists.example.org' }, body: `text ${i}\n` }),
    );
    const bytes = buildDictionary(sample)!;
    expect(bytes.toString()).toContain('X-Mailing-List: devel@lists.example.org');
    const enc = encodeRaw(sample[0]!, { key: 'k1', bytes });
    expect(enc.codec).toBe('deflate:k1');
  });

  it('compresses with the archive dictionary from the first large batch on, and decodes after reopening', async () => {
    const path = join(dir, 'dict.sqlite');
    const db = openDb(path);
    const batch = Array.from({ length: 80 }, (_, i) => ({ raw: generateMessage({ messageId: `d${i}@x`, body: `body ${i}\n` }) }));
    await new Ingester(db).ingestBatch(batch);
    const codecs = db.prepare('SELECT DISTINCT codec FROM raw').all() as { codec: string }[];
    expect(codecs).toHaveLength(1);
    expect(codecs[0]!.codec).toMatch(/^deflate:[0-9a-f]{16}$/);
    db.close();
    const again = openDb(path);
    const back = [...iterateRaw(again)].map((r) => r.raw);
    expect(back).toEqual(batch.map((b) => b.raw));
    again.close();
  });

  it('refuses to decode with an unknown dictionary instead of returning garbage', () => {
    expect(() => decodeRaw('deflate:0000000000000000', Buffer.from([1, 2, 3]))).toThrow(/dictionary not loaded/);
  });

  it('prepares in worker threads with the same result as in-thread (compiled build)', async () => {
    const { PreparePool, prepareInThread } = await import('../../dist/src/mail/prepare-pool.js' as string);
    const pool = PreparePool.create(2);
    expect(pool).not.toBeNull();
    const batch = Array.from({ length: 9 }, (_, i) => ({ raw: generateMessage({ messageId: `w${i}@x`, subject: `Subject ${i}` }) }));
    // A big one in the middle is prepared on this thread; the order must hold all the same.
    batch.splice(4, 0, {
      raw: generateMessage({ messageId: 'big@x', subject: 'Big', body: 'x'.repeat(72) + '\n'.repeat(1) + 'y\n'.repeat(800_000) }),
    });
    try {
      const a = await pool.prepare(batch);
      const b = await prepareInThread(batch);
      expect(a.map((p: { hash: string; parsed: { subject: string } }) => [p.hash, p.parsed.subject])).toEqual(
        b.map((p: { hash: string; parsed: { subject: string } }) => [p.hash, p.parsed.subject]),
      );
      expect(a.every((p: { raw: Buffer }, i: number) => p.raw.equals(batch[i]!.raw))).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
