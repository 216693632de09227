import { describe, expect, it } from 'vitest';
import type { ArchiveModel } from './archive-model.js';
import { generateArchive } from './generate-archive.js';

// A hand-made model, so the test needs no shared corpus.
const MODEL: ArchiveModel = {
  authors: [
    'Jan Kara <jack@suse.cz>',
    '"Theodore Y. Ts\'o" <tytso@mit.edu>',
    'Eric Biggers <ebiggers@kernel.org>',
    'Ira Weiny <ira.weiny@intel.com>',
  ],
  subjects: ['[PATCH] ext4: fix a leak', 'delalloc and the page cache', 'RFC: fast commit'],
  lines: [
    'The journal is replayed at mount.',
    '',
    'From the point of view of the page cache,',
    'this is fine.',
    'Signed-off-by: Someone <a@b.c>',
    'Thanks,',
  ],
};

interface Parsed {
  readonly fromLine: string;
  readonly headers: Map<string, string>;
  readonly body: string;
}

function parse(block: string): Parsed {
  const nl = block.indexOf('\n');
  const rest = block.slice(nl + 1);
  const split = rest.indexOf('\n\n');
  const headers = new Map<string, string>();
  let last = '';
  for (const line of rest.slice(0, split).split('\n')) {
    if (/^\s/.test(line)) headers.set(last, `${headers.get(last)} ${line.trim()}`);
    else {
      last = line.slice(0, line.indexOf(':')).toLowerCase();
      headers.set(last, line.slice(line.indexOf(':') + 1).trim());
    }
  }
  return { fromLine: block.slice(0, nl), headers, body: rest.slice(split + 2) };
}

const ids = (s: string | undefined): string[] => [...(s ?? '').matchAll(/<([^>]+)>/g)].map((m) => m[1]!);

describe('generateArchive', () => {
  const blocks = [...generateArchive(MODEL, { n: 400, seed: 7, years: 2 })];
  const msgs = blocks.map(parse);

  it('yields n mbox blocks, each starting with a From_ line and ending with the separator blank line', () => {
    expect(blocks).toHaveLength(400);
    for (const b of blocks) {
      expect(b).toMatch(/^From \S+ \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\n/);
      expect(b.endsWith('\n\n')).toBe(true);
    }
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect([...generateArchive(MODEL, { n: 400, seed: 7, years: 2 })]).toEqual(blocks);
    expect([...generateArchive(MODEL, { n: 400, seed: 8, years: 2 })]).not.toEqual(blocks);
  });

  it('gives unique Message-IDs, and every reply points at an earlier message with References ending in its parent', () => {
    const seen = new Set<string>();
    let replies = 0;
    for (const m of msgs) {
      const [id] = ids(m.headers.get('message-id'));
      expect(id).toBeDefined();
      expect(seen.has(id!)).toBe(false);
      const irt = ids(m.headers.get('in-reply-to'));
      if (irt.length) {
        replies++;
        expect(seen.has(irt[0]!)).toBe(true);
        const refs = ids(m.headers.get('references'));
        expect(refs.at(-1)).toBe(irt[0]);
        expect(refs.length).toBeLessThanOrEqual(12);
        expect(m.headers.get('subject')).toMatch(/^Re: /);
      }
      seen.add(id!);
    }
    // Most messages are replies (threads), but new threads keep starting.
    expect(replies).toBeGreaterThan(200);
    expect(replies).toBeLessThan(380);
  });

  it('dates increase and authors follow the ranking (rank 1 posts most)', () => {
    const dates = msgs.map((m) => Date.parse(m.headers.get('date')!));
    for (let i = 1; i < dates.length; i++) expect(dates[i]!).toBeGreaterThanOrEqual(dates[i - 1]! - 14 * 3_600_000);
    const count = (a: string): number => msgs.filter((m) => m.headers.get('from') === a).length;
    expect(count(MODEL.authors[0]!)).toBeGreaterThan(count(MODEL.authors[3]!));
  });

  it('escapes body lines starting with "From " the mboxrd way', () => {
    const bodies = msgs.map((m) => m.body).join('\n');
    expect(bodies).toContain('>From the point of view');
    expect(bodies).not.toMatch(/^From the point/m);
  });
});
