/**
 * Parent links against notmuch (issue 14 acceptance): for every message both hold, is the
 * message it hangs under in the thread view the same? notmuch's is read from `notmuch show
 * --format=json` (each reply nested under its parent, lib/thread.cc); ours from the read-time tree
 * (thread/tree.ts) with ghost placeholders skipped, since notmuch shows no missing messages.
 * Each disagreement gets a reason, from the message's stored headers and the two trees.
 */
import type { Db } from '../../src/store/db.js';
import { loadThread, type ThreadMessage } from '../../src/thread/reader.js';
import { buildThreadTree, type TreeNode } from '../../src/thread/tree.js';

/** Message key (header Message-ID, else stored id) → its parent's key, or null for a thread top. */
export type Parents = Map<string, string | null>;

/** notmuch's parents from the parsed JSON of `notmuch show --format=json --entire-thread=true '*'`. */
export function notmuchParents(threads: unknown[]): Parents {
  const out: Parents = new Map();
  // A thread is a list of [message, replies] pairs; replies is such a list again.
  const stack: { pairs: unknown; parent: string | null }[] = threads.map((t) => ({ pairs: t, parent: null }));
  while (stack.length) {
    const { pairs, parent } = stack.pop()!;
    if (!Array.isArray(pairs)) continue;
    for (const pair of pairs) {
      if (!Array.isArray(pair)) continue;
      const [msg, replies] = pair as [{ id?: string } | null, unknown];
      const id = msg && typeof msg.id === 'string' ? msg.id : null;
      if (id !== null && !out.has(id)) out.set(id, parent);
      stack.push({ pairs: replies, parent: id ?? parent });
    }
  }
  return out;
}

/** Our parents, thread by thread, from the same tree `convene thread` prints. */
export function ourParents(db: Db): { parents: Parents; messages: Map<string, ThreadMessage> } {
  const parents: Parents = new Map();
  const messages = new Map<string, ThreadMessage>();
  const tids = db.prepare<[], { t: number }>('SELECT DISTINCT thread_id AS t FROM messages WHERE thread_id IS NOT NULL').all();
  for (const { t } of tids) {
    const stack: { node: TreeNode<ThreadMessage>; parent: string | null }[] = buildThreadTree(loadThread(db, t)).map((node) => ({
      node,
      parent: null,
    }));
    while (stack.length) {
      const { node, parent } = stack.pop()!;
      const key = node.message ? (node.message.headerMid ?? node.message.mid) : null;
      if (key !== null && !parents.has(key)) {
        parents.set(key, parent);
        messages.set(key, node.message!);
      }
      for (const c of node.children) stack.push({ node: c, parent: key ?? parent });
    }
  }
  return { parents, messages };
}

/** Why our parent and notmuch's differ for one message, in a few words. */
export function disagreement(
  key: string,
  ours: Parents,
  theirs: Parents,
  messages: Map<string, ThreadMessage>,
  dupes: Set<string>,
): string {
  const mine = ours.get(key) ?? null;
  const nm = theirs.get(key) ?? null;
  const m = messages.get(key);
  if (dupes.has(key) || (mine && dupes.has(mine)) || (nm && dupes.has(nm)))
    return 'a Message-ID stored twice (notmuch keeps one message per id)';
  if (!m) return 'not in our tree';
  const inThread = (id: string | null): boolean => id !== null && ours.has(id);
  if (m.parent !== null && !inThread(m.parent)) {
    if (nm !== null && m.refs.includes(nm)) {
      if (mine === null) return 'parent missing; notmuch hangs it under an older References id, we leave it at the top';
      if (m.refs.indexOf(mine) > m.refs.indexOf(nm))
        return (
          'parent missing; we take the nearest stored ancestor in References order, notmuch the stored one ' +
          'deepest in its own tree (lib/thread.cc), which other missing messages make shallower'
        );
      return 'parent missing; notmuch and we pick different older References ids';
    }
    return 'parent missing; the two trees place the orphan differently';
  }
  if (m.parent !== null && nm === m.parent) return 'our tree moved it to keep a loop out, or under a deeper References id';
  if (mine === m.parent && nm !== null && nm !== m.parent)
    return "notmuch's parent is not our stored parent (In-Reply-To read differently)";
  if (mine === null && nm !== null) return 'we keep it at the top, notmuch nests it';
  if (nm === null && mine !== null)
    return m.parent === null ? "a thread top that a reply's References chain put under another message" : 'notmuch keeps it at the top';
  return 'other';
}

/** Compare and print section (c) of the report. */
export function compareParents(db: Db, threads: unknown[]): void {
  const theirs = notmuchParents(threads);
  const { parents: ours, messages } = ourParents(db);
  const dupes = new Set(
    db
      .prepare<[], { k: string }>(
        'SELECT header_mid AS k FROM messages WHERE header_mid IS NOT NULL GROUP BY header_mid HAVING COUNT(*) > 1',
      )
      .all()
      .map((r) => r.k),
  );
  let both = 0;
  let same = 0;
  const reasons = new Map<string, string[]>();
  for (const [key, mine] of ours) {
    if (!theirs.has(key)) continue;
    both++;
    const nm = theirs.get(key) ?? null;
    if (mine === nm) {
      same++;
      continue;
    }
    const why = disagreement(key, ours, theirs, messages, dupes);
    reasons.set(why, [...(reasons.get(why) ?? []), `${key} (ours: ${mine ?? 'top'}, notmuch: ${nm ?? 'top'})`]);
  }
  console.log(
    `\n(c) parent links: ${same}/${both} messages (${((100 * same) / both).toFixed(2)}%) hang under the same parent in both trees`,
  );
  for (const [why, keys] of [...reasons].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${keys.length} ${why}`);
    for (const k of keys.slice(0, 2)) console.log(`      e.g. ${k}`);
  }
}
