import { describe, expect, it } from 'vitest';
import { buildThreadTree, flattenTree, type TreeInput } from '../../src/thread/tree.js';
import { treeJson } from '../../src/cli/thread.js';
import type { ThreadMessage } from '../../src/thread/reader.js';

const input = (
  mid: string,
  parent: string | null,
  date: number,
  refs: string[] = parent ? [parent] : [],
  headerMid: string | null = mid,
): ThreadMessage => ({
  id: date,
  threadId: 1,
  mid,
  headerMid,
  parent,
  refs,
  date,
  key: `k-${mid}`,
  fromName: '',
  fromAddr: '',
  subject: mid,
});

const ids = (roots: ReturnType<typeof buildThreadTree<TreeInput>>) =>
  flattenTree(roots).map(({ node, depth }) => `${depth}:${node.message ? node.message.mid : '?' + node.id}`);

describe('read-time thread tree', () => {
  it('handles a 20,000-message reply chain without recursion (build, flatten, JSON)', () => {
    const n = 20_000;
    const msgs = Array.from({ length: n }, (_, i) => input(`m${i}`, i ? `m${i - 1}` : null, i));
    const roots = buildThreadTree(msgs);
    const flat = flattenTree(roots);
    expect(flat).toHaveLength(n);
    expect(flat.at(-1)!.depth).toBe(n - 1);
    const json = JSON.parse(treeJson(roots)) as { messageId: string; children: unknown[] }[];
    expect(json[0]!.messageId).toBe('m0');
  });

  it('breaks a cycle of parents whatever its length', () => {
    const msgs = [input('a', 'c', 1), input('b', 'a', 2), input('c', 'b', 3)];
    expect(ids(buildThreadTree(msgs))).toEqual(['0:c', '1:a', '2:b']);
  });

  it('orders roots and children by date, an undated message last', () => {
    const msgs = [input('r', null, 1), input('x', 'r', 5), input('y', 'r', 3), { ...input('z', 'r', 0), date: null }];
    expect(ids(buildThreadTree(msgs))).toEqual(['0:r', '1:y', '1:x', '1:z']);
  });

  it('keeps a ghost with several children, sorted by their earliest date', () => {
    const msgs = [input('b', 'g1', 5, ['g0', 'g1']), input('c', 'g0', 2, ['g0']), input('d', 'g1', 1, ['g0', 'g1'])];
    expect(ids(buildThreadTree(msgs))).toEqual(['0:?g0', '1:?g1', '2:d', '2:b', '1:c']);
  });

  it('gives the same tree for any input order', () => {
    const msgs = [input('a', null, 1), input('b', 'a', 2), input('c', 'lost', 3, ['a', 'lost']), input('d', 'c', 4, ['a', 'lost', 'c'])];
    const expected = ids(buildThreadTree(msgs));
    expect(expected).toEqual(['0:a', '1:b', '1:c', '2:d']); // the ghost "lost" has one child: it gives way
    expect(ids(buildThreadTree([...msgs].reverse()))).toEqual(expected);
    expect(ids(buildThreadTree([msgs[2]!, msgs[0]!, msgs[3]!, msgs[1]!]))).toEqual(expected);
  });

  it('a reused Message-ID: the earliest holder answers for the id, the other stays a sibling', () => {
    const msgs = [input('dup#2', null, 2, [], 'dup'), input('dup', null, 1, [], 'dup'), input('r', 'dup', 3)];
    expect(ids(buildThreadTree(msgs))).toEqual(['0:dup', '1:r', '0:dup#2']);
  });
});
