/** `convene agenda list` and `convene agenda log`. */
import { agendaFor, ITEM_STATES, listItems, type ItemState } from '../agenda/items/reader.js';
import { readLog } from '../store/audit.js';
import { ConveneError } from '../errors.js';
import { chooseMeeting, chooseOccurrence, itemJson, itemLine, localLabel } from './agenda-common.js';
import { cliNow } from './clock.js';
import { intOption } from './args.js';
import { args, wantsJson, type CommandContext } from './context.js';
import { AGENDA_LIST, AGENDA_LOG, AGENDA_SHOW } from './specs/agenda.js';
import { isoTime, styledJson } from './json.js';
import { makePrinter } from './output.js';
import { shortIn, userZone } from './when.js';

const OPEN: readonly ItemState[] = ['proposed', 'accepted', 'deferred'];

export async function runRead(sub: string, ctx: CommandContext): Promise<number> {
  return sub === 'list' ? list(ctx) : sub === 'show' ? show(ctx) : log(ctx);
}

/** The whole agenda of one occurrence, as the digest will show it (agendaFor). */
function show(ctx: CommandContext): number {
  const { values } = args(ctx, AGENDA_SHOW);
  const meeting = chooseMeeting(ctx.config().meetings, values.meeting);
  const db = ctx.db();
  const occ = chooseOccurrence(db, meeting, values.occurrence, cliNow(ctx.env, values.now));
  const view = agendaFor(db, meeting, occ);
  const printer = makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env);
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
  // The formatter reads only `j` (made safe for the terminal by the printer), and the config.
  printer.object(json, (j) => {
    const section = (title: string, lines: string[]) => (lines.length ? [`${title}:`, ...lines.map((l) => `  ${l}`)] : []);
    return [
      `${meeting.name}, ${localLabel(occ.start, meeting.zone)} (${j.occurrence}${j.status !== 'scheduled' ? `, ${j.status}` : ''})`,
      ...section(
        'Agenda',
        j.agenda.map(
          (i) =>
            `${i.position}. ${i.title}${i.presenter ? ` [${i.presenter}]` : ''}${i.durationMinutes ? ` (${i.durationMinutes} min)` : ''}` +
            ` — ${i.proposer} #${i.id}${i.state === 'done' ? ' (done)' : ''}`,
        ),
      ),
      ...section(
        'Standing',
        j.standing.map((s) => s.title),
      ),
      ...section(
        'Carried over',
        j.carriedOver.map((i) => `${i.title} — ${i.proposer} #${i.id} (${i.state})`),
      ),
      ...section(
        'Awaiting review',
        j.awaiting.map((i) => `${i.title} — ${i.proposer} #${i.id}${i.late ? ' (late)' : ''}`),
      ),
      ...(j.agenda.length + j.carriedOver.length + j.awaiting.length === 0 ? ['(no items yet)'] : []),
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
  const { values } = args(ctx, AGENDA_LIST);
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
  const printer = makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env);
  if (printer.format === 'text' && items.length === 0) {
    printer.line('no agenda items');
    return 0;
  }
  printer.records(items.map(itemJson), itemLine);
  return 0;
}

function log(ctx: CommandContext): number {
  const { values } = args(ctx, AGENDA_LOG);
  const entries = readLog(ctx.db(), {
    ...(values.item !== undefined ? { itemId: intOption(values.item, 'item', 0) } : {}),
    ...(values.meeting !== undefined ? { meetingId: values.meeting } : {}),
    limit: intOption(values.limit, 'limit', 200) || 1_000_000,
    // extraction adds are many; the chair's actions are what `log` is for unless --all
    includeExtraction: values.all === true,
  });
  const printer = makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env);
  if (printer.format === 'json') {
    printer.records(
      entries.map((e) => ({
        id: e.id,
        at: isoTime(e.at),
        actor: e.actor,
        action: e.action,
        itemId: e.itemId,
        meeting: e.meetingId,
        occurrence: e.occurrenceKey,
        before: styledJson(e.before),
        after: styledJson(e.after),
      })),
      () => '',
    );
    return 0;
  }
  const zone = userZone(ctx.env);
  if (entries.length) printer.line(`(times in ${zone})`);
  printer.records(entries, (e) => {
    const what = e.itemId !== null ? `#${e.itemId}` : (e.occurrenceKey ?? e.meetingId ?? '');
    const after = e.after && typeof e.after === 'object' ? (e.after as Record<string, unknown>) : {};
    const before = e.before && typeof e.before === 'object' ? (e.before as Record<string, unknown>) : {};
    const changes = Object.keys(after)
      .filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]))
      .map((k) => `${k}: ${JSON.stringify(before[k] ?? null)} → ${JSON.stringify(after[k])}`)
      .join('; ');
    return `${shortIn(e.at, zone)}  ${e.actor.padEnd(10)} ${e.action.padEnd(14)} ${what}${changes ? '  ' + changes : ''}`;
  });
  return 0;
}
