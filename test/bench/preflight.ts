import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchContext, type BenchOutcome, skipped } from './context.js';
import { conveneMain } from './convene.js';
import { CORPUS_NAME, corpusMissing } from './corpus.js';
import { missingMessage, missingPeers, type PeerId } from './peers.js';

/**
 * What every bench checks first: the real corpus, the built CLI, the peer tools it compares
 * with. Returns the corpus path, or the "skipped" outcome that names what is missing.
 */
export function preflight(ctx: BenchContext, peers: readonly PeerId[]): { source: string } | BenchOutcome {
  const source = join(ctx.corpora, CORPUS_NAME);
  if (!existsSync(source)) return skipped(corpusMissing(source));
  if (!existsSync(conveneMain(ctx.root))) return skipped('dist/bin/main.js not built (run npm run build first)');
  const missing = missingPeers(peers);
  if (missing.length) return skipped(missingMessage(missing));
  return { source };
}
