import type { QueryNode } from './ast.js';
import { parseDateValue } from './dates.js';
import { syntaxError, tokenize, type Token, type WordToken } from './lexer.js';
import { FREE_TEXT_COLUMNS, findPrefix, type Prefix } from './prefixes.js';

/** Nesting deeper than this is refused: the parser recurses once per level, never on user data beyond it. */
export const MAX_DEPTH = 64;

/**
 * Terms beyond this are refused: each becomes a node of SQLite's expression tree, whose depth
 * is capped at 1000 (1,500 `NOT id:` terms came back as an internal error).
 */
export const MAX_TERMS = 256;

/**
 * A prefix search (`ab*`) needs this many letters or digits before the `*`: FTS5 expands the
 * prefix to every matching term, and one letter matches a good part of the vocabulary (`a*`
 * took seconds on a large archive).
 */
export const MIN_PREFIX = 2;

export interface ParseOptions {
  /** The clock for relative dates (ms since the epoch). */
  readonly now: number;
}

/**
 * Parse a query into a QueryNode. Grammar (Xapian / notmuch style):
 *   or   := and (OR and)*
 *   and  := unary (AND? unary)*        -- AND is implicit between terms
 *   unary:= (NOT | -)* primary
 *   primary := '(' or ')' | prefix:'(' or ')' | term | '*'
 * Recursion happens only at '(' and is bounded by MAX_DEPTH. Errors are one line with a column.
 */
