import { join } from 'node:path';
import { type Bench, type BenchContext, type BenchOutcome } from './context.js';
import { preflight } from './preflight.js';
import { dbFacts, runConvene } from './convene.js';
import { prepareMaildir, prepareSlice } from './corpus.js';
import { markPeerIndex, muIndex, muSetup, notmuchNew, notmuchSetup, peerDbSize, peerIndexDir } from './peer-index.js';
import { missingMessage, missingPeers } from './peers.js';
import { fmtBytes, fmtMs, fmtRatio, freshDir, table, type TimedRun } from './util.js';

/** One tool's cold import. */
interface ImportFigure {
  readonly tool: string;
  readonly command: string;
  readonly messages: number;
  readonly wallMs: number;
  readonly msgPerSec: number;
  readonly peakRssBytes: number | null;
  readonly dbBytes: number | null;
}

/**
 * Cold import of the real slice: convene from the mbox, against `mu index` and `notmuch new`
 * on the same messages as a maildir. Each tool starts from an empty database; the input is in
 * the page cache for all three (it was just written or read).
 */
export const importBench: Bench = {
  name: 'import',
  summary: 'cold import msg/s, peak RSS and database size vs mu index and notmuch new',
  async run(ctx: BenchContext): Promise<BenchOutcome> {
    const ready = preflight(ctx, ['time']);
    if (!('source' in ready)) return ready;
    const { source } = ready;
    const limit = ctx.options.limit;
    const corpusDir = join(ctx.work, 'corpus');
    const slice = await prepareSlice(source, corpusDir, limit);
    // The whole corpus is imported as published (gzip); a slice from its uncompressed cut.
    const input = limit === undefined ? source : slice.mbox;
    ctx.log(`corpus: ${slice.messages} messages, ${fmtBytes(slice.mboxBytes)} as uncompressed mbox; convene reads ${input}`);

    const figures: ImportFigure[] = [];
    const dir = freshDir(join(ctx.work, 'import'));
    const db = join(dir, 'convene.sqlite');
    const conveneArgs = ['import', input, '--json'];
    const run = await runConvene(ctx.root, db, conveneArgs, { cwd: dir, measureRss: true });
    if (run.code !== 0) throw new Error(`convene import exited with ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    const summary = parseImportSummary(run);
    const facts = dbFacts(db);
    figures.push(figure('convene', `node dist/bin/main.js --db ${db} ${conveneArgs.join(' ')}`, slice.messages, run, facts.bytes));
    ctx.log(
      `convene import: ${JSON.stringify(summary)}; ${facts.messages} rows, raw bytes stored ${fmtBytes(facts.rawBytes)}, db before checkpoint ${fmtBytes(facts.bytesBeforeCheckpoint)}`,
    );

    const peersMissing = missingPeers(['mu', 'notmuch']);
    if (peersMissing.length) ctx.log(`peers skipped: ${missingMessage(peersMissing)}`);
    if (peersMissing.length < 2) {
      const maildir = await prepareMaildir(slice, corpusDir);
      // Built where the search bench looks for them, so it need not index again.
      const peerDir = freshDir(peerIndexDir(ctx.work, slice.messages));
      if (!peersMissing.includes('mu')) {
        const mu = await muSetup(maildir, join(peerDir, 'mu'));
        const r = await muIndex(mu);
        markPeerIndex(ctx.work, slice.messages, 'mu');
        figures.push(figure('mu index', `mu index ${mu.args.join(' ')}`, slice.messages, r, peerDbSize(mu)));
      }
      if (!peersMissing.includes('notmuch')) {
        const nm = notmuchSetup(maildir, join(peerDir, 'notmuch'));
        const r = await notmuchNew(nm);
        markPeerIndex(ctx.work, slice.messages, 'notmuch');
        figures.push(
          figure('notmuch new', `NOTMUCH_CONFIG=${nm.env.NOTMUCH_CONFIG} notmuch new --quiet`, slice.messages, r, peerDbSize(nm)),
        );
      }
    }

    const convene = figures[0]!;
    const mu = figures.find((f) => f.tool === 'mu index');
    const notmuch = figures.find((f) => f.tool === 'notmuch new');
    ctx.log(
      table(
        ['tool', 'messages', 'wall', 'msg/s', 'peak RSS', 'database'],
        figures.map((f) => [
          f.tool,
          String(f.messages),
          fmtMs(f.wallMs),
          f.msgPerSec.toFixed(0),
          fmtBytes(f.peakRssBytes ?? NaN),
          fmtBytes(f.dbBytes ?? NaN),
        ]),
      ),
    );
    const ratios = {
      rateVsMu: mu ? convene.msgPerSec / mu.msgPerSec : null,
      rateVsNotmuch: notmuch ? convene.msgPerSec / notmuch.msgPerSec : null,
      dbVsRawMbox: facts.bytes / slice.mboxBytes,
      dbVsNotmuchDb: notmuch?.dbBytes ? facts.bytes / notmuch.dbBytes : null,
      notmuchDbVsRawMbox: notmuch?.dbBytes ? notmuch.dbBytes / slice.mboxBytes : null,
    };
    ctx.log(
      `convene rate / mu rate: ${fmtRatio(ratios.rateVsMu ?? NaN)} (target ≥ 2×); / notmuch rate: ${fmtRatio(ratios.rateVsNotmuch ?? NaN)}`,
    );
    ctx.log(`peak RSS: ${fmtBytes(convene.peakRssBytes ?? NaN)} (target < 300 MiB, flat in corpus size: compare the scale bench)`);
    ctx.log(
      `database (checkpointed, raw mail included): ${fmtBytes(facts.bytes)} = ${fmtRatio(ratios.dbVsRawMbox)} the raw mbox (${fmtBytes(slice.mboxBytes)}; target ≤ 1×)` +
        (notmuch?.dbBytes
          ? `; ${fmtRatio(ratios.dbVsNotmuchDb ?? NaN)} notmuch's index (${fmtBytes(notmuch.dbBytes)} = ${fmtRatio(ratios.notmuchDbVsRawMbox ?? NaN)} the mbox, mail not included)`
          : ''),
    );
    return {
      status: 'ok',
      figures: {
        corpus: { source, messages: slice.messages, rawMboxBytes: slice.mboxBytes, input },
        convene: { summary, db: facts },
        tools: figures,
        ratios,
      },
    };
  },
};

function figure(tool: string, command: string, messages: number, run: TimedRun, dbBytes: number | null): ImportFigure {
  return {
    tool,
    command,
    messages,
    wallMs: run.wallMs,
    msgPerSec: messages / (run.wallMs / 1000),
    peakRssBytes: run.maxRssBytes ?? null,
    dbBytes,
  };
}

/** convene import --json prints { paths, total }; keep the total (or null if the shape changed). */
function parseImportSummary(run: TimedRun): unknown {
  try {
    return (JSON.parse(run.stdout) as { total?: unknown }).total ?? null;
  } catch {
    return null;
  }
}
