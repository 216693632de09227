import { describe, expect, it } from 'vitest';
import { PREVIEW_CHARS, previewOf } from '../../src/search/preview.js';
import { makeSnippet } from '../../src/search/snippet.js';

describe('previewOf: the opening of a message kept for snippets', () => {
  it('folds whitespace and keeps the author’s own text', () => {
    expect(previewOf('Hi Ted,\n\n  the   journal\tis fine.\n', 'old text')).toBe('Hi Ted, the journal is fine.');
  });

  it('takes the quoted text when the author wrote nothing of their own', () => {
    expect(previewOf('  \n', 'what was\nsaid before')).toBe('what was said before');
  });

  it(`cuts at ${PREVIEW_CHARS} characters and says so with …`, () => {
    const long = 'word '.repeat(1000);
    const p = previewOf(long, '');
    expect(p.endsWith('…')).toBe(true);
    expect(p.length).toBeLessThanOrEqual(PREVIEW_CHARS + 1);
  });

  it('never cuts a surrogate pair in two (a lone half would be stored as U+FFFD)', () => {
    const p = previewOf(`${'x'.repeat(PREVIEW_CHARS - 1)}😀 more text`, '');
    expect(p).toBe(`${'x'.repeat(PREVIEW_CHARS - 1)}…`);
    expect(p).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('finds the text after a long run of blank lines', () => {
    expect(previewOf(`${' \n'.repeat(2000)}late words`, '')).toBe('late words');
  });

  it('gives the snippet a window around an early match', () => {
    const p = previewOf(`Some context first. Then the delalloc path fails under load, and more text follows here.`, '');
    const s = makeSnippet(p, ['delalloc']);
    expect(s.text.slice(s.marks[0]![0], s.marks[0]![1])).toBe('delalloc');
  });
});
