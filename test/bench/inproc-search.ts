import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { QueryClass } from './queries.js';
import { percentile } from './util.js';

/** In-process latency of one query class: parse + compile + run. */
export interface InprocFigure {
  readonly name: string;
  readonly query: string;
  /** Rows the default limit fetches (what the CLI shows), and every match. */
  readonly hits: number;
  readonly allHits: number;
  readonly runs: number;
  /** With the CLI's default limit: 50 rows (plus one, to say more matched), newest first. */
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /** Every match (--limit 0), fewer runs. */
  readonly allP50Ms: number;
  readonly allP95Ms: number;
}

type SearchRun = typeof import('../../src/search/run.js');
type SearchThreads = typeof import('../../src/search/threads.js');
type SearchQuery = typeof import('../../src/search/query.js');
type StoreDb = typeof import('../../src/store/db.js');

/** What the CLI fetches for text output: its default limit of 50, plus one row to say that more matched. */
export const DEFAULT_FETCH = 51;

/**
 * Time queries inside one process against an open read-only database, as the daemon or a
 * long-lived caller would run them: prepareQuery then searchMessages / searchThreads, newest
 * first, with the CLI's default limit (`runs` times) and with no limit (a fifth as many).
 * Modules come from the built dist/, like the CLI's. A few untimed warm-up runs first, so the
 * figures are for a warm page cache and statement cache.
 */
export async function inprocLatency(root: string, dbPath: string, classes: readonly QueryClass[], runs: number): Promise<InprocFigure[]> {
  const load = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(join(root, 'dist', 'src', rel)).href)) as T;
  const { openDb } = await load<StoreDb>('store/db.js');
  const { prepareQuery } = await load<SearchQuery>('search/query.js');
  const search = await load<SearchRun>('search/run.js');
  const threads = await load<SearchThreads>('search/threads.js');
  const db = openDb(dbPath, { readonly: true });
  try {
    const now = Date.now();
    return classes.map((c) => {
      const once = (limit: number): number => {
        const q = prepareQuery(c.query, now);
        const options = { sort: 'newest', limit } as const;
        return c.threads ? threads.searchThreads(db, q.compiled, options).length : search.searchMessages(db, q.compiled, options).length;
      };
      const measure = (limit: number, n: number): { hits: number; times: number[] } => {
        let hits = 0;
        for (let i = 0; i < 3; i++) hits = once(limit);
        const times: number[] = [];
        for (let i = 0; i < n; i++) {
          const t0 = process.hrtime.bigint();
          once(limit);
          times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
        return { hits, times };
      };
      const top = measure(DEFAULT_FETCH, runs);
      const all = measure(0, Math.max(3, Math.ceil(runs / 5)));
      return {
        name: c.name,
        query: c.query,
        hits: top.hits,
        allHits: all.hits,
        runs,
        p50Ms: percentile(top.times, 50),
        p95Ms: percentile(top.times, 95),
        maxMs: Math.max(...top.times),
        allP50Ms: percentile(all.times, 50),
        allP95Ms: percentile(all.times, 95),
      };
    });
  } finally {
    db.close();
  }
}
