/**
 * `convene meeting cancel|move|add ID DATE [NEWDATE]`: one-off changes. Dates are local, in the
 * meeting's zone: DATE names an occurrence ("2025-01-22", its key, or a local date-time); NEWDATE
 * (move) and DATE (add) are local date-times; a date alone keeps the call's usual time of day.
 */
import { actorFrom } from './actor.js';
import type { MeetingConfig } from '../config/meetings.js';
import { ConveneError } from '../errors.js';
import { parseLocal, type PlainDateTime } from '../time/plain-date-time.js';
import { addOccurrence, cancelOccurrence, moveOccurrence } from '../meetings/overrides.js';
import { fromLocal, localKind, toLocal } from '../time/time-zone.js';
import { chooseMeeting, chooseOccurrence, localLabel } from './agenda-common.js';
import { cliNow } from './clock.js';
import { args, wantsJson, type Command, type CommandContext } from './context.js';
import { MEETING_ADD, MEETING_CANCEL, MEETING_MOVE } from './specs/calls.js';
import type { Db } from '../store/db.js';
import type { Occurrence } from '../meetings/types.js';
import { occurrenceJson } from './meetings.js';
import { makePrinter } from './output.js';

function localOf(text: string, meeting: MeetingConfig, timeOfDay: PlainDateTime | null, what: string): number {
  const base = timeOfDay ?? meeting.schedule?.first ?? meeting.dates[0] ?? null;
  const l = parseLocal(text, base ? { hour: base.hour, minute: base.minute } : undefined);
  if (!l || (!base && text.trim().length <= 10))
    throw new ConveneError('USAGE', `${what} "${text}" is not a local date and time like 2025-01-22T16:00 (in ${meeting.zone})`);
  if (localKind(l, meeting.zone) === 'gap') {
    throw new ConveneError('USAGE', `${what} ${text} does not exist in ${meeting.zone} (the clocks go forward then); pick another time`);
  }
  return fromLocal(l, meeting.zone);
}

export const command: Command = {
  async run(ctx) {
    const spec = [MEETING_CANCEL, MEETING_MOVE, MEETING_ADD].find((s) => s.name === ctx.parsed?.spec?.name) ?? MEETING_MOVE;
    const { values, positionals } = args(ctx, spec);
    const action = spec.name.split(' ')[1]!;
    const [id, date, newDate] = positionals as [string, string, string?];
    const config = ctx.config();
    const meeting = chooseMeeting(config.meetings, id);
    const db = ctx.db();
    const now = cliNow(ctx.env, values.now);
    const c = { actor: actorFrom(values.as, ctx.env), now };
    let result;
    if (action === 'add') {
      result = addOccurrence(db, meeting, localOf(date, meeting, null, 'DATE'), c);
    } else {
      const occ = chooseOccurrence(db, meeting, date, now);
      result =
        action === 'cancel'
          ? cancelOccurrence(db, meeting, occ, c)
          : moveOccurrence(db, meeting, occ, localOf(newDate!, meeting, toLocal(occ.start, meeting.zone), 'NEWDATE'), c);
    }
    // Cancelling tells the list (issue 10): a notice with a METHOD:CANCEL calendar entry.
    const notice = action === 'cancel' ? await tellTheList(ctx, db, meeting, result, now) : undefined;
    const printer = makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env);
    printer.object(
      { ...occurrenceJson(result), ...(notice ? { notice } : {}) },
      (o) =>
        `${o.occurrence}: ${o.status} ${localLabel(result.start, meeting.zone)}${o.sequence ? ` (sequence ${o.sequence})` : ''}` +
        (notice ? `\n  the list: ${notice}` : ''),
    );
    return 0;
  },
};

/** Queue the cancellation notice and deliver it now, as `digest send` does; what happened, in a few words. */
async function tellTheList(ctx: CommandContext, db: Db, meeting: MeetingConfig, occ: Occurrence, now: number): Promise<string> {
  const config = ctx.config();
  const { OutboxStore } = await import('../send/outbox-store.js');
  const { queueCancellation } = await import('../mailings/review-mails.js');
  const q = await queueCancellation({ db, config, store: new OutboxStore(db), now: () => now }, meeting, occ);
  if (!q.row) return q.note ?? 'not told';
  const { transportFromConfig } = await import('../send/transport.js');
  const { consoleLogger } = await import('../log.js');
  const { makeOutbox } = await import('../mailings/outbox.js');
  const transport = await transportFromConfig(config, ctx.env);
  try {
    const outbox = makeOutbox({
      db,
      config: () => config,
      transport,
      now: () => now,
      logger: consoleLogger(ctx.stderr, () => now),
      env: ctx.env,
    });
    if (q.row.state === 'queued') await outbox.deliver(q.row);
    const row = outbox.store.byId(q.row.id)!;
    return `cancellation notice ${row.state} <${row.messageId}>`;
  } finally {
    transport.close();
  }
}
