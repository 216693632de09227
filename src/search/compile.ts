import type { QueryNode } from './ast.js';
import { ftsLeaf } from './fts.js';

/**
 * A query compiled to SQL over `messages m`. `where` uses only `?` parameters. When the query's
 * top level has a full-text part, `match` holds it as one FTS5 expression: the search joins
 * messages_fts on it and can rank by bm25; otherwise full-text parts sit in `where` as
 * `m.id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?)`.
 */
export interface CompiledQuery {
  readonly where: string;
  readonly params: readonly (string | number)[];
  readonly match: string | null;
  /** Bounds on the FTS rowid (= messages.id) that a date range beside `match` implies (rowidBounds). */
  readonly rowids: readonly RowidBound[];
}

/** `messages_fts.rowid <op> (scalar subquery)`. */
export interface RowidBound {
  readonly op: '>=' | '<=';
  readonly sql: string;
  readonly params: readonly number[];
}

/** `where` with the rowid bounds in front: the whole condition beside `match`. */
export function boundedWhere(q: CompiledQuery): { sql: string; params: (string | number)[] } {
  const parts = [
    ...q.rowids.map((b) => ({ sql: `messages_fts.rowid ${b.op} ${b.sql}`, params: [...b.params] })),
    { sql: q.where, params: [...q.params] },
  ];
  return join(parts, ' AND ');
}

interface Sql {
  readonly sql: string;
  readonly params: (string | number)[];
}

const FTS_IN = 'm.id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?)';

/**
 * The FTS5 expression for a subtree made only of text leaves, or null. NOT is binary in FTS5
 * ("a NOT b"), so a negation is folded in only beside at least one positive full-text sibling.
 */
export function ftsExpression(root: QueryNode): string | null {
  return fullTextParts(root).get(root) ?? null;
}

function combine(node: QueryNode, done: Map<QueryNode, string | null>): string | null {
  switch (node.kind) {
    case 'text':
      return ftsLeaf(node);
    case 'or': {
      const parts = node.children.map((c) => done.get(c) ?? null);
      return parts.every((p) => p !== null) ? `(${parts.join(' OR ')})` : null;
    }
    case 'and':
      return andExpression(node.children, done);
    default:
      return null; // not, all, id, thread, date, flag: SQL
  }
}

/** `(p1 AND p2) NOT (n1) NOT (n2)` when every child is full text and one is positive; else null. */
function andExpression(children: readonly QueryNode[], done: Map<QueryNode, string | null>): string | null {
  const { pos, neg, rest } = splitAnd(children, done);
  if (rest.length || !pos.length) return null;
  return `(${pos.join(' AND ')})${neg.map((n) => ` NOT ${n}`).join('')}`;
}

function splitAnd(children: readonly QueryNode[], done: Map<QueryNode, string | null>) {
  const pos: string[] = [];
  const neg: string[] = [];
  const rest: QueryNode[] = [];
  for (const c of children) {
    const f = done.get(c) ?? null;
    if (f !== null) pos.push(f);
    else if (c.kind === 'not' && (done.get(c.child) ?? null) !== null) neg.push(done.get(c.child)!);
    else rest.push(c);
  }
  return { pos, neg, rest };
}

/** Compile a parsed query. */
export function compileQuery(root: QueryNode): CompiledQuery {
  const done = fullTextParts(root);
  const whole = done.get(root) ?? null;
  if (whole !== null) return { where: '1', params: [], match: whole, rowids: [] };
  if (root.kind === 'and') {
    const { pos, neg, rest } = splitAnd(root.children, done);
    if (pos.length) {
      const where = rest.length ? toSql({ kind: 'and', children: rest }, done) : { sql: '1', params: [] };
      const match = `(${pos.join(' AND ')})${neg.map((n) => ` NOT ${n}`).join('')}`;
      return { where: where.sql, params: where.params, match, rowids: rest.flatMap(rowidBounds) };
    }
  }
  const where = toSql(root, done);
  return { where: where.sql, params: where.params, match: null, rowids: [] };
}

