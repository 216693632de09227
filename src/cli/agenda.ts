/**
 * `convene agenda SUBCOMMAND`: thin dispatch; the reads (list, show, log) live in agenda-read.ts, the chair's
 * actions in agenda-write.ts (several items at once in agenda-bulk.ts), the interactive review in
 * agenda-review.ts. Each subcommand's arguments are parsed by its spec (specs/agenda.ts).
 */
import type { Command } from './context.js';

const READS = ['list', 'show', 'log'];
const BULK = ['accept', 'reject', 'defer', 'withdraw', 'done', 'expire'];

export const command: Command = {
  async run(ctx) {
    const sub = ctx.parsed?.spec?.name.split(' ')[1] ?? '';
    if (READS.includes(sub)) return (await import('./agenda-read.js')).runRead(sub, ctx);
    if (BULK.includes(sub)) return (await import('./agenda-bulk.js')).runBulk(sub as 'accept', ctx);
    if (sub === 'review') return (await import('./agenda-review.js')).runReview(ctx);
    if (sub === 'extract') return (await import('./agenda-extract.js')).runExtract(ctx);
    return (await import('./agenda-write.js')).runWrite(sub, ctx);
  },
};
