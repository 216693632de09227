import type { QueryNode } from './ast.js';
import type { CompiledQuery } from './compile.js';

/**
 * How a query was read, as an indented tree plus the FTS5 text and SQL condition it became
 * (`convene search --explain`). Iterative: an explicit stack, no recursion.
 */
export function explainQuery(root: QueryNode, compiled: CompiledQuery): string {
  const lines: string[] = [];
  const stack: { node: QueryNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    lines.push('  '.repeat(depth) + describe(node));
    const kids = node.kind === 'and' || node.kind === 'or' ? node.children : node.kind === 'not' ? [node.child] : [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth: depth + 1 });
  }
  lines.push('');
  lines.push(`full text (FTS5 MATCH): ${compiled.match ?? '(none at the top level)'}`);
  lines.push(`condition (SQL): ${compiled.where}${compiled.params.length ? `  with ${JSON.stringify(compiled.params)}` : ''}`);
  for (const b of compiled.rowids) lines.push(`rowid bound: messages_fts.rowid ${b.op} ${b.sql}  with ${JSON.stringify(b.params)}`);
  return lines.join('\n');
}

/** One node, in words. */
export function describe(node: QueryNode): string {
  switch (node.kind) {
    case 'and':
      return 'AND (all of)';
    case 'or':
      return 'OR (any of)';
    case 'not':
      return 'NOT';
    case 'all':
      return '* every message';
    case 'text': {
      const what = node.quoted || /[^\p{L}\p{N}_]/u.test(node.text) ? `phrase "${node.text}"` : `word "${node.text}"`;
      const where = node.field === 'text' ? 'free text' : `${node.field}:`;
      return `${where} ${what}${node.wildcard ? ' (prefix)' : ''} in ${node.columns.join(', ')}; stemmed`;
    }
    case 'id':
      return `id: Message-ID is exactly "${node.value}"`;
    case 'thread':
      return /^\d+$/.test(node.value) ? `thread: thread number ${node.value}` : `thread: the thread holding Message-ID "${node.value}"`;
    case 'date':
      return (
        `date: "${node.text}" = ${node.from === null ? '(open)' : iso(node.from)} <= date < ` +
        `${node.to === null ? '(open)' : iso(node.to)} (UTC)`
      );
    case 'flag':
      return node.flag === 'attachment' ? 'has:attachment (at least one attachment)' : 'is:reply (has a parent)';
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