export function parseQuery(query: string, options: ParseOptions): QueryNode {
  const tokens = tokenize(query, (name) => findPrefix(name) !== undefined);
  if (tokens.length === 0) throw syntaxError('empty query (use * to match every message)', 1);
  const terms = tokens.filter((t) => t.t === 'word');
  if (terms.length > MAX_TERMS)
    throw syntaxError(`the query has ${terms.length} terms; at most ${MAX_TERMS} are allowed`, terms[MAX_TERMS]!.column);
  const p = new Parser(tokens, options, query.length + 1);
  const node = p.parseOr(0, null);
  const rest = p.peek();
  if (rest) throw syntaxError(rest.t === 'rparen' ? "unexpected ')' with no '(' before it" : 'unexpected token', rest.column);
  return node;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly options: ParseOptions,
    private readonly endColumn: number,
  ) {}

  peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private column(): number {
    return this.peek()?.column ?? this.endColumn;
  }

  /** True when no term can start here (end, ')', or a binary operator). */
  private atTermEnd(): boolean {
    const t = this.peek();
    return !t || t.t === 'rparen' || (t.t === 'op' && t.op !== 'NOT');
  }

  parseOr(depth: number, field: Prefix | null): QueryNode {
    const first = this.peek();
    if (first?.t === 'op' && first.op !== 'NOT') throw syntaxError(`${first.op} needs a term before it`, first.column);
    const children = [this.parseAnd(depth, field)];
    for (let t = this.peek(); t?.t === 'op' && t.op === 'OR'; t = this.peek()) {
      this.pos++;
      if (this.atTermEnd()) throw syntaxError('OR needs a term after it', this.column());
      children.push(this.parseAnd(depth, field));
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  private parseAnd(depth: number, field: Prefix | null): QueryNode {
    const children: QueryNode[] = [];
    for (;;) {
      const t = this.peek();
      if (!t || t.t === 'rparen' || (t.t === 'op' && t.op === 'OR')) break;
      if (t.t === 'op' && t.op === 'AND') {
        this.pos++;
        if (this.atTermEnd()) throw syntaxError('AND needs a term after it', this.column());
        continue;
      }
      children.push(this.parseUnary(depth, field));
    }
    if (children.length === 0) {
      const t = this.peek();
      throw t?.t === 'rparen'
        ? syntaxError("empty parentheses or a ')' with nothing before it", t.column)
        : syntaxError('a term is missing', this.column());
    }
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }

  private parseUnary(depth: number, field: Prefix | null): QueryNode {
    let negations = 0;
    for (let t = this.peek(); t?.t === 'op' && t.op === 'NOT'; t = this.peek()) {
      this.pos++;
      negations++;
      if (this.atTermEnd()) throw syntaxError(`${t.spelling === '-' ? "'-'" : 'NOT'} needs a term after it`, this.column());
    }
    let node = this.parsePrimary(depth, field);
    // NOT NOT x is x; keep one level at most.
    if (negations % 2 === 1) node = { kind: 'not', child: node };
    return node;
  }

  private parsePrimary(depth: number, field: Prefix | null): QueryNode {
    const t = this.tokens[this.pos++];
    if (!t) throw syntaxError('a term is missing', this.endColumn);
    switch (t.t) {
      case 'all':
        return { kind: 'all' };
      case 'rparen':
        throw syntaxError("unexpected ')'", t.column);
      case 'op':
        throw syntaxError(`${t.op} needs a term before it`, t.column);
      case 'lparen': {
        if (depth + 1 > MAX_DEPTH) throw syntaxError(`parentheses nested deeper than ${MAX_DEPTH}`, t.column);
        let inner = field;
        if (t.prefix !== undefined) {
          inner = findPrefix(t.prefix)!;
          if (inner.kind !== 'text') throw syntaxError(`${t.prefix}: cannot take a parenthesised group`, t.column);
        }
        const node = this.parseOr(depth + 1, inner);
        const close = this.tokens[this.pos];
        if (close?.t !== 'rparen') throw syntaxError(`missing ')' for the '(' opened at column ${t.column}`, this.column());
        this.pos++;
        return node;
      }
      case 'word':
        return this.leaf(t, field);
    }
  }

  private leaf(t: WordToken, field: Prefix | null): QueryNode {
    const prefix = t.prefix === null ? field : findPrefix(t.prefix)!;
    const value = t.value;
    if (!prefix || prefix.kind === 'text') {
      // ASCII first: a cold process takes about a millisecond to compile the \p classes.
      if (!/[0-9A-Za-z]/.test(value) && !/[\p{L}\p{N}]/u.test(value))
        throw syntaxError(`"${value}" has no letters or digits to search for`, t.column);
      // The prefix is the last token of the value: "foo b*" expands b.
      if (t.wildcard && !/[0-9A-Za-z_]{2}$/.test(value) && [.../[\p{L}\p{N}_]*$/u.exec(value)![0]].length < MIN_PREFIX)
        throw syntaxError(`"${value}*": a prefix search needs at least ${MIN_PREFIX} letters or digits before the *`, t.column);
      return {
        kind: 'text',
        field: prefix?.name ?? 'text',
        columns: prefix?.columns ?? FREE_TEXT_COLUMNS,
        text: value,
        quoted: t.quoted,
        wildcard: t.wildcard,
        column: t.column,
      };
    }
    const name = t.prefix ?? prefix.name;
    if (value.trim() === '') throw syntaxError(`${name}: needs a value`, t.column);
    switch (prefix.kind) {
      case 'id':
        return { kind: 'id', value: stripBrackets(value), column: t.column };
      case 'thread':
        return { kind: 'thread', value: stripBrackets(value), column: t.column };
      case 'date': {
        const r = parseDateValue(value, this.options.now);
        if (!r.ok) throw syntaxError(r.problem, t.column);
        return { kind: 'date', text: value, from: r.range.from, to: r.range.to, column: t.column };
      }
      case 'has':
        if (!/^attachments?$/i.test(value)) throw syntaxError(`has: knows only "attachment", not "${value}"`, t.column);
        return { kind: 'flag', flag: 'attachment', column: t.column };
      case 'is':
        if (!/^reply$/i.test(value)) throw syntaxError(`is: knows only "reply", not "${value}"`, t.column);
        return { kind: 'flag', flag: 'reply', column: t.column };
    }
  }
}

function stripBrackets(id: string): string {
  return id.trim().replace(/^<(.*)>$/, '$1');
}
