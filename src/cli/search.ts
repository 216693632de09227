import { ConveneError } from '../errors.js';
import { cliNow } from './clock.js';
import { parseCommandArgs, intOption } from './args.js';
import type { Command, CommandContext } from './context.js';
import { makePrinter, styles, type OutputFormat } from './output.js';
import { mark } from './timings.js';
import type { MessageHit, SortOrder, ThreadHit } from '../search/run.js';

const USAGE = 'convene search QUERY [--sort relevance|newest|oldest] [--limit N] [--threads] [--json|--jsonl|--format mboxrd] [--explain]';

/**
 * Text output stops at 50 rows unless --limit says otherwise (a screenful, with a note when
 * more matched); --json, --jsonl and --format mboxrd are for programs and give every match,
 * as notmuch does. --limit 0 means no limit everywhere.
 */
export const DEFAULT_TEXT_LIMIT = 50;

export const command: Command = {
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(
      ctx.argv,
      {
        sort: { type: 'string' },
        limit: { type: 'string' },
        threads: { type: 'boolean' },
        json: { type: 'boolean' },
        jsonl: { type: 'boolean' },
        format: { type: 'string' },
        explain: { type: 'boolean' },
      },
      USAGE,
    );
    if (positionals.length === 0) throw new ConveneError('USAGE', `search needs a query (usage: ${USAGE}; see convene help search)`);
    const sort = (values.sort ?? 'newest') as SortOrder;
    if (!['newest', 'oldest', 'relevance'].includes(sort))
      throw new ConveneError('USAGE', `--sort takes relevance, newest or oldest, not "${values.sort}"`);
    const format = outputFormat(values.format, values.json === true || ctx.globals.json, values.jsonl === true);
    if (format === 'mboxrd' && values.threads) throw new ConveneError('USAGE', '--threads cannot be combined with --format mboxrd');
    const limit = intOption(values.limit, 'limit', format === 'text' ? DEFAULT_TEXT_LIMIT : 0);

    const { prepareQuery } = await import('../search/query.js');
    const query = prepareQuery(positionals.join(' '), cliNow(ctx.env));
    mark('parse');
    if (values.explain) {
      const { explainQuery } = await import('../search/explain.js');
      ctx.stdout.write(explainQuery(query.ast, query.compiled) + '\n');
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
      const hits = run.searchThreads(db, query.compiled, { sort, limit: fetch });
      mark('query');
      const shownThreads = limit > 0 ? hits.slice(0, limit) : hits;
      if (format !== 'text') {
        printer.records(shownThreads.map(threadJson), () => '');
        return 0;
      }
      printer.records(shownThreads, threadLine(printer.color));
      if (hits.length === 0) ctx.stderr.write('no threads match\n');
      else if (limit > 0 && hits.length > limit) ctx.stderr.write(`(more threads match: --limit 0 shows all)\n`);
      return 0;
    }
    const hits = run.searchMessages(db, query.compiled, { sort, limit: fetch });
    mark('query');
    const shown = limit > 0 ? hits.slice(0, limit) : hits;
    if (format !== 'text') {
      printer.records(shown.map(hitJson), () => '');
      mark('render');
      return 0;
    }
    await printText(ctx, shown, query.ast, printer.color);
    mark('render');
    if (hits.length === 0) ctx.stderr.write('no messages match\n');
    else if (limit > 0 && hits.length > limit) ctx.stderr.write(`(more messages match: --limit 0 shows all)\n`);
    return 0;
  },
};

function outputFormat(format: string | undefined, json: boolean, jsonl: boolean): OutputFormat | 'mboxrd' {
  if (format !== undefined && !['mboxrd', 'text', 'json', 'jsonl'].includes(format)) {
    throw new ConveneError('USAGE', `--format takes mboxrd, text, json or jsonl, not "${format}"`);
  }
  if (format) return format as OutputFormat | 'mboxrd';
  return jsonl ? 'jsonl' : json ? 'json' : 'text';
}

/** Search results as JSON: the fields scripts rely on. */
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

export function shortDate(ms: number | null): string {
  return ms === null ? '(no date)        ' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

function fit(s: string, width: number): string {
  return s.length > width ? s.slice(0, width - 1) + '…' : s.padEnd(width);
}

async function printText(
  ctx: CommandContext,
  hits: readonly MessageHit[],
  ast: import('../search/ast.js').QueryNode,
  color: boolean,
): Promise<void> {
  if (!hits.length) return;
  const st = styles(color);
  const { iterateRaw } = await import('../store/raw-reader.js');
  const { bodyText } = await import('../mail/body-text.js');
  const { makeSnippet, renderSnippet, snippetTerms } = await import('../search/snippet.js');
  const terms = snippetTerms(ast);
  // One prepared statement for every row (readRaw prepares one per call). iterateRaw yields in
  // the order given and skips ids without raw bytes: such a row gets no snippet.
  const raws = iterateRaw(
    ctx.db(),
    hits.map((h) => h.id),
  );
  let next = raws.next();
  for (const h of hits) {
    const raw = !next.done && next.value.id === h.id ? next.value.raw : null;
    if (raw) next = raws.next();
    const snippet = raw ? renderSnippet(makeSnippet(bodyText(raw), terms), (t) => st.bold(st.yellow(t))) : '';
    ctx.stdout.write(
      `${st.dim(shortDate(h.date))}  ${st.cyan(fit(h.fromName || h.fromAddr, 22))}  ${h.subject}  ` +
        `${st.dim(`id:${h.mid} thread:${h.threadId ?? '-'}`)}\n` +
        (snippet ? `    ${snippet}\n` : ''),
    );
  }
}

function threadLine(color: boolean) {
  const st = styles(color);
  return (t: ThreadHit): string => {
    const people =
      t.participants.length > 3 ? `${t.participants.slice(0, 3).join(', ')}, +${t.participants.length - 3}` : t.participants.join(', ');
    const when = st.dim(shortDate(t.lastDate));
    return `${when}  [${t.matched}/${t.total}]  ${st.cyan(fit(people, 30))}  ${t.subject}  ${st.dim(`thread:${t.threadId}`)}`;
  };
}
