import { describe, expect, it } from 'vitest';
import { ConveneError } from '../../src/errors.js';
import { parseQuery, MAX_DEPTH } from '../../src/search/parser.js';
import type { QueryNode } from '../../src/search/ast.js';

const NOW = Date.UTC(2024, 4, 15, 12, 0, 0); // 2024-05-15T12:00Z
const parse = (q: string): QueryNode => parseQuery(q, { now: NOW });

/** A compact rendering of the tree, for readable expectations. */
function show(n: QueryNode): string {
  switch (n.kind) {
    case 'and':
      return `(${n.children.map(show).join(' & ')})`;
    case 'or':
      return `(${n.children.map(show).join(' | ')})`;
    case 'not':
      return `!${show(n.child)}`;
    case 'all':
      return '*';
    case 'text':
      return `${n.field}:${n.quoted ? `"${n.text}"` : n.text}${n.wildcard ? '*' : ''}`;
    case 'id':
      return `id=${n.value}`;
    case 'thread':
      return `thread=${n.value}`;
    case 'date':
      return `date[${n.from === null ? '' : new Date(n.from).toISOString()}..${n.to === null ? '' : new Date(n.to).toISOString()})`;
    case 'flag':
      return `flag=${n.flag}`;
  }
}

function syntaxError(q: string): string {
  try {
    parse(q);
  } catch (err) {
    expect(err).toBeInstanceOf(ConveneError);
    expect((err as ConveneError).code).toBe('QUERY_SYNTAX');
    expect((err as Error).message).not.toMatch(/\n|sqlite|fts5|SQL/i);
    return (err as Error).message;
  }
  throw new Error(`expected a syntax error for ${q}`);
}

describe('query parser: prefixes (long and short spellings)', () => {
  it.each([
    ['from:alice', 'from:alice'],
    ['f:alice', 'from:alice'],
    ['to:devel', 'to:devel'],
    ['t:devel', 'to:devel'],
    ['cc:bob', 'cc:bob'],
    ['c:bob', 'cc:bob'],
    ['subject:mount', 'subject:mount'],
    ['s:mount', 'subject:mount'],
    ['body:fsck', 'body:fsck'],
    ['b:fsck', 'body:fsck'],
    ['q:fsck', 'q:fsck'],
    ['list:devel.example.org', 'list:devel.example.org'],
    ['l:devel', 'list:devel'],
    ['attachment:notes.txt', 'attachment:notes.txt'],
    ['n:notes.txt', 'attachment:notes.txt'],
    ['id:<abc@x>', 'id=abc@x'],
    ['mid:abc@x', 'id=abc@x'],
    ['thread:42', 'thread=42'],
    ['thread:<abc@x>', 'thread=abc@x'],
    ['has:attachment', 'flag=attachment'],
    ['is:reply', 'flag=reply'],
    ['FROM:alice', 'from:alice'],
    ['from:"Jan Kara"', 'from:"Jan Kara"'],
  ])('%s', (q, expected) => {
    expect(show(parse(q))).toBe(expected);
  });

  it('reads dates: ISO periods, ranges, open ranges, relative forms (UTC, injected clock)', () => {
    expect(show(parse('date:2024-01'))).toBe('date[2024-01-01T00:00:00.000Z..2024-02-01T00:00:00.000Z)');
    expect(show(parse('d:2024-01-10..2024-01-11'))).toBe('date[2024-01-10T00:00:00.000Z..2024-01-12T00:00:00.000Z)');
    expect(show(parse('d:2024..'))).toBe('date[2024-01-01T00:00:00.000Z..)');
    expect(show(parse('d:..2023'))).toBe('date[..2024-01-01T00:00:00.000Z)');
    expect(show(parse('d:2w..'))).toBe('date[2024-05-01T12:00:00.000Z..)');
    expect(show(parse('d:yesterday..'))).toBe('date[2024-05-14T00:00:00.000Z..)');
    expect(show(parse('d:today'))).toBe('date[2024-05-15T00:00:00.000Z..2024-05-16T00:00:00.000Z)');
  });

  it('treats an unknown prefix as plain text (URLs, "Re:")', () => {
    expect(show(parse('http://example.org'))).toBe('text:http://example.org');
    expect(show(parse('Re:foo'))).toBe('text:Re:foo');
  });

  it('applies a prefix to a parenthesised group', () => {
    expect(show(parse('subject:(ext4 OR "no journal") body'))).toBe('((subject:ext4 | subject:"no journal") & text:body)');
  });
});