/**
 * For a date range beside a full-text match: bounds on the FTS rowid (= messages.id), the ids of
 * the first and last message in the range, read from the date index. FTS5 then walks only that
 * stretch of each doclist instead of every match (a busy sender over years: 135 ms → 7 ms at
 * 200k messages). The date condition itself still applies, so the result is exact.
 */
function rowidBounds(node: QueryNode): RowidBound[] {
  if (node.kind !== 'date' || (node.from === null && node.to === null)) return [];
  const conds = [...(node.from !== null ? ['date >= ?'] : []), ...(node.to !== null ? ['date < ?'] : [])].join(' AND ');
  const params = [...(node.from !== null ? [node.from] : []), ...(node.to !== null ? [node.to] : [])];
  return [
    { op: '>=', sql: `(SELECT coalesce(min(id), 0) FROM messages WHERE ${conds})`, params },
    { op: '<=', sql: `(SELECT coalesce(max(id), -1) FROM messages WHERE ${conds})`, params },
  ];
}

/** ftsExpression for every node of the tree, computed once, post-order with an explicit stack. */
function fullTextParts(root: QueryNode): Map<QueryNode, string | null> {
  const done = new Map<QueryNode, string | null>();
  const stack: { node: QueryNode; expanded: boolean }[] = [{ node: root, expanded: false }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const node = top.node;
    const kids = node.kind === 'and' || node.kind === 'or' ? node.children : node.kind === 'not' ? [node.child] : [];
    if (!top.expanded && kids.length) {
      top.expanded = true;
      for (const k of kids) stack.push({ node: k, expanded: false });
      continue;
    }
    stack.pop();
    done.set(node, combine(node, done));
  }
  return done;
}

/** SQL for a subtree; nesting is bounded by the parser's MAX_DEPTH, so recursion here is bounded. */
function toSql(node: QueryNode, done: Map<QueryNode, string | null>): Sql {
  const fts = done.get(node) ?? null;
  if (fts !== null) return { sql: FTS_IN, params: [fts] };
  switch (node.kind) {
    case 'all':
      return { sql: '1', params: [] };
    case 'text':
      return { sql: FTS_IN, params: [ftsLeaf(node)] };
    case 'not': {
      const inner = toSql(node.child, done);
      return { sql: `NOT (${inner.sql})`, params: inner.params };
    }
    case 'and': {
      const { pos, neg, rest } = splitAnd(node.children, done);
      const parts: Sql[] = [];
      if (pos.length) parts.push({ sql: FTS_IN, params: [`(${pos.join(' AND ')})${neg.map((n) => ` NOT ${n}`).join('')}`] });
      else for (const n of neg) parts.push({ sql: `NOT (${FTS_IN})`, params: [n] });
      for (const c of rest) parts.push(toSql(c, done));
      return join(parts, ' AND ');
    }
    case 'or':
      return join(
        node.children.map((c) => toSql(c, done)),
        ' OR ',
      );
    case 'id':
      return { sql: '(m.mid = ? OR m.header_mid = ?)', params: [node.value, node.value] };
    case 'thread':
      if (/^\d{1,15}$/.test(node.value)) return { sql: 'm.thread_id = ?', params: [Number(node.value)] };
      return {
        sql:
          'm.thread_id IN (SELECT thread_id FROM messages WHERE mid = ? OR header_mid = ? ' +
          'UNION SELECT thread_id FROM ghosts WHERE mid = ?)',
        params: [node.value, node.value, node.value],
      };
    case 'date': {
      const parts: Sql[] = [];
      if (node.from !== null) parts.push({ sql: 'm.date >= ?', params: [node.from] });
      if (node.to !== null) parts.push({ sql: 'm.date < ?', params: [node.to] });
      return join(parts, ' AND ');
    }
    case 'flag':
      return node.flag === 'attachment'
        ? { sql: "m.attachments_json <> '[]'", params: [] }
        : { sql: 'm.parent_mid IS NOT NULL', params: [] };
  }
}

function join(parts: readonly Sql[], op: string): Sql {
  if (parts.length === 0) return { sql: '1', params: [] };
  if (parts.length === 1) return parts[0]!;
  return { sql: parts.map((p) => `(${p.sql})`).join(op), params: parts.flatMap((p) => p.params) };
}
