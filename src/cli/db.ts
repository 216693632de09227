import { ConveneError } from '../errors.js';
import { parseCommandArgs } from './args.js';
import type { Command } from './context.js';
import { makePrinter } from './output.js';

const USAGE = 'convene db check|reindex [--json]';

export const command: Command = {
  async run(ctx) {
    const { positionals, values } = parseCommandArgs(ctx.argv, { json: { type: 'boolean' } }, USAGE);
    const printer = makePrinter(ctx.stdout, values.json || ctx.globals.json ? 'json' : 'text', ctx.env);
    const [sub] = positionals;
    if (sub === 'check') {
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
    if (sub === 'reindex') {
      const { reindex } = await import('../ingest/reindex.js');
      const db = ctx.db();
      const summary = await reindex(db, { meetings: ctx.config().meetings });
      printer.object(summary, (s) => `reindexed ${s.messages} messages: ${s.threads} threads, ${s.failures} parse failures (stored raw)`);
      return 0;
    }
    throw new ConveneError('USAGE', `db needs a subcommand: check or reindex (usage: ${USAGE})`);
  },
};
