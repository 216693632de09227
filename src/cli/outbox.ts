import { ConveneError } from '../errors.js';
import { intOption } from './args.js';
import { clockFrom, parseNow } from './clock.js';
import { args, wantsJson, type Command } from './context.js';
import { makePrinter } from './output.js';
import { OUTBOX_DROP, OUTBOX_LIST, OUTBOX_RETRY } from './specs/operate.js';

const STATES = ['queued', 'sending', 'sent', 'failed', 'dropped'] as const;

/**
 * `convene outbox list|retry ID|drop ID`: what the outbox holds and why (issue 11), send a mail
 * again now (`retry`, with a fresh hour to go out), or give it up (`drop`). The work is in
 * src/send/operator.ts.
 */
export const command: Command = {
  async run(ctx) {
    const { rowLine, rowView, retryMail, dropMail } = await import('../send/operator.js');
    const which = ctx.parsed?.spec?.name;
    if (which === OUTBOX_LIST.name) {
      const { values } = args(ctx, OUTBOX_LIST);
      const state = values.state as (typeof STATES)[number] | undefined;
      if (state !== undefined && !STATES.includes(state))
        throw new ConveneError('USAGE', `outbox list: --state must be one of ${STATES.join(', ')}, not "${state}"`);
      const limit = intOption(values.limit, 'limit', 50);
      const db = ctx.existingDb();
      const { OutboxReader } = await import('../send/outbox-reader.js');
      const reader = db ? new OutboxReader(db) : null;
      const rows = !reader ? [] : state ? reader.inState(state).slice(-limit).reverse() : reader.recent(limit);
      makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env).records(rows.map(rowView), rowLine);
      return 0;
    }
    const spec = which === OUTBOX_DROP.name ? OUTBOX_DROP : OUTBOX_RETRY;
    const { values, positionals } = args(ctx, spec);
    const id = mailId(spec.name, positionals[0]);
    const p = makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env);
    const db = ctx.db();
    if (spec === OUTBOX_DROP) {
      const { OutboxStore } = await import('../send/outbox-store.js');
      p.object(rowView(dropMail(new OutboxStore(db), id)), rowLine);
      return 0;
    }
    const config = ctx.config();
    const now = clockFrom(parseNow((values as { now?: string }).now), false);
    const { transportFromConfig } = await import('../send/transport.js');
    const { consoleLogger } = await import('../log.js');
    const { makeOutbox } = await import('../mailings/outbox.js');
    const transport = await transportFromConfig(config, ctx.env);
    try {
      const outbox = makeOutbox({ db, config: () => config, transport, now, logger: consoleLogger(ctx.stderr, now), env: ctx.env });
      const { row, delivery } = await retryMail(outbox, id, now());
      p.object({ ...rowView(row), outcome: delivery.outcome }, (v) => `${v.outcome}: ${rowLine(v)}`);
      return delivery.outcome === 'sent' || delivery.outcome === 'partial' ? 0 : 1;
    } finally {
      transport.close();
    }
  },
};

function mailId(command: string, text: string | undefined): number {
  if (!/^\d+$/.test(text ?? ''))
    throw new ConveneError('USAGE', `${command}: ID is the mail's number, as outbox list shows it, not "${text}"`);
  return Number(text);
}
