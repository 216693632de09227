/**
 * The chair's actions on several items at once: `agenda accept|reject|defer|withdraw|done ITEM...`,
 * `agenda reject --from-message MSGID` and `agenda expire --before DATE`. Each item is acted on
 * and reported by itself (DESIGN principle 8: per-item results, no dying halfway); the exit code
 * is 1 when any failed. One ITEM alone keeps the single-item form: its JSON object, or its error.
 */
import { actorFrom } from './actor.js';
import { getItem, listItems, type AgendaItem } from '../agenda/items/reader.js';
import { accept, defer, markDone, reject, withdraw, type ReviewContext } from '../agenda/items/review.js';
import { ConveneError, oneLine } from '../errors.js';
import { chooseMeeting, chooseOccurrence, itemId, itemJson, itemLine } from './agenda-common.js';
import { cliNow } from './clock.js';
import { args, wantsJson, type CommandContext } from './context.js';
import { safeDeep } from './terminal-text.js';
import { makePrinter } from './output.js';
import { usageLine } from './usage.js';
import * as S from './specs/agenda.js';

const SPECS = {
  accept: S.AGENDA_ACCEPT,
  reject: S.AGENDA_REJECT,
  defer: S.AGENDA_DEFER,
  withdraw: S.AGENDA_WITHDRAW,
  done: S.AGENDA_DONE,
  expire: S.AGENDA_EXPIRE,
} as const;

type Values = {
  readonly reason?: string;
  readonly 'from-message'?: string;
  readonly before?: string;
  readonly meeting?: string;
  readonly position?: string;
  readonly occurrence?: string;
  readonly as?: string;
  readonly json?: boolean;
  readonly now?: string;
};

export interface ItemResult {
  readonly id: number;
  readonly ok: boolean;
  readonly item?: ReturnType<typeof itemJson>;
  readonly error?: string;
}

export async function runBulk(sub: keyof typeof SPECS, ctx: CommandContext): Promise<number> {
  const spec = SPECS[sub];
  const parsed = args(ctx, spec);
  const values = parsed.values as Values;
  const config = ctx.config();
  const db = ctx.db();
  const now = cliNow(ctx.env, values.now);
  const c: ReviewContext = { actor: actorFrom(values.as, ctx.env), now, meetings: config.meetings };
  const usage = usageLine(spec);
  const ids = parsed.positionals.map((p) => itemId(p, usage));
  const selected = sub === 'expire' ? expiring(ctx, values) : values['from-message'] ? fromMessage(ctx, values['from-message']) : [];
  const all = [...new Set([...ids, ...selected])];
  if (all.length === 0) {
    if (sub === 'expire' || values['from-message'] !== undefined) {
      ctx.stdout.write(wantsJson(ctx, values) ? '[]\n' : 'no items to act on\n');
      return 0;
    }
    throw new ConveneError(
      'USAGE',
      `agenda ${sub} needs ITEM...${'from-message' in values || sub === 'reject' ? ' or --from-message MSGID' : ''} (usage: ${usage})`,
    );
  }
  const position = positionOf(values.position);
  const act = (id: number, i: number): AgendaItem => {
    switch (sub) {
      case 'accept': {
        const occurrenceKey = values.occurrence !== undefined ? occurrenceKeyFor(ctx, id, values.occurrence, now) : undefined;
        return accept(db, id, c, {
          ...(position !== undefined ? { position: position + i } : {}),
          ...(occurrenceKey !== undefined ? { occurrenceKey } : {}),
        });
      }
      case 'reject':
        return reject(db, id, values.reason ?? null, c);
      case 'expire':
        return reject(db, id, values.reason ?? `expired: its call was before ${values.before}`, c);
      case 'withdraw':
        return withdraw(db, id, values.reason ?? null, c);
      case 'defer':
        return defer(db, id, c);
      default:
        return markDone(db, id, c);
    }
  };
  const printer = makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env);
  if (all.length === 1 && selected.length === 0) {
    const item = act(all[0]!, 0);
    printer.object(itemJson(item), itemLine);
    return 0;
  }
  const results: ItemResult[] = all.map((id, i) => {
    try {
      return { id, ok: true, item: itemJson(act(id, i)) };
    } catch (err) {
      if (!(err instanceof ConveneError)) throw err;
      return { id, ok: false, error: oneLine(err) };
    }
  });
  printer.records(results, (r) => {
    // Read again: a later action of the batch may have moved this item. Made safe as the printer's records are.
    const item = r.ok ? getItem(db, r.id) : null;
    return item ? itemLine(safeDeep(itemJson(item), false)) : `#${String(r.id).padEnd(4)} failed: ${r.error}`;
  });
  const failed = results.filter((r) => !r.ok).length;
  if (printer.format === 'text')
    ctx.stderr.write(`${results.length - failed} of ${results.length} items: ${sub} done${failed ? `, ${failed} failed` : ''}\n`);
  return failed ? 1 : 0;
}

function positionOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new ConveneError('USAGE', `--position takes a position from 1, not "${text}"`);
  return Number(text);
}

/** The open items a message proposed or supported. */
function fromMessage(ctx: CommandContext, text: string): number[] {
  const mid = text.trim().replace(/^<|>$/g, '');
  const items = listItems(ctx.db(), { states: ['proposed', 'accepted', 'deferred'] });
  const found = items.filter((i) => i.messageIds.includes(mid)).map((i) => i.id);
  if (found.length === 0) throw new ConveneError('NOT_FOUND', `no open agenda item came from <${mid}>`);
  return found;
}

/** Items still awaiting a decision (proposed, deferred) whose call is before --before. */
function expiring(ctx: CommandContext, values: Values): number[] {
  const before = values.before;
  if (before === undefined) throw new ConveneError('USAGE', `agenda expire needs --before DATE (usage: ${usageLine(S.AGENDA_EXPIRE)})`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(before)) throw new ConveneError('USAGE', `--before takes a local date like 2025-06-01, not "${before}"`);
  const meetingId = values.meeting !== undefined ? chooseMeeting(ctx.config().meetings, values.meeting).id : undefined;
  return listItems(ctx.db(), { states: ['proposed', 'deferred'], ...(meetingId ? { meetingId } : {}) })
    .filter((i) => i.occurrenceKey !== null && i.occurrenceKey.slice(i.meetingId.length + 1, i.meetingId.length + 11) < before)
    .map((i) => i.id);
}

function occurrenceKeyFor(ctx: CommandContext, id: number, text: string, now: number): string {
  const item = getItem(ctx.db(), id);
  if (!item) throw new ConveneError('NOT_FOUND', `agenda: no item ${id}`);
  return chooseOccurrence(ctx.db(), chooseMeeting(ctx.config().meetings, item.meetingId), text, now).key;
}
