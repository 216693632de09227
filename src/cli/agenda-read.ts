/** `convene agenda list` and `convene agenda log`. */
import { agendaFor, ITEM_STATES, listItems, type ItemState } from '../agenda/reader.js';
import { readLog } from '../store/audit.js';
import { ConveneError } from '../errors.js';
import { chooseMeeting, chooseOccurrence, itemJson, itemLine, localLabel } from './agenda-common.js';
import { cliNow } from './clock.js';
import { intOption, parseCommandArgs } from './args.js';
import type { CommandContext } from './context.js';
import { makePrinter } from './output.js';

const OPEN: readonly ItemState[] = ['proposed', 'accepted', 'deferred'];

export async function runRead(sub: string, ctx: CommandContext): Promise<number> {
  return sub === 'list' ? list(ctx) : sub === 'show' ? show(ctx) : log(ctx);
}

/** The whole agenda of one occurrence, as the digest will show it (agendaFor). */
function show(ctx: CommandContext): number {
  const usage = 'convene agenda show [--meeting ID] [--occurrence DATE|next] [--json]';
  const { values } = parseCommandArgs(
    ctx.argv,
    { meeting: { type: 'string' }, occurrence: { type: 'string' }, json: { type: 'boolean' }, now: { type: 'string' } },
    usage,
  );
  const meeting = chooseMeeting(ctx.config().meetings, values.meeting);
  const db = ctx.db();
  const occ = chooseOccurrence(db, meeting, values.occurrence, cliNow(ctx.env, values.now));
  const view = agendaFor(db, meeting, occ);
  const printer = makePrinter(ctx.stdout, values.json || ctx.globals.json ? 'json' : 'text', ctx.env);
  const json = {
    meeting: meeting.id,
    occurrence: occ.key,
    start: new Date(occ.start).toISOString(),
    status: occ.status,
    agenda: view.agenda.map(itemJson),
    standing: view.standing,
    carriedOver: view.carriedOver.map(itemJson),
    awaiting: view.awaiting.map(itemJson),
  };
  printer.object(json, () => {
    const section = (title: string, lines: string[]) => (lines.length ? [`${title}:`, ...lines.map((l) => `  ${l}`)] : []);
    return [
      `${meeting.name}, ${localLabel(occ.start, meeting.zone)} (${occ.key}${occ.status !== 'scheduled' ? `, ${occ.status}` : ''})`,
      ...section(
        'Agenda',
        view.agenda.map(
          (i) =>
            `${i.position}. ${i.title}${i.presenter ? ` [${i.presenter}]` : ''}${i.durationMinutes ? ` (${i.durationMinutes} min)` : ''}` +
            ` — ${i.proposer} #${i.id}${i.state === 'done' ? ' (done)' : ''}`,
        ),
      ),
      ...section(
        'Standing',
        view.standing.map((s) => s.title),
      ),
      ...section(
        'Carried over',
        view.carriedOver.map((i) => `${i.title} — ${i.proposer} #${i.id} (${i.state})`),
      ),
      ...section(
        'Awaiting review',
        view.awaiting.map((i) => `${i.title} — ${i.proposer} #${i.id}${i.late ? ' (late)' : ''}`),
      ),
      ...(view.agenda.length + view.carriedOver.length + view.awaiting.length === 0 ? ['(no items yet)'] : []),
    ].join('\n');
  });
  return 0;
}

/** Parse --state: a state, several comma-separated, "open" (the default) or "all". */
export function parseStates(text: string | undefined): readonly ItemState[] | undefined {
  if (text === undefined || text === 'open') return OPEN;
  if (text === 'all') return undefined;
  const states = text.split(',').map((s) => s.trim());
  for (const s of states) {
    if (!(ITEM_STATES as readonly string[]).includes(s))
      throw new ConveneError('USAGE', `--state takes ${ITEM_STATES.join(', ')}, open or all, not "${s}"`);
  }
  return states as ItemState[];
}

function list(ctx: CommandContext): number {
  const usage = 'convene agenda list [--meeting ID] [--occurrence DATE|next] [--state S|open|all] [--json]';
  const { values } = parseCommandArgs(
    ctx.argv,
    {
      meeting: { type: 'string' },
      occurrence: { type: 'string' },
      state: { type: 'string' },
      json: { type: 'boolean' },
      now: { type: 'string' },
    },
    usage,
  );
  const config = ctx.config();
  const db = ctx.db();
  const states = parseStates(values.state);
  let meetingId = values.meeting;
  let occurrenceKey: string | undefined;
  if (values.occurrence !== undefined) {
    const meeting = chooseMeeting(config.meetings, values.meeting);
    meetingId = meeting.id;
    occurrenceKey = chooseOccurrence(db, meeting, values.occurrence, cliNow(ctx.env, values.now)).key;
  } else if (meetingId !== undefined) {
    chooseMeeting(config.meetings, meetingId);
  }
  const items = listItems(db, {
    now: cliNow(ctx.env, values.now),
    ...(meetingId ? { meetingId } : {}),
    ...(occurrenceKey ? { occurrenceKey } : {}),
    ...(states ? { states } : {}),
  });
  const printer = makePrinter(ctx.stdout, values.json || ctx.globals.json ? 'json' : 'text', ctx.env);
  if (printer.format === 'text' && items.length === 0) {
    printer.line('no agenda items');
    return 0;
  }
  printer.records(items.map(itemJson), (i) => itemLine(items.find((x) => x.id === i.id)!));
  return 0;
}

function log(ctx: CommandContext): number {
  const usage = 'convene agenda log [--item ID] [--meeting ID] [--limit N] [--all] [--json]';
  const { values } = parseCommandArgs(
    ctx.argv,
    {
      item: { type: 'string' },
      meeting: { type: 'string' },
      limit: { type: 'string' },
      all: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    usage,
  );
  const entries = readLog(ctx.db(), {
    ...(values.item !== undefined ? { itemId: intOption(values.item, 'item', 0) } : {}),
    ...(values.meeting !== undefined ? { meetingId: values.meeting } : {}),
    limit: intOption(values.limit, 'limit', 200) || 1_000_000,
    // extraction adds are many; the chair's actions are what `log` is for unless --all
    includeExtraction: values.all === true,
  });
  const printer = makePrinter(ctx.stdout, values.json || ctx.globals.json ? 'json' : 'text', ctx.env);
  printer.records(entries, (e) => {
    const what = e.itemId !== null ? `#${e.itemId}` : (e.occurrenceKey ?? e.meetingId ?? '');
    const after = e.after && typeof e.after === 'object' ? (e.after as Record<string, unknown>) : {};
    const before = e.before && typeof e.before === 'object' ? (e.before as Record<string, unknown>) : {};
    const changes = Object.keys(after)
      .filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]))
      .map((k) => `${k}: ${JSON.stringify(before[k] ?? null)} → ${JSON.stringify(after[k])}`)
      .join('; ');
    return `${new Date(e.at).toISOString()}  ${e.actor.padEnd(10)} ${e.action.padEnd(14)} ${what}${changes ? '  ' + changes : ''}`;
  });
  return 0;
}
