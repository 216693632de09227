import { ConveneError } from '../errors.js';
import { intOption, parseCommandArgs } from './args.js';
import { clockFrom, parseNow } from './clock.js';
import type { Command } from './context.js';
import { makePrinter } from './output.js';

const USAGE = 'convene outbox list [--state STATE] [--limit N] | retry ID | drop ID [--json] [--now TIME]';
const STATES = ['queued', 'sending', 'sent', 'failed', 'dropped'];

/**
 * `convene outbox list|retry ID|drop ID`: what the outbox holds and why (issue 11), send a mail
 * again now (`retry`, with a fresh hour to go out), or give it up (`drop`). The work is in
 * src/send/operator.ts.
 */
export const command: Command = {
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(
      ctx.argv,
      { state: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' }, now: { type: 'string' } },
      USAGE,
    );
    const [action, idText, extra] = positionals;
    if (!action || !['list', 'retry', 'drop'].includes(action) || extra !== undefined)
      throw new ConveneError('USAGE', `outbox needs list, retry ID or drop ID (usage: ${USAGE})`);
    if (action === 'list' ? idText !== undefined : !/^\d+$/.test(idText ?? ''))
      throw new ConveneError(
        'USAGE',
        `outbox ${action}: ${action === 'list' ? 'takes no ID' : "needs the mail's number, as outbox list shows it"} (usage: ${USAGE})`,
      );
    if (values.state !== undefined && !STATES.includes(values.state))
      throw new ConveneError('USAGE', `--state must be one of ${STATES.join(', ')}, not "${values.state}"`);
    const p = makePrinter(ctx.stdout, values.json || ctx.globals.json ? 'json' : 'text', ctx.env);
    const db = ctx.db();
    const { rowLine, rowView, retryMail, dropMail } = await import('../send/operator.js');
    if (action === 'list') {
      const { OutboxReader } = await import('../send/outbox-reader.js');
      const reader = new OutboxReader(db);
      const limit = intOption(values.limit, 'limit', 50);
      const rows = values.state
        ? reader
            .inState(values.state as 'queued')
            .slice(-limit)
            .reverse()
        : reader.recent(limit);
      p.records(rows.map(rowView), rowLine);
      return 0;
    }
    const id = Number(idText);
    if (action === 'drop') {
      const { OutboxStore } = await import('../send/outbox-store.js');
      p.object(rowView(dropMail(new OutboxStore(db), id)), rowLine);
      return 0;
    }
    const config = ctx.config();
    const now = clockFrom(parseNow(values.now), false);
    const { transportFromConfig } = await import('../send/transport.js');
    const { jsonLineLogger } = await import('../log.js');
    const { makeOutbox } = await import('../mailings/outbox.js');
    const transport = await transportFromConfig(config, ctx.env);
    try {
      const outbox = makeOutbox({ db, config: () => config, transport, now, logger: jsonLineLogger(ctx.stderr, now), env: ctx.env });
      const { row, delivery } = await retryMail(outbox, id, now());
      p.object({ ...rowView(row), outcome: delivery.outcome }, (v) => `${v.outcome}: ${rowLine(v)}`);
      return delivery.outcome === 'sent' || delivery.outcome === 'partial' ? 0 : 1;
    } finally {
      transport.close();
    }
  },
};
