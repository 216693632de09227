import { createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { loadArchiveModel } from './archive-model.js';
import { type Bench, type BenchContext, type BenchOutcome } from './context.js';
import { preflight } from './preflight.js';
import { conveneArgv, dbFacts, runConvene } from './convene.js';
import { writeArchive } from './generate-archive.js';
import { hyperfine } from './hyperfine.js';
import { inprocLatency } from './inproc-search.js';
import { missingMessage, missingPeers } from './peers.js';
import { QUERY_CLASSES } from './queries.js';
import { fmtBytes, fmtMs, freshDir, table } from './util.js';

const INPROC_P95_TARGET_MS = 50;
const CLI_TARGET_MS = 150;

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
          ['class', 'hits', 'p50', 'p95', `p95 < ${INPROC_P95_TARGET_MS} ms`, 'CLI', 'CLI --json', `CLI < ${CLI_TARGET_MS} ms`],
          inproc.map((f, i) => {
            const c = cli[i] as { textMs: number; jsonMs: number } | undefined;
            return [
              f.name,
              String(f.hits),
              fmtMs(f.p50Ms),
              fmtMs(f.p95Ms),
              f.p95Ms < INPROC_P95_TARGET_MS ? 'yes' : 'no',
              c ? fmtMs(c.textMs) : '-',
              c ? fmtMs(c.jsonMs) : '-',
              c ? (c.textMs < CLI_TARGET_MS ? 'yes' : 'no') : '-',
            ];
          }),
        ) + `\n(in-process: ${ctx.options.inprocRuns} runs, every match; CLI: hyperfine median, search --limit 0 Q / search --json Q)`,
      );
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
        { name: 'convene', argv: conveneArgv(ctx.root, db, ['search', ...threads, '--limit', '0', c.query]) },
        { name: 'convene --json', argv: conveneArgv(ctx.root, db, ['search', ...threads, '--json', c.query]) },
      ],
      { runs: ctx.options.runs, warmup: ctx.options.warmup, scratch: dir, cwd: dir },
    );
    out.push({ name: c.name, query: c.query, textMs: text!.medianMs, jsonMs: json!.medianMs, results: [text, json] });
  }
  return out;
}
