/** The chair's actions: accept, reject, defer, withdraw, done, edit, move, merge, add. */
import { actorFrom } from './actor.js';
import { itemRow } from '../agenda/item-reader.js';
import type { AgendaItem } from '../agenda/item-types.js';
import { accept, addItem, defer, edit, markDone, merge, move, reject, withdraw, type ReviewContext } from '../agenda/review.js';
import { ConveneError } from '../errors.js';
import { chooseMeeting, chooseOccurrence, itemId, itemJson, itemLine, parseMinutes } from './agenda-common.js';
import { cliNow } from './clock.js';
import { parseCommandArgs } from './args.js';
import type { CommandContext } from './context.js';
import { makePrinter } from './output.js';

const OPTIONS = {
  as: { type: 'string' },
  json: { type: 'boolean' },
  now: { type: 'string' },
  position: { type: 'string' },
  occurrence: { type: 'string' },
  meeting: { type: 'string' },
  reason: { type: 'string' },
  title: { type: 'string' },
  presenter: { type: 'string' },
  duration: { type: 'string' },
  to: { type: 'string' },
  proposer: { type: 'string' },
  link: { type: 'string', multiple: true },
  proposed: { type: 'boolean' },
} as const;

const USAGES: Record<string, string> = {
  accept: 'convene agenda accept ITEM [--position N] [--occurrence DATE] [--as NAME]',
  reject: 'convene agenda reject ITEM [--reason TEXT] [--as NAME]',
  defer: 'convene agenda defer ITEM [--as NAME]',
  withdraw: 'convene agenda withdraw ITEM [--reason TEXT] [--as NAME]',
  done: 'convene agenda done ITEM [--as NAME]',
  edit: 'convene agenda edit ITEM [--title T] [--presenter P] [--duration MIN] [--as NAME]',
  move: 'convene agenda move ITEM --to N [--as NAME]',
  merge: 'convene agenda merge KEEP OTHER... [--as NAME]',
  add:
    'convene agenda add --title T [--meeting ID] [--occurrence DATE] [--presenter P] [--duration MIN] ' +
    '[--position N] [--proposed] [--as NAME]',
};

function position(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new ConveneError('USAGE', `--${name} takes a position from 1, not "${text}"`);
  return Number(text);
}

export async function runWrite(sub: string, ctx: CommandContext): Promise<number> {
  const usage = USAGES[sub]!;
  const { values, positionals } = parseCommandArgs(ctx.argv, OPTIONS, usage);
  const config = ctx.config();
  const db = ctx.db();
  const now = cliNow(ctx.env, values.now);
  const c: ReviewContext = { actor: actorFrom(values.as, ctx.env), now, meetings: config.meetings };
  const id = (): number => itemId(positionals[0], usage);
  let item: AgendaItem;
  switch (sub) {
    case 'accept': {
      const pos = position(values.position, 'position');
      item = accept(db, id(), c, {
        ...(pos !== undefined ? { position: pos } : {}),
        ...(values.occurrence !== undefined ? { occurrenceKey: occurrenceKeyFor(ctx, id(), values.occurrence, now) } : {}),
      });
      break;
    }
    case 'reject':
      item = reject(db, id(), values.reason ?? null, c);
      break;
    case 'withdraw':
      item = withdraw(db, id(), values.reason ?? null, c);
      break;
    case 'defer':
      item = defer(db, id(), c);
      break;
    case 'done':
      item = markDone(db, id(), c);
      break;
    case 'edit':
      item = edit(
        db,
        id(),
        {
          ...(values.title !== undefined ? { title: values.title } : {}),
          ...(values.presenter !== undefined ? { presenter: values.presenter } : {}),
          ...(values.duration !== undefined ? { durationMinutes: parseMinutes(values.duration) } : {}),
        },
        c,
      );
      break;
    case 'move': {
      const to = position(values.to, 'to');
      if (to === undefined) throw new ConveneError('USAGE', `move needs --to N (usage: ${usage})`);
      item = move(db, id(), to, c);
      break;
    }
    case 'merge':
      if (positionals.length < 2) throw new ConveneError('USAGE', `merge needs two or more items (usage: ${usage})`);
      item = merge(
        db,
        itemId(positionals[0], usage),
        positionals.slice(1).map((p) => itemId(p, usage)),
        c,
      );
      break;
    default: {
      if (values.title === undefined) throw new ConveneError('USAGE', `add needs --title (usage: ${usage})`);
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
        c,
      );
    }
  }
  const printer = makePrinter(ctx.stdout, values.json || ctx.globals.json ? 'json' : 'text', ctx.env);
  printer.object(itemJson(item), itemLine);
  return 0;
}

function occurrenceKeyFor(ctx: CommandContext, id: number, text: string, now: number): string {
  const row = itemRow(ctx.db(), id);
  if (!row) throw new ConveneError('NOT_FOUND', `agenda: no item ${id}`);
  return chooseOccurrence(ctx.db(), chooseMeeting(ctx.config().meetings, row.meeting_id), text, now).key;
}
