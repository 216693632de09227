import { importPaths } from '../ingest/import.js';
import { cliNow } from './clock.js';
import { args, wantsJson, type Command } from './context.js';
import { IMPORT } from './specs/archive.js';
import { makePrinter } from './output.js';
import { progressBar } from './progress.js';

export const command: Command = {
  async run(ctx) {
    const { positionals, values } = args(ctx, IMPORT);
    const db = ctx.db();
    const bar = progressBar(ctx.stderr, 'importing');
    const results = await importPaths(db, positionals, {
      meetings: ctx.config().meetings,
      // The clock agenda extraction reads (CONVENE_NOW sets it for demos and tests).
      now: () => cliNow(ctx.env),
      onProgress: (p) => bar.update(p.done, p.total, `${p.summary.read} read, ${p.summary.stored} stored`),
    });
    bar.done();
    const total = results.reduce(
      (t, r) => ({
        read: t.read + r.read,
        stored: t.stored + r.stored,
        duplicates: t.duplicates + r.duplicates,
        failed: t.failed + r.failed,
      }),
      { read: 0, stored: 0, duplicates: 0, failed: 0 },
    );
    const printer = makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env);
    printer.object({ paths: results, total }, (r) =>
      [
        ...r.paths.map(
          (p) =>
            `${p.path} (${p.kind}): ${p.read} read, ${p.stored} stored, ${p.duplicates} duplicates, ` +
            `${p.failed} failed to parse (stored raw)`,
        ),
        ...(r.paths.length > 1
          ? [`total: ${total.read} read, ${total.stored} stored, ${total.duplicates} duplicates, ${total.failed} failed`]
          : []),
      ].join('\n'),
    );
    return 0;
  },
};
