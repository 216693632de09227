import { writeFileSync } from 'node:fs';
import { ConveneError } from '../errors.js';
import { clockFrom, meetingArg, parseNow } from './clock.js';
import { args, type Command } from './context.js';
import { isoTime } from './json.js';
import { NOTES } from './specs/calls.js';

/** `convene notes`: the minutes skeleton of a call (default: the call in progress or the next one). */
export const command: Command = {
  async run(ctx) {
    const { values } = args(ctx, NOTES);
    const config = ctx.config();
    const meeting = meetingArg(config, values.meeting);
    const db = ctx.db();
    const now = clockFrom(parseNow(values.now), false)();
    const { pickOccurrence } = await import('../mailings/ports.js');
    const { exactMs } = await import('../time/duration.js');
    const occ = pickOccurrence(db, meeting, values.occurrence, now - exactMs(meeting.duration));
    if (!occ)
      throw new ConveneError('NOT_FOUND', `no occurrence of ${meeting.id}${values.occurrence ? ` on ${values.occurrence}` : ' after now'}`);
    const { notesFor } = await import('../mailings/notes.js');
    const md = notesFor({ db, config }, meeting, occ);
    if (values.json) {
      const doc = { meeting: meeting.id, occurrence: occ.key, start: isoTime(occ.start, meeting.zone), markdown: md };
      if (values.out) writeFileSync(values.out, md);
      ctx.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    } else if (values.out) {
      writeFileSync(values.out, md);
      ctx.stderr.write(`notes skeleton for ${occ.key} written to ${values.out}\n`);
    } else ctx.stdout.write(md);
    return 0;
  },
};
