import { syncLocal } from '../ingest/local-sync.js';
import { consoleLogger } from '../log.js';
import type { CommandContext } from './context.js';
import { makePrinter } from './output.js';

/** `convene sync` on the config's `source.path`: one pass from the source's cursor (ingest/local-sync.ts). */
export async function syncLocalSource(ctx: CommandContext, path: string, json: boolean): Promise<number> {
  const result = await syncLocal(ctx.db(), path, { meetings: ctx.config().meetings, logger: consoleLogger(ctx.stderr) });
  const printer = makePrinter(ctx.stdout, json || ctx.globals.json ? 'json' : 'text', ctx.env);
  printer.object(
    result,
    (r) =>
      `${r.path} (${r.kind}): ${r.read} read, ${r.stored} stored, ${r.duplicates} duplicates, ` +
      `${r.failed} failed to parse (stored raw)${r.rescan ? '; read from the start' : ''}`,
  );
  return 0;
}
