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
import { args, wantsJson, type Command } from './context.js';
import { MEETING_ADD, MEETING_CANCEL, MEETING_MOVE } from './specs/calls.js';
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
    const printer = makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env);
    printer.object(
      occurrenceJson(result),
      (o) => `${o.occurrence}: ${o.status} ${localLabel(result.start, meeting.zone)}${o.sequence ? ` (sequence ${o.sequence})` : ''}`,
    );
    return 0;
  },
};
