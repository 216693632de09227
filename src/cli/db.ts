import { args, wantsJson, type Command } from './context.js';
import { makePrinter } from './output.js';
import { DB_CHECK, DB_REINDEX } from './specs/archive.js';

/** `convene db check` (reads only) and `convene db reindex`. */
export const command: Command = {
  async run(ctx) {
    if (ctx.parsed?.spec?.name === DB_CHECK.name) {
      const { values } = args(ctx, DB_CHECK);
      const printer = makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env);
      const { checkArchive } = await import('../ingest/archive-check.js');
      const result = checkArchive(ctx.db());
      printer.object(result, (r) =>
        [
          ...r.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`),
          r.ok ? 'archive consistent' : 'archive has problems',
        ].join('\n'),
      );
      return result.ok ? 0 : 1;
    }
    const { values } = args(ctx, DB_REINDEX);
    const printer = makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env);
    const { reindex } = await import('../ingest/reindex.js');
    const db = ctx.db();
    const summary = await reindex(db, { meetings: ctx.config().meetings });
    printer.object(summary, (s) => `reindexed ${s.messages} messages: ${s.threads} threads, ${s.failures} parse failures (stored raw)`);
    return 0;
  },
};
