/** `convene meetings [--count N] [--meeting ID] [--json]`: the next occurrences, with local times. */
import { nextOccurrences, occurrencesBetween } from '../meetings/occurrences.js';
import type { Occurrence } from '../meetings/types.js';
import { formatLocal } from '../time/plain-date-time.js';
import { formatOffset, toLocal } from '../time/time-zone.js';
import { chooseMeeting, localLabel } from './agenda-common.js';
import { cliNow } from './clock.js';
import { intOption } from './args.js';
import { args, wantsJson, type Command } from './context.js';
import { MEETINGS } from './specs/calls.js';
import { makePrinter } from './output.js';

/** An occurrence as JSON: instants in ISO UTC, plus the local time and offset in the meeting's zone. */
export function occurrenceJson(o: Occurrence) {
  return {
    occurrence: o.key,
    start: new Date(o.start).toISOString(),
    end: new Date(o.end).toISOString(),
    local: formatLocal(toLocal(o.start, o.zone)),
    offset: formatOffset(o.start, o.zone),
    zone: o.zone,
    status: o.status,
    sequence: o.sequence,
    ...(o.originalStart !== undefined ? { originalStart: new Date(o.originalStart).toISOString() } : {}),
  };
}

export const command: Command = {
  async run(ctx) {
    const { values } = args(ctx, MEETINGS);
    const config = ctx.config();
    const count = intOption(values.count, 'count', 3);
    const meetings = values.meeting !== undefined ? [chooseMeeting(config.meetings, values.meeting)] : config.meetings;
    const printer = makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env);
    if (meetings.length === 0) {
      if (printer.format === 'text') printer.line('no meetings are configured');
      else printer.records([], () => '');
      return 0;
    }
    const now = cliNow(ctx.env, values.now);
    // Without an archive yet, the schedule alone (no one-off changes can exist): never create one here.
    const db = ctx.existingDb();
    // The next N held occurrences, with any cancelled ones among them shown as such.
    const upcoming = (m: (typeof meetings)[number]) => {
      const held = nextOccurrences(db, m, now, count);
      const last = held.at(-1);
      return last ? occurrencesBetween(db, m, now + 1, last.start + 1, { includeCancelled: true }) : held;
    };
    const rows = meetings.map((m) => ({
      meeting: m.id,
      name: m.name,
      zone: m.zone,
      chair: m.chair ?? null,
      occurrences: upcoming(m).map(occurrenceJson),
    }));
    printer.records(rows, (r) =>
      [
        `${r.name} (${r.meeting}, ${r.zone})`,
        ...(r.occurrences.length === 0 ? ['  no future occurrences'] : []),
        ...r.occurrences.map(
          (o) =>
            `  ${localLabel(Date.parse(o.start), r.zone)}  ${o.occurrence}` +
            `${o.status !== 'scheduled' ? `  [${o.status}${o.sequence ? `, sequence ${o.sequence}` : ''}]` : ''}`,
        ),
      ].join('\n'),
    );
    return 0;
  },
};
