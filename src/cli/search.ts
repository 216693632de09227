import { ConveneError } from '../errors.js';
import { cliNow } from './clock.js';
import { intOption } from './args.js';
import { args, wantsJson, type Command, type CommandContext } from './context.js';
import { SEARCH } from './specs/archive.js';
import { shortIn, userZone } from './when.js';
import { makePrinter, styles, type OutputFormat } from './output.js';
import { fit } from './terminal-text.js';
import { mark } from './timings.js';
import type { MessageHit, SortOrder } from '../search/run.js';
import type { ThreadHit } from '../search/threads.js';

/**
 * Text output stops at 50 rows unless --limit says otherwise (a screenful, with a note when
 * more matched); --json, --jsonl and --format mboxrd are for programs and give every match,
 * as notmuch does. --limit 0 means no limit everywhere.
 */
export const DEFAULT_TEXT_LIMIT = 50;

export const command: Command = {
  async run(ctx) {
    const { values, positionals } = args(ctx, SEARCH);
    const sort = (values.sort ?? 'newest') as SortOrder;
    if (!['newest', 'oldest', 'relevance'].includes(sort))
      throw new ConveneError('USAGE', `--sort takes relevance, newest or oldest, not "${values.sort}"`);
    const format = outputFormat(values.format, wantsJson(ctx, values), values.jsonl === true);
    if (format === 'mboxrd' && values.threads) throw new ConveneError('USAGE', '--threads cannot be combined with --format mboxrd');
    const limit = intOption(values.limit, 'limit', format === 'text' ? DEFAULT_TEXT_LIMIT : 0);

    const { prepareQuery } = await import('../search/query.js');
    const query = prepareQuery(positionals.join(' '), cliNow(ctx.env));
    mark('parse');
    if (values.explain) {
      const { explainQuery } = await import('../search/explain.js');
      if (format === 'text') ctx.stdout.write(explainQuery(query.ast, query.compiled) + '\n');
      else makePrinter(ctx.stdout, 'json', ctx.env).object(await explainJson(query), () => '');
      return 0;
    }
    const run = await import('../search/run.js');
    const db = ctx.db();
    if (format === 'mboxrd') {
      const { writeMboxrd } = await import('../search/mboxrd-writer.js');
      await writeMboxrd(db, ctx.stdout, run.searchIds(db, query.compiled, { sort, limit }));
      return 0;
    }
    // One extra row tells text output whether to mention that more matched.
    const fetch = format === 'text' && limit > 0 ? limit + 1 : limit;
    const printer = makePrinter(ctx.stdout, format, ctx.env);
    if (values.threads) {
      const { searchThreads } = await import('../search/threads.js');
      const hits = searchThreads(db, query.compiled, { sort, limit: fetch });
      mark('query');
      const shownThreads = limit > 0 ? hits.slice(0, limit) : hits;
      if (format !== 'text') {
        printer.records(shownThreads.map(threadJson), () => '');
        mark('render');
        return 0;
      }
      printer.records(shownThreads, threadLine(printer.color, userZone(ctx.env)));
      mark('render');
      if (shownThreads.length) ctx.stderr.write(`(times in ${userZone(ctx.env)})\n`);
      if (hits.length === 0) ctx.stderr.write('no threads match\n');
      else if (limit > 0 && hits.length > limit) ctx.stderr.write(`(more threads match: --limit 0 shows all)\n`);
      return 0;
    }
    // Rows stream from the query to the output (--limit 0 at a million messages: flat memory).
    if (format !== 'text') {
      if (sort === 'relevance')
        printer.records(mapped(firstRowMarked(run.messageHits(db, query.compiled, { sort, limit })), hitJson), () => '');
      else printer.jsonRecords(firstRowMarked(run.messageJson(db, query.compiled, { sort, limit })));
      mark('render');
      return 0;
    }
    const hits = firstRowMarked(run.messageHits(db, query.compiled, { sort, limit: fetch }));
    const { printText } = await import('./search-text.js');
    const { shown, more } = await printText(ctx, printer, hits, limit, query.ast);
    mark('render');
    if (shown > 0) ctx.stderr.write(`(times in ${userZone(ctx.env)})\n`);
    if (shown === 0) ctx.stderr.write('no messages match\n');
    else if (more) ctx.stderr.write(`(more messages match: --limit 0 shows all)\n`);
    return 0;
  },
};

/** The rows, with the "query" timing mark set when the first one arrives (or none does). */
function* firstRowMarked<T>(rows: Iterable<T>): Generator<T> {
  let first = true;
  for (const row of rows) {
    if (first) mark('query');
    first = false;
    yield row;
  }
  if (first) mark('query');
}

function* mapped<T, U>(items: Iterable<T>, f: (t: T) => U): Generator<U> {
  for (const t of items) yield f(t);
}

function outputFormat(format: string | undefined, json: boolean, jsonl: boolean): OutputFormat | 'mboxrd' {
  if (format !== undefined && !['mboxrd', 'text', 'json', 'jsonl'].includes(format)) {
    throw new ConveneError('USAGE', `--format takes mboxrd, text, json or jsonl, not "${format}"`);
  }
  if (format) return format as OutputFormat | 'mboxrd';
  return jsonl ? 'jsonl' : json ? 'json' : 'text';
}

/** Search results as JSON: the fields scripts rely on (search/run.ts messageJson builds the same in SQL). */
export function hitJson(h: MessageHit) {
  return {
    messageId: h.headerMid ?? h.mid,
    ...(h.headerMid !== h.mid ? { storedId: h.mid } : {}),
    threadId: h.threadId,
    date: h.date === null ? null : new Date(h.date).toISOString(),
    from: { name: h.fromName, address: h.fromAddr },
    subject: h.subject,
    ...(h.score !== null ? { score: h.score } : {}),
  };
}

function threadJson(t: ThreadHit) {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    threadId: t.threadId,
    matched: t.matched,
    total: t.total,
    firstDate: iso(t.firstDate),
    lastDate: iso(t.lastDate),
    subject: t.subject,
    participants: t.participants,
  };
}

/** "2019-05-28 05:22" in `zone` (the user's: text output names it once). */
export function shortDate(ms: number | null, zone = 'UTC'): string {
  return ms === null ? '(no date)       ' : shortIn(ms, zone);
}

function threadLine(color: boolean, zone: string) {
  const st = styles(color);
  return (t: ThreadHit): string => {
    const people =
      t.participants.length > 3 ? `${t.participants.slice(0, 3).join(', ')}, +${t.participants.length - 3}` : t.participants.join(', ');
    const when = st.dim(shortDate(t.lastDate, zone));
    return `${when}  [${t.matched}/${t.total}]  ${st.cyan(fit(people, 30))}  ${t.subject}  ${st.dim(`thread:${t.threadId}`)}`;
  };
}

/** --explain --json: the query as read (one step per node, depth-first), the FTS5 text and the SQL. */
async function explainJson(query: import('../search/query.js').PreparedQuery) {
  const { describe } = await import('../search/explain.js');
  type Node = import('../search/ast.js').QueryNode;
  const steps: { depth: number; node: string; description: string }[] = [];
  const stack: { node: Node; depth: number }[] = [{ node: query.ast, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    steps.push({ depth, node: node.kind, description: describe(node) });
    const kids = node.kind === 'and' || node.kind === 'or' ? node.children : node.kind === 'not' ? [node.child] : [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth: depth + 1 });
  }
  return { query: query.text, steps, match: query.compiled.match ?? null, where: query.compiled.where, params: query.compiled.params };
}
