import type { TextLeaf } from './ast.js';

/**
 * FTS5 text built only from quoted strings: every user term becomes "..." with inner quotes
 * doubled (FTS5's only escape), so no user text can be read as FTS5 syntax (operators, column
 * filters, NEAR, ^). A string of several tokens is a phrase; a trailing * outside the quotes is
 * FTS5's prefix query.
 */
export function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** One text leaf as an FTS5 expression: `{col col} : "text"` (plus ` *` for a prefix search). */
export function ftsLeaf(leaf: TextLeaf): string {
  return `{${leaf.columns.join(' ')}} : ${ftsString(leaf.text)}${leaf.wildcard ? ' *' : ''}`;
}
