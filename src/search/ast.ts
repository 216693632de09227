import type { FtsColumn } from './prefixes.js';

/**
 * The parsed query. Leaves carry the 1-based column where they started, for explain and errors.
 * Text leaves keep the user's text: the compiler quotes it as an FTS5 string, never raw.
 */
export type QueryNode =
  | { readonly kind: 'and'; readonly children: readonly QueryNode[] }
  | { readonly kind: 'or'; readonly children: readonly QueryNode[] }
  | { readonly kind: 'not'; readonly child: QueryNode }
  | { readonly kind: 'all' }
  | TextLeaf
  | { readonly kind: 'id'; readonly value: string; readonly column: number }
  | { readonly kind: 'thread'; readonly value: string; readonly column: number }
  | DateLeaf
  | { readonly kind: 'flag'; readonly flag: 'attachment' | 'reply'; readonly column: number };

export interface TextLeaf {
  readonly kind: 'text';
  /** Prefix name ('from', 'subject', ...) or 'text' for a bare word. */
  readonly field: string;
  readonly columns: readonly FtsColumn[];
  readonly text: string;
  /** Written in double quotes. */
  readonly quoted: boolean;
  /** Ends in `*`: a prefix search on the last word. */
  readonly wildcard: boolean;
  readonly column: number;
}

export interface DateLeaf {
  readonly kind: 'date';
  readonly text: string;
  /** Inclusive start, ms since the epoch (UTC), or null for an open start. */
  readonly from: number | null;
  /** Exclusive end, or null for an open end. */
  readonly to: number | null;
  readonly column: number;
}
