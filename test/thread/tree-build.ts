/** Helpers for thread tests: load a thread's tree and print it compactly. */
import type { Db } from '../../src/store/db.js';
import { loadThread, resolveThreadId, type ThreadMessage } from '../../src/thread/reader.js';
import { buildThreadTree, flattenTree, type TreeNode } from '../../src/thread/tree.js';

/** Thread id of a Message-ID. */
export function tidOf(db: Db, mid: string): number | null {
  return resolveThreadId(db, mid);
}

/** "a(b(c) d)" for the tree of the thread holding `mid`; ghosts are written ?id. */
export function treeOf(db: Db, mid: string): string {
  const tid = tidOf(db, mid);
  if (tid === null) throw new Error(`no thread for ${mid}`);
  return render(buildThreadTree(loadThread(db, tid)));
}

/** Iterative rendering of a forest: children in parentheses, siblings separated by spaces. */
export function render(roots: readonly TreeNode<ThreadMessage>[], label: (n: TreeNode<ThreadMessage>) => string = defaultLabel): string {
  let out = '';
  let prevDepth = -1;
  for (const { node, depth } of flattenTree(roots)) {
    if (depth > prevDepth && prevDepth >= 0) out += '(';
    else if (prevDepth >= 0) out += ')'.repeat(prevDepth - depth) + ' ';
    out += label(node);
    prevDepth = depth;
  }
  return out + ')'.repeat(Math.max(0, prevDepth));
}

function defaultLabel(n: TreeNode<ThreadMessage>): string {
  const id = n.message ? (n.message.headerMid ?? n.message.mid) : `?${n.id}`;
  return id.replace(/@.*$/, '');
}

/** Partition: sorted lists of header Message-IDs per thread, as one canonical string. */
export function partition(db: Db): string {
  const rows = db.prepare<[], { t: number; k: string }>('SELECT thread_id AS t, COALESCE(header_mid, mid) AS k FROM messages').all();
  const groups = new Map<number, string[]>();
  for (const r of rows) groups.set(r.t, [...(groups.get(r.t) ?? []), r.k]);
  return [...groups.values()]
    .map((g) => g.sort().join(','))
    .sort()
    .join('\n');
}
