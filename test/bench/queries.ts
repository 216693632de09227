/**
 * The query classes of issue 3's search benchmark, in syntax all three tools read the same way
 * (notmuch and mu both take `from:` and `date:A..B` with ISO dates and "quoted phrases").
 * Hit counts on linux-ext4-first10k (notmuch 0.37): delalloc 219, "page cache" 515,
 * from:jack@suse.cz in H1 2020 247, test 2341 (stemmed: tests, testing), journal 414 threads.
 * The generated archive draws its text and authors from the same slice, so the words and the
 * busiest author exist there too (its dates run 2008..2020 by default).
 */
export interface QueryClass {
  readonly name: string;
  readonly query: string;
  /** One row per thread (convene --threads, notmuch's default summary, mu find --threads). */
  readonly threads: boolean;
}

export const QUERY_CLASSES: readonly QueryClass[] = [
  { name: 'single word', query: 'delalloc', threads: false },
  { name: 'phrase', query: '"page cache"', threads: false },
  { name: 'from: + date range', query: 'from:jack@suse.cz date:2020-01-01..2020-06-30', threads: false },
  { name: '2,000+ hits', query: 'test', threads: false },
  { name: '--threads', query: 'journal', threads: true },
];
