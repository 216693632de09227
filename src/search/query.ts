import type { QueryNode } from './ast.js';
import { compileQuery, type CompiledQuery } from './compile.js';
import { parseQuery } from './parser.js';

export interface PreparedQuery {
  readonly text: string;
  readonly ast: QueryNode;
  readonly compiled: CompiledQuery;
}

/** Parse and compile a query; `now` is the clock for relative dates. Throws QUERY_SYNTAX errors. */
export function prepareQuery(text: string, now: number): PreparedQuery {
  const ast = parseQuery(text, { now });
  return { text, ast, compiled: compileQuery(ast) };
}
