/**
 * `convene agenda review`: walk the inbox on a terminal, one key per action — a accept,
 * r reject, d defer, e edit the title, s skip, q quit — with each item's source message shown
 * (the author's own text, quotes and signature removed). Without a TTY it refuses: a script
 * should use accept/reject/defer, which cannot be misread from piped input.
 */
import { ownTextOf } from '../agenda/extract/agenda-message.js';
import { actorFrom } from './actor.js';
import type { AgendaItem } from '../agenda/items/item-types.js';
import { agendaFor, listItems } from '../agenda/items/reader.js';
import { accept, defer, edit, reject, type ReviewContext } from '../agenda/items/review.js';
import { ConveneError } from '../errors.js';
import type { Db } from '../store/db.js';
import { chooseMeeting, chooseOccurrence } from './agenda-common.js';
import { cliNow } from './clock.js';
import { args, type CommandContext } from './context.js';
import { AGENDA_REVIEW } from './specs/agenda.js';
import { makePrinter, styles, type Printer } from './output.js';
import { safeDeep } from './terminal-text.js';
import { labelIn } from './when.js';

/** Terminal input and output, injectable for tests. */
export interface ReviewIO {
  /** One key press (lower-cased), or 'q' at end of input. */
  key(): Promise<string>;
  /** A line of text (for edits and reasons). */
  line(prompt: string): Promise<string>;
  write(text: string): void;
}

export interface ReviewTally {
  accepted: number;
  rejected: number;
  deferred: number;
  edited: number;
  skipped: number;
}

const MAX_SHOWN_LINES = 30;

/** Walk `items`; stops at q. Returns what was done. */
export async function reviewSession(
  db: Db,
  items: readonly AgendaItem[],
  io: ReviewIO,
  c: ReviewContext,
  color = false,
): Promise<ReviewTally> {
  const s = styles(color);
  const tally: ReviewTally = { accepted: 0, rejected: 0, deferred: 0, edited: 0, skipped: 0 };
  let n = 0;
  for (const stored of items) {
    n++;
    // What is shown comes from mail: made safe for the terminal first (terminal-text.ts).
    const item = safeDeep(stored);
    io.write(`\n${s.bold(`[${n}/${items.length}] #${item.id} ${item.title}`)}\n`);
    io.write(
      s.dim(
        `${item.occurrenceKey ?? '(no occurrence)'} · proposed by ${item.proposer || '?'} · rule ${item.rule ?? 'chair'}` +
          `${item.late ? ' · LATE' : ''}${item.carriedOver ? ' · carried over' : ''}` +
          `${item.supporters.length ? ` · supported by ${item.supporters.join(', ')}` : ''}`,
      ) + '\n',
    );
    const mid = stored.messageIds[0];
    const source = mid ? safeDeep(await ownTextOf(db, mid)) : null;
    if (source) {
      const lines = source.text.split('\n');
      const zone = c.meetings?.find((m) => m.id === item.meetingId)?.zone ?? 'UTC';
      const when = source.date !== null ? ', ' + labelIn(source.date, zone) : '';
      io.write(s.cyan(`--- ${source.from}${when}: ${source.subject}`) + '\n');
      io.write(
        lines.slice(0, MAX_SHOWN_LINES).join('\n') +
          (lines.length > MAX_SHOWN_LINES ? `\n${s.dim(`[${lines.length - MAX_SHOWN_LINES} more lines]`)}` : '') +
          '\n',
      );
    }
    let done = false;
    for (let tries = 0; !done && tries < 100; tries++) {
      io.write(`${s.yellow('[a]ccept [r]eject [d]efer [e]dit [s]kip [q]uit')} > `);
      const k = await io.key();
      io.write(`${k}\n`);
      done = true;
      if (k === 'a') {
        const after = accept(db, item.id, c);
        io.write(s.green(`accepted at position ${after.position}`) + '\n');
        tally.accepted++;
      } else if (k === 'r') {
        const reason = (await io.line('reason (optional): ')).trim();
        reject(db, item.id, reason || null, c);
        io.write(s.red('rejected') + '\n');
        tally.rejected++;
      } else if (k === 'd') {
        const after = defer(db, item.id, c);
        io.write(`deferred to ${after.occurrenceKey}\n`);
        tally.deferred++;
      } else if (k === 'e') {
        const title = (await io.line(`title [${item.title}]: `)).trim();
        if (title) {
          edit(db, item.id, { title }, c);
          tally.edited++;
        }
        done = false; // still to decide
      } else if (k === 's' || k === ' ' || k === '\r' || k === '\n') {
        tally.skipped++;
      } else if (k === 'q' || k === '\u0003' || k === '\u0004') {
        return tally;
      } else {
        done = false;
      }
    }
  }
  return tally;
}

export async function runReview(ctx: CommandContext): Promise<number> {
  const { values } = args(ctx, AGENDA_REVIEW);
  const stdin = process.stdin;
  if (!stdin.isTTY || !ctx.stdout.isTTY) {
    throw new ConveneError(
      'USAGE',
      'agenda review is interactive and needs a terminal; use agenda list, then agenda accept|reject|defer ITEM',
    );
  }
  const config = ctx.config();
  const db = ctx.db();
  const now = cliNow(ctx.env, values.now);
  let items: AgendaItem[];
  if (values.meeting !== undefined || values.occurrence !== undefined || config.meetings.length === 1) {
    const meeting = chooseMeeting(config.meetings, values.meeting);
    items = [...agendaFor(db, meeting, chooseOccurrence(db, meeting, values.occurrence, now)).awaiting];
  } else {
    items = listItems(db, { states: ['proposed'] });
  }
  if (items.length === 0) {
    makePrinter(ctx.stdout, 'text', ctx.env).line('nothing awaits review');
    return 0;
  }
  const c: ReviewContext = { actor: actorFrom(values.as, ctx.env), now, meetings: config.meetings };
  const printer = makePrinter(ctx.stdout, 'text', ctx.env);
  const io = terminalIO(stdin, ctx.stdout, printer);
  try {
    const t = await reviewSession(db, items, io, c, printer.color);
    printer.write(`\n${t.accepted} accepted, ${t.rejected} rejected, ${t.deferred} deferred, ${t.edited} edited, ${t.skipped} skipped\n`);
  } finally {
    io.close();
  }
  return 0;
}

function terminalIO(stdin: NodeJS.ReadStream, out: NodeJS.WritableStream, printer: Printer): ReviewIO & { close(): void } {
  stdin.setRawMode(true);
  stdin.resume();
  const key = (): Promise<string> =>
    new Promise((resolve) => {
      const onData = (d: Buffer): void => {
        stdin.off('end', onEnd);
        resolve(d.toString('utf8').slice(0, 1).toLowerCase());
      };
      const onEnd = (): void => {
        stdin.off('data', onData);
        resolve('q');
      };
      stdin.once('data', onData);
      stdin.once('end', onEnd);
    });
  const line = async (prompt: string): Promise<string> => {
    stdin.setRawMode(false);
    const { createInterface } = await import('node:readline/promises');
    const rl = createInterface({ input: stdin, output: out, terminal: true });
    try {
      return await rl.question(prompt);
    } finally {
      rl.close();
      stdin.setRawMode(true);
      stdin.resume();
    }
  };
  return {
    key,
    line,
    write: (t) => printer.write(t),
    close: () => {
      stdin.setRawMode(false);
      stdin.pause();
    },
  };
}
