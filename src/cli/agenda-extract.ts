/** `convene agenda extract [--since DATE] [--json]`: re-run extraction over the archive (insert-only). */
import { reextract } from '../agenda/items/reextract.js';
import { ConveneError } from '../errors.js';

import { cliNow, parseInstant } from './clock.js';
import { args, wantsJson, type CommandContext } from './context.js';
import { AGENDA_EXTRACT } from './specs/agenda.js';
import { makePrinter } from './output.js';
import { progressBar } from './progress.js';

export async function runExtract(ctx: CommandContext): Promise<number> {
  const { values } = args(ctx, AGENDA_EXTRACT);
  const config = ctx.config();
  if (config.meetings.length === 0) throw new ConveneError('CONFIG', 'no meetings are configured: nothing to extract agenda items for');
  const since = values.since !== undefined ? parseInstant(values.since, '--since') : undefined;
  const bar = progressBar(ctx.stderr, 'extracting');
  const fixed = values.now !== undefined || ctx.env.CONVENE_NOW ? cliNow(ctx.env, values.now) : undefined;
  const summary = await reextract(ctx.db(), {
    meetings: config.meetings,
    now: () => fixed ?? Date.now(),
    ...(since !== undefined ? { since } : {}),
    onProgress: (done, total) => bar.update(done, total, `${done}/${total} messages`),
  });
  bar.done();
  const printer = makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env);
  printer.object(
    summary,
    (s) =>
      `${s.messages} messages read: ${s.created} new items, ${s.joined} new sources on existing items, ` +
      `${s.unchanged} already recorded, ${s.ignored} ignored, ${s.cancelled} calls cancelled by their chairs, ${s.failed} failed`,
  );
  return summary.failed > 0 ? 1 : 0;
}
