/**
 * The query language's prefixes, long and short spellings (notmuch / public-inbox style).
 * One table drives the parser, the compiler, `--explain` and `convene help search`.
 */

/** FTS5 columns of messages_fts (see migrations/002-threads-search.ts). */
export type FtsColumn = 'subject' | 'body' | 'quoted' | 'sender' | 'to_r' | 'cc_r' | 'attachments' | 'list';

/** Column order of messages_fts, for bm25() weights. */
export const FTS_COLUMNS: readonly FtsColumn[] = ['subject', 'body', 'quoted', 'sender', 'to_r', 'cc_r', 'attachments', 'list'];

/**
 * bm25 weights per column, in FTS_COLUMNS order: a subject hit counts most, quoted reply lines
 * count less than the author's own words (they repeat what the parent said).
 */
export const BM25_WEIGHTS: readonly number[] = [4, 1, 0.25, 2, 1, 1, 1, 1];

export type PrefixKind = 'text' | 'id' | 'thread' | 'date' | 'has' | 'is';

export interface Prefix {
  /** Canonical (long) name. */
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: PrefixKind;
  /** For text prefixes: the FTS5 columns searched. */
  readonly columns: readonly FtsColumn[];
  readonly help: string;
  readonly example: string;
}

/** What a bare word searches: the fields notmuch's free text covers (subject, body, sender). */
export const FREE_TEXT_COLUMNS: readonly FtsColumn[] = ['subject', 'body', 'quoted', 'sender'];

export const PREFIXES: readonly Prefix[] = [
  {
    name: 'from',
    aliases: ['f'],
    kind: 'text',
    columns: ['sender'],
    help: 'sender name or address',
    example: 'from:tytso@mit.edu  f:"Jan Kara"',
  },
  { name: 'to', aliases: ['t'], kind: 'text', columns: ['to_r'], help: 'To: name or address', example: 'to:linux-ext4@vger.kernel.org' },
  { name: 'cc', aliases: ['c'], kind: 'text', columns: ['cc_r'], help: 'Cc: name or address', example: 'cc:jack@suse.cz' },
  {
    name: 'subject',
    aliases: ['s'],
    kind: 'text',
    columns: ['subject'],
    help: 'subject words or "phrase"',
    example: 'subject:"bad mount"  s:(ext4 AND journal)',
  },
  {
    name: 'body',
    aliases: ['b'],
    kind: 'text',
    columns: ['body', 'quoted'],
    help: 'body text, quoted lines included',
    example: 'body:fsck',
  },
  { name: 'q', aliases: [], kind: 'text', columns: ['quoted'], help: 'quoted reply lines ("> ...") only', example: 'q:"looks good"' },
  { name: 'attachment', aliases: ['n'], kind: 'text', columns: ['attachments'], help: 'attachment file name', example: 'n:config.gz' },
  { name: 'list', aliases: ['l'], kind: 'text', columns: ['list'], help: 'List-Id', example: 'l:linux-ext4.vger.kernel.org' },
  {
    name: 'id',
    aliases: ['mid'],
    kind: 'id',
    columns: [],
    help: 'exact Message-ID (angle brackets optional)',
    example: 'id:20190428202154.GE7441@quack2',
  },
  {
    name: 'thread',
    aliases: [],
    kind: 'thread',
    columns: [],
    help: 'a thread id, or any Message-ID in the thread',
    example: 'thread:42  thread:<1234@example.org>',
  },
  {
    name: 'date',
    aliases: ['d'],
    kind: 'date',
    columns: [],
    help: 'date or range A..B, open A.. or ..B; ISO or relative (UTC)',
    example: 'd:2019-05  date:2019-05-01..2019-06-15  d:2w..  d:yesterday..',
  },
  { name: 'has', aliases: [], kind: 'has', columns: [], help: 'has:attachment', example: 'has:attachment' },
  { name: 'is', aliases: [], kind: 'is', columns: [], help: 'is:reply (the message has a parent)', example: 'is:reply' },
];

const BY_NAME = new Map<string, Prefix>();
for (const p of PREFIXES) {
  BY_NAME.set(p.name, p);
  for (const a of p.aliases) BY_NAME.set(a, p);
}

/** The prefix spelled `name` (long or short), or undefined: an unknown "foo:" is plain text. */
export function findPrefix(name: string): Prefix | undefined {
  return BY_NAME.get(name.toLowerCase());
}
