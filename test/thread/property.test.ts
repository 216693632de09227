import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { loadThread } from '../../src/thread/reader.js';
import { buildThreadTree } from '../../src/thread/tree.js';
import { dbWith, ext4Threads } from '../search/fixture-db.js';
import { partition, render } from './tree-build.js';

/** Every thread's tree, labelled by Message-ID and content hash (row ids differ between orders). */
function trees(db: Db): string {
  const tids = db.prepare<[], { t: number }>('SELECT DISTINCT thread_id AS t FROM messages').all();
  return tids
    .map(({ t }) =>
      render(buildThreadTree(loadThread(db, t)), (n) => (n.message ? `${n.message.headerMid}#${n.message.key.slice(0, 8)}` : `?${n.id}`)),
    )
    .sort()
    .join('\n');
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('threading does not depend on delivery order (real ext4 threads)', () => {
  it('many random orders and batch sizes give the same partition and the same trees', async () => {
    const raws = await ext4Threads();
    expect(raws.length).toBe(101);
    const base = await dbWith(raws);
    const expectedPartition = partition(base);
    const expectedTrees = trees(base);
    // The slice is 11 threads by construction; its trees have ghosts and branches.
    expect(expectedPartition.split('\n')).toHaveLength(11);
    expect(expectedTrees).toContain('?');
    expect(expectedTrees).toMatch(/\(.* .*\)/);
    base.close();
    for (let seed = 1; seed <= 8; seed++) {
      const order = seed === 1 ? [...raws].reverse() : shuffled(raws, seed);
      const db = await dbWith(order, 1 + (seed % 4) * 13);
      expect(partition(db), `order ${seed}`).toBe(expectedPartition);
      expect(trees(db), `order ${seed}`).toBe(expectedTrees);
      db.close();
    }
  });
});
