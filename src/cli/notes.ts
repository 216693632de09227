import { ConveneError } from '../errors.js';
import { parseCommandArgs } from './args.js';
import { clockFrom, meetingArg, parseNow } from './clock.js';
import type { Command } from './context.js';
import { makePrinter } from './output.js';

const USAGE = 'convene notes --meeting ID [--occurrence DATE] [--out FILE] [--now TIME]';

/** `convene notes`: the minutes skeleton of a call (default: the call in progress or the next one). */
export const command: Command = {
  async run(ctx) {
    const { values } = parseCommandArgs(
      ctx.argv,
      { meeting: { type: 'string' }, occurrence: { type: 'string' }, out: { type: 'string' }, now: { type: 'string' } },
      USAGE,
    );
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
    if (values.out) {
      const { writeTextAtomically } = await import('./atomic-file.js');
      writeTextAtomically(values.out, md);
      ctx.stderr.write(`notes skeleton for ${occ.key} written to ${values.out}\n`);
    } else makePrinter(ctx.stdout, 'text', ctx.env).line(md.replace(/\n$/, '')); // agenda titles come from mail
    return 0;
  },
};
