/** The chair's single-item actions: edit, move, merge, add (several items at once: agenda-bulk.ts). */
import { actorFrom } from './actor.js';
import type { AgendaItem } from '../agenda/items/item-types.js';
import { addItem, edit, merge, move, type ReviewContext } from '../agenda/items/review.js';
import { ConveneError } from '../errors.js';
import { chooseMeeting, chooseOccurrence, itemId, itemJson, itemLine, parseMinutes } from './agenda-common.js';
import { cliNow } from './clock.js';
import { args, wantsJson, type CommandContext } from './context.js';
import { makePrinter } from './output.js';
import { AGENDA_ADD, AGENDA_EDIT, AGENDA_MERGE, AGENDA_MOVE } from './specs/agenda.js';
import { usageLine } from './usage.js';

function position(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new ConveneError('USAGE', `--${name} takes a position from 1, not "${text}"`);
  return Number(text);
}

export async function runWrite(sub: string, ctx: CommandContext): Promise<number> {
  const config = ctx.config();
  const db = ctx.db();
  const c = (as: string | undefined, now: number): ReviewContext => ({ actor: actorFrom(as, ctx.env), now, meetings: config.meetings });
  let item: AgendaItem;
  let json: boolean;
  if (sub === 'edit') {
    const { values, positionals } = args(ctx, AGENDA_EDIT);
    json = wantsJson(ctx, values);
    item = edit(
      db,
      itemId(positionals[0], usageLine(AGENDA_EDIT)),
      {
        ...(values.title !== undefined ? { title: values.title } : {}),
        ...(values.presenter !== undefined ? { presenter: values.presenter } : {}),
        ...(values.duration !== undefined ? { durationMinutes: parseMinutes(values.duration) } : {}),
      },
      c(values.as, cliNow(ctx.env, values.now)),
    );
  } else if (sub === 'move') {
    const { values, positionals } = args(ctx, AGENDA_MOVE);
    json = wantsJson(ctx, values);
    const to = position(values.to, 'to');
    if (to === undefined) throw new ConveneError('USAGE', `move needs --to N (usage: ${usageLine(AGENDA_MOVE)})`);
    item = move(db, itemId(positionals[0], usageLine(AGENDA_MOVE)), to, c(values.as, cliNow(ctx.env, values.now)));
  } else if (sub === 'merge') {
    const { values, positionals } = args(ctx, AGENDA_MERGE);
    json = wantsJson(ctx, values);
    const usage = usageLine(AGENDA_MERGE);
    const [keep, ...others] = positionals.map((p) => itemId(p, usage));
    item = merge(db, keep!, others, c(values.as, cliNow(ctx.env, values.now)));
  } else {
    const { values } = args(ctx, AGENDA_ADD);
    json = wantsJson(ctx, values);
    if (values.title === undefined) throw new ConveneError('USAGE', `add needs --title (usage: ${usageLine(AGENDA_ADD)})`);
    const now = cliNow(ctx.env, values.now);
    const meeting = chooseMeeting(config.meetings, values.meeting);
    const occ = chooseOccurrence(db, meeting, values.occurrence, now);
    const pos = position(values.position, 'position');
    item = addItem(
      db,
      meeting,
      occ,
      {
        title: values.title,
        ...(values.proposer !== undefined ? { proposer: values.proposer } : {}),
        ...(values.presenter !== undefined ? { presenter: values.presenter } : {}),
        ...(values.duration !== undefined ? { durationMinutes: parseMinutes(values.duration) } : {}),
        ...(values.link ? { links: values.link } : {}),
        ...(pos !== undefined ? { position: pos } : {}),
        ...(values.proposed ? { proposed: true } : {}),
      },
      c(values.as, now),
    );
  }
  makePrinter(ctx.stdout, json ? 'json' : 'text', ctx.env).object(itemJson(item), itemLine);
  return 0;
}
