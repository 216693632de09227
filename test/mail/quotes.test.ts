import { describe, expect, it } from 'vitest';
import { splitQuotes } from '../../src/mail/quotes.js';

describe("the author's own text and the quote", () => {
  it('drops an attribution line and a snip marker before the quote', () => {
    const body = 'David Hildenbrand (Red Hat) wrote:\n[..]\n> the last meeting this year\n\nHi David,\n\nCan I grab some time?\n';
    expect(splitQuotes(body)).toEqual({ own: 'Hi David,\n\nCan I grab some time?', quoted: 'the last meeting this year' });
    expect(splitQuotes('On Mon, Ann wrote:\n<snip>\n> text\nMine.\n[...]\n')).toEqual({ own: 'Mine.', quoted: 'text' });
  });

  it('keeps a line that only ends in "wrote:" when no quote follows', () => {
    expect(splitQuotes('This is what I wrote:\n\nthe plan').own).toBe('This is what I wrote:\n\nthe plan');
  });
});
