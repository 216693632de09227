import { ConveneError } from '../errors.js';
import { clockFrom, meetingArg, parseNow } from './clock.js';
import { args, wantsJson, type Command, type CommandContext } from './context.js';
import { isoTime } from './json.js';
import { makePrinter } from './output.js';
import { DIGEST_PREVIEW, DIGEST_SEND } from './specs/calls.js';

/**
 * `convene digest preview` prints exactly what would be sent (the text, the HTML, the whole .eml,
 * or all of it as JSON); `convene digest send` queues it in the outbox and delivers it now (exactly
 * once per revision; `--update` sends the next revision, "[UPDATED]", saying what changed).
 */
export const command: Command = {
  async run(ctx) {
    const preview = ctx.parsed?.spec?.name === DIGEST_PREVIEW.name;
    const { values } = preview ? args(ctx, DIGEST_PREVIEW) : args(ctx, DIGEST_SEND);
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
    const deps = { db, config, store: new OutboxStore(db), now };
    const update = values.update === true;
    const json = wantsJson(ctx, values);
    if (preview || (values as { 'dry-run'?: boolean })['dry-run']) {
      const { prepareDigest } = await import('../mailings/digest-plan.js');
      const plan = prepareDigest(deps, meeting, occ, { update });
      if (!plan.outgoing)
        throw new ConveneError('INPUT', `the agenda of ${occ.key} is empty and no chair is configured: nothing would be sent`);
      const o = plan.outgoing;
      if (plan.kind === 'cancel-proposal')
        ctx.stderr.write(`convene: the agenda of ${occ.key} is empty: the chair would get a proposal to cancel instead\n`);
      const head = {
        meeting: meeting.id,
        occurrence: occ.key,
        kind: plan.kind,
        revision: o.key.revision,
        messageId: o.messageId,
        date: isoTime(o.date, meeting.zone),
        from: o.from,
        to: o.to,
        subject: o.subject,
      };
      if (!preview) {
        makePrinter(ctx.stdout, json ? 'json' : 'text', ctx.env).object({ ...head, changes: plan.model.changes }, (r) =>
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
      const format = (values as { format?: string }).format ?? 'text';
      if (!['text', 'html', 'eml'].includes(format)) throw new ConveneError('USAGE', `--format must be text, html or eml, not "${format}"`);
      if (json) {
        makePrinter(ctx.stdout, 'json', ctx.env).object(
          { ...head, changes: plan.model.changes, text: o.text, html: o.html ?? null },
          () => '',
        );
      } else if (format === 'eml') {
        const { composeEml } = await import('../digest/compose.js');
        ctx.stdout.write(await composeEml(o));
      } else ctx.stdout.write(format === 'html' ? (o.html ?? '') : o.text);
      return 0;
    }
    return send(ctx, deps, meeting, occ, update, json);
  },
};

async function send(
  ctx: CommandContext,
  deps: import('../mailings/deps.js').MailingDeps,
  meeting: import('../config/meetings.js').MeetingConfig,
  occ: import('../meetings/types.js').Occurrence,
  update: boolean,
  json: boolean,
): Promise<number> {
  const { transportFromConfig } = await import('../send/transport.js');
  const { consoleLogger } = await import('../log.js');
  const { makeOutbox } = await import('../mailings/outbox.js');
  const { config, db, now } = deps;
  const transport = await transportFromConfig(config, ctx.env);
  try {
    const outbox = makeOutbox({ db, config: () => config, transport, now, logger: consoleLogger(ctx.stderr, now), env: ctx.env });
    const { queueDigest } = await import('../mailings/queue.js');
    const q = await queueDigest(deps, meeting, occ, { update, due: now() });
    if (!q.row) throw new ConveneError('INPUT', q.note ?? 'nothing to send');
    if (q.row.state === 'queued') await outbox.deliver(q.row);
    const row = outbox.store.byId(q.row.id)!;
    const out = {
      id: row.id,
      meeting: row.meeting,
      occurrence: row.occurrence,
      kind: row.kind,
      revision: row.revision,
      state: row.state,
      messageId: row.messageId,
      subject: row.subject,
      alreadyQueued: !q.created,
      ...(row.lastError ? { error: row.lastError } : {}),
    };
    makePrinter(ctx.stdout, json ? 'json' : 'text', ctx.env).object(
      out,
      (r) =>
        `${r.alreadyQueued ? 'already in the outbox: ' : ''}${r.kind} r${r.revision} for ${r.occurrence}: ${r.state}` +
        `${r.error ? ` (${r.error})` : ''}\n  Subject: ${r.subject}\n  Message-ID: <${r.messageId}>`,
    );
    return row.state === 'sent' ? 0 : 1;
  } finally {
    transport.close();
  }
}
