import { describe, expect, it } from 'vitest';
import { reindex } from '../../src/ingest/reindex.js';
import { prepareQuery } from '../../src/search/query.js';
import { searchMessages } from '../../src/search/run.js';
import { loadThread } from '../../src/thread/reader.js';
import { buildThreadTree } from '../../src/thread/tree.js';
import { dbWith, ext4Threads } from '../search/fixture-db.js';
import { partition, render } from './tree-build.js';
import type { Db } from '../../src/store/db.js';

function snapshot(db: Db) {
  const tids = db.prepare<[], { t: number }>('SELECT DISTINCT thread_id AS t FROM messages').all();
  const trees = tids.map(({ t }) => render(buildThreadTree(loadThread(db, t)))).sort();
  const parents = db.prepare('SELECT mid, parent_mid FROM messages ORDER BY mid').all();
  const hits = (q: string) => searchMessages(db, prepareQuery(q, 0).compiled, { sort: 'oldest', limit: 0 }).map((h) => h.mid);
  return { partition: partition(db), trees, parents, journal: hits('journal'), from: hits('from:tytso'), reply: hits('is:reply -fsync') };
}

describe('db reindex rebuilds threads and the index from raw mail', () => {
  it('gives the same partition, trees, parents and search results', async () => {
    const raws = await ext4Threads();
    const db = await dbWith([...raws].reverse(), 7);
    const before = snapshot(db);
    expect(before.journal.length).toBeGreaterThan(0);
    await reindex(db);
    expect(snapshot(db)).toEqual(before);
    db.close();
  });
});
