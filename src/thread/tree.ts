/**
 * The read-time thread tree (JWZ's algorithm, https://www.jwz.org/doc/threading.html, and
 * RFC 5256 section 2.2 REFERENCES), over one thread's messages:
 * 1. a node per message, keyed by its ids; a second message reusing a Message-ID keeps its own
 *    node, and replies to that id go to the canonical holder (earliest by date, then content key);
 * 2. each message hangs under its own parent (strict In-Reply-To, else last References id); a
 *    missing parent becomes a ghost placeholder;
 * 3. consecutive References ids link ghosts (and parentless messages) into a chain, so replies to
 *    different lost messages still meet under their common ancestor;
 * 4. a link that would close a loop is skipped; ghosts with no child vanish, ghosts with one
 *    child give way to it; children are ordered by date.
 * Messages are processed in a canonical order (date, content key), so the tree does not depend on
 * delivery order. Everything is iterative: no recursion on user data.
 */

export interface TreeInput {
  /** The stored identity (unique). */
  readonly mid: string;
  /** The Message-ID header (may be shared by several stored messages), or null. */
  readonly headerMid: string | null;
  /** Sanitised parent id (threadLinks().parent), or null for a thread start. */
  readonly parent: string | null;
  /** Sanitised reference ids, oldest first (threadLinks().refs). */
  readonly refs: readonly string[];
  readonly date: number | null;
  /** A delivery-independent tie-breaker, e.g. the content hash. */
  readonly key: string;
}

export interface TreeNode<T extends TreeInput> {
  /** The message id this node stands for (the stored id for messages). */
  readonly id: string;
  /** The message, or null for a ghost (referenced, not in the archive). */
  readonly message: T | null;
  readonly children: TreeNode<T>[];
}

interface Work<T extends TreeInput> {
  id: string;
  message: T | null;
  parent: Work<T> | null;
  children: Work<T>[];
  /** Earliest date in the subtree, for ordering ghosts among their siblings. */
  sortDate: number;
  sortKey: string;
}

const NO_DATE = Number.MAX_SAFE_INTEGER;

/** Build the forest of one thread: roots ordered by date, children by date. */
export function buildThreadTree<T extends TreeInput>(messages: readonly T[]): TreeNode<T>[] {
  const order = [...messages].sort(compareInput);
  const byId = new Map<string, Work<T>>();
  const nodes: Work<T>[] = [];
  for (const m of order) {
    const node: Work<T> = { id: m.mid, message: m, parent: null, children: [], sortDate: m.date ?? NO_DATE, sortKey: m.key };
    nodes.push(node);
    if (!byId.has(m.mid)) byId.set(m.mid, node);
    // The first message (canonical order) holding a Message-ID answers for it.
    if (m.headerMid && !byId.has(m.headerMid)) byId.set(m.headerMid, node);
  }
  const nodeFor = (id: string): Work<T> => {
    let n = byId.get(id);
    if (!n) {
      n = { id, message: null, parent: null, children: [], sortDate: NO_DATE, sortKey: id };
      byId.set(id, n);
    }
    return n;
  };
  // Step 2: each message's own parent is authoritative, unless it is not in the thread and the
  // References chain names a message of the thread after it: In-Reply-To then contradicts
  // References, and the deeper message is the parent (notmuch T510 "Use last Reference").
  for (const node of nodes) {
    const m = node.message!;
    if (m.parent !== null) link(nodeFor(deeperInThread(m, byId) ?? m.parent), node);
  }
  // Step 3: References chains place ghosts and parentless messages.
  for (const node of nodes) {
    const refs = node.message!.refs;
    for (let i = 1; i < refs.length; i++) {
      const child = nodeFor(refs[i]!);
      if (child.parent === null && child !== node) link(nodeFor(refs[i - 1]!), child);
    }
  }
  return finish([...new Set([...nodes, ...byId.values()])]);
}

/** The last References id after the (absent) parent that names a message of the thread, if any. */
function deeperInThread<T extends TreeInput>(m: T, byId: ReadonlyMap<string, Work<T>>): string | null {
  if (byId.get(m.parent!)?.message) return null;
  const at = m.refs.indexOf(m.parent!);
  for (let i = m.refs.length - 1; i > at; i--) if (byId.get(m.refs[i]!)?.message) return m.refs[i]!;
  return null;
}

function compareInput(a: TreeInput, b: TreeInput): number {
  return (
    (a.date ?? NO_DATE) - (b.date ?? NO_DATE) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
    (a.mid < b.mid ? -1 : a.mid > b.mid ? 1 : 0)
  );
}

/** parent ← child unless child already has a parent, or parent is child or below it (a loop). */
function link<T extends TreeInput>(parent: Work<T>, child: Work<T>): void {
  if (child.parent !== null || parent === child) return;
  for (let up: Work<T> | null = parent; up !== null; up = up.parent) if (up === child) return;
  child.parent = parent;
  parent.children.push(child);
}

/** Step 4: prune ghosts, compute subtree dates, sort, and freeze into TreeNodes. */
function finish<T extends TreeInput>(all: Work<T>[]): TreeNode<T>[] {
  let roots = all.filter((n) => n.parent === null);
  // Post-order (children before parents) by reversing a pre-order walk.
  const pre: Work<T>[] = [];
  const stack = [...roots];
  while (stack.length) {
    const n = stack.pop()!;
    pre.push(n);
    for (const c of n.children) stack.push(c);
  }
  for (let i = pre.length - 1; i >= 0; i--) {
    const n = pre[i]!;
    // Ghosts with no child vanish; a ghost with one child gives its place to the child.
    n.children = n.children.flatMap((c) => (c.message === null && c.children.length <= 1 ? c.children : [c]));
    for (const c of n.children) {
      c.parent = n;
      if (c.sortDate < n.sortDate && n.message === null) n.sortDate = c.sortDate;
    }
    n.children.sort(compareWork);
  }
  roots = roots.flatMap((r) => (r.message === null && r.children.length <= 1 ? r.children : [r]));
  roots.sort(compareWork);
  return roots.map(freeze);
}

function compareWork<T extends TreeInput>(a: Work<T>, b: Work<T>): number {
  return a.sortDate - b.sortDate || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0);
}

/** Work → TreeNode, iteratively. */
function freeze<T extends TreeInput>(root: Work<T>): TreeNode<T> {
  const out: TreeNode<T> = { id: root.id, message: root.message, children: [] };
  const stack: [Work<T>, TreeNode<T>][] = [[root, out]];
  while (stack.length) {
    const [w, t] = stack.pop()!;
    for (const c of w.children) {
      const tc: TreeNode<T> = { id: c.id, message: c.message, children: [] };
      t.children.push(tc);
      stack.push([c, tc]);
    }
  }
  return out;
}

/** Pre-order walk with depths (for indented text output), iterative. */
export function flattenTree<T extends TreeInput>(roots: readonly TreeNode<T>[]): { node: TreeNode<T>; depth: number }[] {
  const out: { node: TreeNode<T>; depth: number }[] = [];
  const stack: { node: TreeNode<T>; depth: number }[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ node: roots[i]!, depth: 0 });
  while (stack.length) {
    const e = stack.pop()!;
    out.push(e);
    for (let i = e.node.children.length - 1; i >= 0; i--) stack.push({ node: e.node.children[i]!, depth: e.depth + 1 });
  }
  return out;
}
