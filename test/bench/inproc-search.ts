import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { QueryClass } from './queries.js';
import { percentile } from './util.js';

/** In-process latency of one query class: parse + compile + run, every match fetched. */
export interface InprocFigure {
  readonly name: string;
  readonly query: string;
  readonly hits: number;
  readonly runs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

type SearchRun = typeof import('../../src/search/run.js');
type SearchThreads = typeof import('../../src/search/threads.js');
type SearchQuery = typeof import('../../src/search/query.js');
type StoreDb = typeof import('../../src/store/db.js');

/**
 * Time queries inside one process against an open read-only database, as the daemon or a
 * long-lived caller would run them: prepareQuery then searchMessages / searchThreads with no
 * limit (all matches, newest first). Modules come from the built dist/, like the CLI's.
 * A few untimed warm-up runs first, so the figures are for a warm page cache and statement cache.
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
      const once = (): number => {
        const q = prepareQuery(c.query, now);
        const options = { sort: 'newest', limit: 0 } as const;
        return c.threads ? threads.searchThreads(db, q.compiled, options).length : search.searchMessages(db, q.compiled, options).length;
      };
      let hits = 0;
      for (let i = 0; i < 3; i++) hits = once();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = process.hrtime.bigint();
        once();
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      return {
        name: c.name,
        query: c.query,
        hits,
        runs,
        p50Ms: percentile(times, 50),
        p95Ms: percentile(times, 95),
        maxMs: Math.max(...times),
      };
    });
  } finally {
    db.close();
  }
}
