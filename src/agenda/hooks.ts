import type { Config } from '../config/types.js';
import type { AfterStoreHook } from '../ingest.js';
import type { Db } from '../store/db.js';

/**
 * The after-store hooks ingest runs for each new message: agenda extraction when meetings are
 * configured. (Filled in by the agenda module; none yet.)
 */
export async function afterStoreHooks(_config: Config, _db: Db): Promise<AfterStoreHook[]> {
  return [];
}
