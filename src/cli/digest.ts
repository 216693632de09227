import { ConveneError } from '../errors.js';
import { parseCommandArgs } from './args.js';
import { clockFrom, meetingArg, parseNow } from './clock.js';
import type { Command } from './context.js';
import { makePrinter } from './output.js';

const USAGE = 'convene digest preview|send --meeting ID [--occurrence DATE] [--format text|html|eml] [--dry-run] [--update] [--now TIME]';

/**
 * `convene digest preview` prints exactly what would be sent (the text, the HTML, or the whole
 * .eml); `convene digest send` queues it in the outbox and delivers it now (exactly once per
 * revision; `--update` sends the next revision, "[UPDATED]", saying what changed).
 */
export const command: Command = {
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(
      ctx.argv,
      {
        meeting: { type: 'string' },
        occurrence: { type: 'string' },
        format: { type: 'string' },
        'dry-run': { type: 'boolean' },
        update: { type: 'boolean' },
        now: { type: 'string' },
        json: { type: 'boolean' },
      },
      USAGE,
    );
    const sub = positionals[0];
    if (sub !== 'preview' && sub !== 'send') throw new ConveneError('USAGE', `digest: say preview or send (usage: ${USAGE})`);
    const format = values.format ?? 'text';
    if (!['text', 'html', 'eml'].includes(format)) throw new ConveneError('USAGE', `--format must be text, html or eml, not "${format}"`);
    const config = ctx.config();
    const meeting = meetingArg(config, values.meeting);
    const db = ctx.db();
    const now = clockFrom(parseNow(values.now), false);
    const { pickOccurrence } = await import('../mailings/ports.js');
    const occ = pickOccurrence(db, meeting, values.occurrence, now());
    if (!occ)
      throw new ConveneError('NOT_FOUND', `no occurrence of ${meeting.id}${values.occurrence ? ` on ${values.occurrence}` : ' after now'}`);
    if (occ.status === 'cancelled') throw new ConveneError('INPUT', `${occ.key} is cancelled`);
    const { OutboxStore } = await import('../send/outbox-store.js');
    const { prepareDigest } = await import('../mailings/digest-plan.js');
    const deps = { db, config, store: new OutboxStore(db), now };
    const update = values.update === true;

    if (sub === 'preview' || values['dry-run']) {
      const plan = prepareDigest(deps, meeting, occ, { update });
      if (!plan.outgoing)
        throw new ConveneError('INPUT', `the agenda of ${occ.key} is empty and no chair is configured: nothing would be sent`);
      const o = plan.outgoing;
      if (plan.kind === 'cancel-proposal')
        ctx.stderr.write(`convene: the agenda of ${occ.key} is empty: the chair would get a proposal to cancel instead\n`);
      if (values['dry-run'] && sub === 'send') {
        const p = makePrinter(ctx.stdout, values.json || ctx.globals.json ? 'json' : 'text', ctx.env);
        p.object(
          {
            kind: plan.kind,
            occurrence: occ.key,
            revision: o.key.revision,
            messageId: o.messageId,
            subject: o.subject,
            to: o.to,
            changes: plan.model.changes,
          },
          (r) =>
            [
              `would send ${r.kind} r${r.revision} for ${r.occurrence}`,
              `  Subject: ${r.subject}`,
              `  To: ${r.to.join(', ')}`,
              `  Message-ID: <${r.messageId}>`,
              ...r.changes.map((c) => `  changed: ${c}`),
            ].join('\n'),
        );
        return 0;
      }
      if (format === 'eml') {
        const { composeEml } = await import('../digest/compose.js');
        ctx.stdout.write(await composeEml(o));
      } else {
        // Text and HTML shown on a terminal: agenda titles come from mail (the .eml is a message, kept as is).
        const doc = format === 'html' ? (o.html ?? '') : o.text;
        makePrinter(ctx.stdout, 'text', ctx.env).line(doc.replace(/\n$/, ''));
      }
      return 0;
    }

    const { transportFromConfig } = await import('../send/transport.js');
    const { jsonLineLogger } = await import('../log.js');
    const { makeOutbox } = await import('../mailings/outbox.js');
    const transport = await transportFromConfig(config, ctx.env);
    try {
      const outbox = makeOutbox({ db, config: () => config, transport, now, logger: jsonLineLogger(ctx.stderr, now), env: ctx.env });
      const { queueDigest } = await import('../mailings/queue.js');
      const q = await queueDigest(deps, meeting, occ, { update, due: now() });
      if (!q.row) throw new ConveneError('INPUT', q.note ?? 'nothing to send');
      if (q.row.state === 'queued') await outbox.deliver(q.row);
      const row = outbox.store.byId(q.row.id)!;
      const p = makePrinter(ctx.stdout, values.json || ctx.globals.json ? 'json' : 'text', ctx.env);
      const out = {
        id: row.id,
        kind: row.kind,
        occurrence: row.occurrence,
        revision: row.revision,
        state: row.state,
        messageId: row.messageId,
        subject: row.subject,
        alreadyQueued: !q.created,
        ...(row.lastError ? { error: row.lastError } : {}),
      };
      p.object(
        out,
        (r) =>
          `${r.alreadyQueued ? 'already in the outbox: ' : ''}${r.kind} r${r.revision} for ${r.occurrence}: ${r.state}` +
          `${r.error ? ` (${r.error})` : ''}\n  Subject: ${r.subject}\n  Message-ID: <${r.messageId}>`,
      );
      return row.state === 'failed' ? 1 : 0;
    } finally {
      transport.close();
    }
  },
};
