/**
 * `convene agenda SUBCOMMAND`: thin dispatch; the reads (list, show, log) live in agenda-read.ts, the chair's
 * actions in agenda-write.ts, the interactive review in agenda-review.ts.
 */
import { ConveneError } from '../errors.js';
import type { Command } from './context.js';

export const USAGE =
  'convene agenda list [--meeting ID] [--occurrence DATE] [--state S|open|all] [--json] | show [--occurrence DATE] | ' +
  'accept|reject|defer|withdraw|done ITEM | edit ITEM --title T --presenter P --duration MIN | move ITEM --to N | ' +
  'merge KEEP OTHER... | add --title T | log | review | extract';

const READS = ['list', 'show', 'log'];
const WRITES = ['accept', 'reject', 'defer', 'withdraw', 'done', 'edit', 'move', 'merge', 'add'];

export const command: Command = {
  async run(ctx) {
    const [sub, ...rest] = ctx.argv;
    const sctx = { ...ctx, argv: rest };
    if (sub === undefined) throw new ConveneError('USAGE', `agenda needs a subcommand (usage: ${USAGE})`);
    if (READS.includes(sub)) return (await import('./agenda-read.js')).runRead(sub, sctx);
    if (WRITES.includes(sub)) return (await import('./agenda-write.js')).runWrite(sub, sctx);
    if (sub === 'review') return (await import('./agenda-review.js')).runReview(sctx);
    if (sub === 'extract') return (await import('./agenda-extract.js')).runExtract(sctx);
    throw new ConveneError('USAGE', `agenda: unknown subcommand "${sub}" (usage: ${USAGE})`);
  },
};