describe('query parser: operators', () => {
  it.each([
    ['a b', '(text:a & text:b)'],
    ['a AND b', '(text:a & text:b)'],
    ['a OR b c', '(text:a | (text:b & text:c))'],
    ['a OR b OR c', '(text:a | text:b | text:c)'],
    ['NOT a', '!text:a'],
    ['-a b', '(!text:a & text:b)'],
    ['a -(b OR c)', '(text:a & !(text:b | text:c))'],
    ['NOT NOT a', 'text:a'],
    ['(a OR b) AND c', '((text:a | text:b) & text:c)'],
    ['*', '*'],
    ['* -a', '(* & !text:a)'],
    ['mount*', 'text:mount*'],
    ['"no journal"', 'text:"no journal"'],
    ['"say ""hi"""', 'text:"say "hi""'],
    ['and or not', '(text:and & text:or & text:not)'],
    ['e2fsck-style', 'text:e2fsck-style'],
  ])('%s', (q, expected) => {
    expect(show(parse(q))).toBe(expected);
  });
});

describe('query parser: malformed queries give one-line errors with a column', () => {
  it.each([
    ['(a OR b', /missing '\)' for the '\(' opened at column 1 at column 8/],
    ['a OR b)', /unexpected '\)' with no '\(' before it at column 7/],
    ['"unterminated phrase', /unterminated quote .* at column 1$/],
    ['from:"Jan', /unterminated quote .* at column 6$/],
    ['a OR', /OR needs a term after it at column 5/],
    ['OR a', /OR needs a term before it at column 1/],
    ['a AND', /AND needs a term after it at column 6/],
    ['a OR OR b', /OR needs a term after it at column 6/],
    ['NOT', /NOT needs a term after it at column 4/],
    ['a -', /'-' needs a term right after it at column 3/],
    ['()', /empty parentheses .* at column 2/],
    ['', /empty query/],
    ['   ', /empty query/],
    ['from:', /from: needs a value at column 1/],
    ['date:2024-13', /cannot read date "2024-13" .* at column 1/],
    ['d:2024-02-30', /cannot read date "2024-02-30"/],
    ['x date:tomorrowish', /cannot read date "tomorrowish" .* at column 3/],
    ['date:2024..2023', /ends before it starts/],
    ['date:..', /neither start nor end/],
    ['has:pdf', /has: knows only "attachment"/],
    ['is:unread', /is: knows only "reply"/],
    ['date:(2024)', /date: cannot take a parenthesised group/],
    ['--', /'-' needs a term|no letters or digits/],
    ['"a"b', /closing quote must be followed by a space/],
  ])('%s', (q, pattern) => {
    expect(syntaxError(q)).toMatch(pattern);
  });

  it('refuses nesting deeper than MAX_DEPTH instead of recursing without bound', () => {
    const deep = '('.repeat(MAX_DEPTH + 1) + 'a' + ')'.repeat(MAX_DEPTH + 1);
    expect(syntaxError(deep)).toMatch(/nested deeper than 64/);
    const ok = '('.repeat(MAX_DEPTH) + 'a' + ')'.repeat(MAX_DEPTH);
    expect(show(parse(ok))).toBe('text:a');
    // A long flat NOT chain is iterative, not recursive.
    expect(show(parse('NOT '.repeat(10_001) + 'a'))).toBe('!text:a');
  });
});
