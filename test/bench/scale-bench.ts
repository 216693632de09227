import { createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { loadArchiveModel } from './archive-model.js';
import { type Bench, type BenchContext, type BenchOutcome } from './context.js';
import { preflight } from './preflight.js';
import { conveneArgv, dbFacts, runConvene } from './convene.js';
import { writeArchive } from './generate-archive.js';
import { hyperfine } from './hyperfine.js';
import { DEFAULT_FETCH, inprocLatency } from './inproc-search.js';
import { missingMessage, missingPeers } from './peers.js';
import { QUERY_CLASSES } from './queries.js';
import { fmtBytes, fmtMs, freshDir, table } from './util.js';

const INPROC_P95_TARGET_MS = 50;
const THREADS_P95_TARGET_MS = 100;
const CLI_TARGET_MS = 150;
const FIRST_LINE_TARGET_MS = 200;

/**
 * A generated archive of N messages (default 100k; `--n 1000000` for the 1M run, which takes a
 * long while), imported once through the CLI: import rate, peak RSS, database size, then the
 * query classes in-process (p50/p95) and as whole processes (hyperfine medians).
 * The generated mbox and the database are removed afterwards unless --keep.
 */
export const scaleBench: Bench = {
  name: 'scale',
  summary: 'generated archive of N messages: import rate, RSS, db size, search p50/p95 and CLI time',
  async run(ctx: BenchContext): Promise<BenchOutcome> {
    const ready = preflight(ctx, ['time']);
    if (!('source' in ready)) return ready;
    const { source } = ready;
    const n = ctx.options.n;
    const dir = freshDir(join(ctx.work, `scale-${n}`));
    const mbox = join(dir, `generated-${n}.mbox`);
    const db = join(dir, 'convene.sqlite');
    try {
      const t0 = Date.now();
      const model = await loadArchiveModel(source);
      const out = createWriteStream(mbox);
      const bytes = await writeArchive(model, { n, seed: 1 }, out);
      out.end();
      await once(out, 'finish');
      ctx.log(
        `generated ${n} messages (${fmtBytes(bytes)} mbox, ${model.authors.length} authors, ${model.subjects.length} subjects) in ${fmtMs(Date.now() - t0)}`,
      );

      const run = await runConvene(ctx.root, db, ['import', mbox, '--json'], { cwd: dir, measureRss: true });
      if (run.code !== 0) throw new Error(`convene import exited with ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      const facts = dbFacts(db);
      const rate = n / (run.wallMs / 1000);
      ctx.log(
        `import: ${fmtMs(run.wallMs)} = ${rate.toFixed(0)} msg/s, peak RSS ${fmtBytes(run.maxRssBytes ?? NaN)}, ` +
          `database ${fmtBytes(facts.bytes)} (${(facts.bytes / bytes).toFixed(2)}× the mbox), ${facts.messages} messages stored`,
      );

      const inproc = await inprocLatency(ctx.root, db, QUERY_CLASSES, ctx.options.inprocRuns);
      let cli: Record<string, unknown>[] = [];
      if (missingPeers(['hyperfine']).length) ctx.log(`CLI timings skipped: ${missingMessage(['hyperfine'])}`);
      else cli = await cliTimes(ctx, db, dir);
      ctx.log(
        table(
          ['class', 'hits', 'p50', 'p95', 'target', 'met', 'all hits', 'all p95', 'CLI', 'CLI --json', `CLI < ${CLI_TARGET_MS} ms`],
          inproc.map((f, i) => {
            const c = cli[i] as { textMs: number; jsonMs: number } | undefined;
            const target = QUERY_CLASSES[i]!.threads ? THREADS_P95_TARGET_MS : INPROC_P95_TARGET_MS;
            return [
              f.name,
              String(f.hits),
              fmtMs(f.p50Ms),
              fmtMs(f.p95Ms),
              `${target} ms`,
              f.p95Ms < target ? 'yes' : 'no',
              String(f.allHits),
              fmtMs(f.allP95Ms),
              c ? fmtMs(c.textMs) : '-',
              c ? fmtMs(c.jsonMs) : '-',
              c ? (Math.max(c.textMs, c.jsonMs) < CLI_TARGET_MS ? 'yes' : 'no') : '-',
            ];
          }),
        ) +
          `\n(in-process: ${ctx.options.inprocRuns} runs, newest first, ${DEFAULT_FETCH} rows as the CLI fetches; "all": every match;` +
          ' CLI: hyperfine median of search Q (text, default limit) and search --json --limit 50 Q)',
      );
      const streamed = await streaming(ctx, db, dir);
      return {
        status: 'ok',
        figures: {
          n,
          mboxBytes: bytes,
          import: {
            command: `node dist/bin/main.js --db ${db} import ${mbox} --json`,
            wallMs: run.wallMs,
            msgPerSec: rate,
            peakRssBytes: run.maxRssBytes ?? null,
          },
          db: facts,
          inproc,
          cli,
          streamed,
        },
      };
    } finally {
      if (!ctx.options.keep) rmSync(dir, { recursive: true, force: true });
    }
  },
};

async function cliTimes(ctx: BenchContext, db: string, dir: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const c of QUERY_CLASSES) {
    const threads = c.threads ? ['--threads'] : [];
    const [text, json] = await hyperfine(
      [
        { name: 'convene', argv: conveneArgv(ctx.root, db, ['search', ...threads, c.query]) },
        { name: 'convene --json --limit 50', argv: conveneArgv(ctx.root, db, ['search', ...threads, '--json', '--limit', '50', c.query]) },
      ],
      { runs: ctx.options.runs, warmup: ctx.options.warmup, scratch: dir, cwd: dir },
    );
    out.push({ name: c.name, query: c.query, textMs: text!.medianMs, jsonMs: json!.medianMs, results: [text, json] });
  }
  return out;
}

/**
 * `--limit 0` streams: every match of the 2,000+ hits class as JSON lines, timed to the first
 * byte on stdout and to the end, with peak RSS, beside the default limit's RSS (flat memory:
 * the two should be close whatever the hit count).
 */
async function streaming(ctx: BenchContext, db: string, dir: string): Promise<Record<string, unknown>> {
  const q = QUERY_CLASSES.find((c) => c.name === '2,000+ hits')!.query;
  const all = await runConvene(ctx.root, db, ['search', '--jsonl', '--limit', '0', q], { cwd: dir, measureRss: true, keepStdout: 0 });
  const top = await runConvene(ctx.root, db, ['search', q], { cwd: dir, measureRss: true, keepStdout: 0 });
  if (all.code !== 0 || top.code !== 0) throw new Error(`convene search failed: ${all.stderr.trim()} ${top.stderr.trim()}`);
  ctx.log(
    `--limit 0 --jsonl ${q}: first line after ${fmtMs(all.firstByteMs ?? NaN)} (target < ${FIRST_LINE_TARGET_MS} ms), all in ` +
      `${fmtMs(all.wallMs)}, peak RSS ${fmtBytes(all.maxRssBytes ?? NaN)}; default limit: peak RSS ${fmtBytes(top.maxRssBytes ?? NaN)}`,
  );
  return {
    query: q,
    firstByteMs: all.firstByteMs ?? null,
    wallMs: all.wallMs,
    peakRssBytes: all.maxRssBytes ?? null,
    defaultLimitPeakRssBytes: top.maxRssBytes ?? null,
  };
}
