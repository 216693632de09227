import { afterStoreHooks } from '../agenda/items/hooks.js';
import type { Config } from '../config/types.js';
import type { Db } from '../store/db.js';
import type { AfterStoreHook } from './ingester.js';

/** What ingest needs of the config: the meetings whose agenda items new mail may propose. */
export type FeedConfig = Pick<Config, 'meetings'>;

/**
 * The steps derived from each newly stored message, besides threading and indexing: agenda
 * extraction when meetings are configured. Decided here, once, so that no caller of ingest has
 * to remember to wire them (import, sync, reindex and the daemon used to, each on its own).
 */
export function derivedSteps(db: Db, config: FeedConfig, now?: () => number): Promise<AfterStoreHook[]> {
  return afterStoreHooks(config, db, now ? { now } : {});
}
