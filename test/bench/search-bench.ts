import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Bench, type BenchContext, type BenchOutcome } from './context.js';
import { preflight } from './preflight.js';
import { conveneArgv, conveneMain, runConvene } from './convene.js';
import { prepareMaildir, prepareSlice } from './corpus.js';
import { type BenchCommand, hyperfine, type HyperfineOptions, type HyperfineResult } from './hyperfine.js';
import { DEFAULT_FETCH, inprocLatency } from './inproc-search.js';
import {
  cachedPeerIndexes,
  markPeerIndex,
  muIndex,
  muSetup,
  notmuchNew,
  notmuchSetup,
  type PeerIndex,
  peerIndexDir,
} from './peer-index.js';
import { missingMessage, missingPeers } from './peers.js';
import { QUERY_CLASSES, type QueryClass } from './queries.js';
import { PHASES, phaseTimings, type PhaseFigure } from './timings.js';
import { fmtMs, fmtRatio, freshDir, runTimed, table } from './util.js';

/** Startup headroom over a bare `node -e 0` that issue 3 allows. */
const NODE_HEADROOM_MS = 15;

/**
 * The same queries through `convene search`, `notmuch search` and `mu find` as whole processes
 * (hyperfine: median, warm-up runs, output to /dev/null), per query class, with `node -e 0` as
 * the floor; where convene's milliseconds go (CONVENE_TIMINGS=1); the V8 code cache on and off;
 * then in-process p50/p95.
 *
 * Commands per class: convene `search Q` (text with snippets, its default limit of 50) and
 * `search --json Q` (every match, as notmuch prints every match); notmuch `search
 * --output=messages Q` (one id per message: its cheapest per-message listing) or, for --threads,
 * plain `search Q` (its thread summary); mu `find Q` (one line per message) or `find --threads Q`.
 */
export const searchBench: Bench = {
  name: 'search',
  summary: 'whole-process search time vs notmuch and mu per query class; phases; code cache; in-process p95',
  async run(ctx: BenchContext): Promise<BenchOutcome> {
    const ready = preflight(ctx, ['hyperfine']);
    if (!('source' in ready)) return ready;
    const { source } = ready;
    const slice = await prepareSlice(source, join(ctx.work, 'corpus'), ctx.options.limit);
    const dir = freshDir(join(ctx.work, 'search'));
    const db = join(dir, 'convene.sqlite');
    ctx.log(`importing ${slice.messages} messages into ${db} (not timed here; see the import bench)`);
    const imported = await runConvene(ctx.root, db, ['import', slice.mbox], { cwd: dir });
    if (imported.code !== 0) throw new Error(`convene import failed: ${imported.stderr.trim()}`);

    const peers = await peerIndexes(ctx, slice);
    const hf = { runs: ctx.options.runs, warmup: ctx.options.warmup, scratch: dir, cwd: dir };
    // `convene --version` shows the CLI's fixed start-up cost (no config, no database) over bare node.
    const [baseline, version] = await hyperfine(
      [
        { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
        { name: 'convene --version', argv: [process.execPath, conveneMain(ctx.root), '--version'] },
      ],
      hf,
    );
    const floorMs = baseline!.medianMs;
    ctx.log(`node -e 0: median ${fmtMs(floorMs)}; convene --version: ${fmtMs(version!.medianMs)} (${baseline!.runs} runs each)`);
    writeFileSync(join(dir, 'convene.yaml'), `# for the search bench: commands without --db read the archive's path here\ndb: ${db}\n`);
    const codeCache = await codeCacheOnOff(ctx, db, hf);

    const rows: string[][] = [];
    const classes: Record<string, unknown>[] = [];
    for (const c of QUERY_CLASSES) {
      const hits = await countHits(ctx, c, db, dir, peers);
      // mu find exits 4 on no match, which hyperfine would count as a failure: leave it out then.
      const commands = commandsFor(ctx, c, db, hits.mu ? peers : { ...(peers.notmuch ? { notmuch: peers.notmuch } : {}) });
      const results = await hyperfine(commands, { ...hf, ...(peers.notmuch ? { env: peers.notmuch.env } : {}) });
      const by = (name: string): HyperfineResult | undefined => results.find((r) => r.name === name);
      const conveneText = by('convene')!;
      const conveneJson = by('convene --json')!;
      const notmuch = by('notmuch');
      const mu = by('mu');
      const targetMs = Math.max(notmuch?.medianMs ?? 0, floorMs + NODE_HEADROOM_MS);
      rows.push([
        c.name,
        `${hits.convene ?? '?'}/${hits.notmuch ?? '-'}/${hits.mu ?? '-'}`,
        fmtMs(conveneText.medianMs),
        fmtMs(conveneJson.medianMs),
        notmuch ? fmtMs(notmuch.medianMs) : '-',
        mu ? fmtMs(mu.medianMs) : '-',
        fmtMs(targetMs),
        `${conveneText.medianMs <= targetMs ? 'met' : 'missed'}/${conveneJson.medianMs <= targetMs ? 'met' : 'missed'}`,
        fmtRatio(Math.max(conveneText.medianMs, conveneJson.medianMs) / targetMs),
        notmuch ? fmtRatio(conveneJson.medianMs / notmuch.medianMs) : '-',
      ]);
      classes.push({ ...c, hits, targetMs, met: conveneText.medianMs <= targetMs, metJson: conveneJson.medianMs <= targetMs, results });
    }
    ctx.log(
      table(['class', 'hits c/nm/mu', 'convene', 'conv --json', 'notmuch', 'mu', 'target', 'text/json', 'worst/target', 'json/nm'], rows) +
        `\n(target = max(notmuch, node -e 0 + ${NODE_HEADROOM_MS} ms); medians of ${ctx.options.runs} runs after ${ctx.options.warmup} warm-up;` +
        ' convene = search Q, text, default limit 50; hits: convene --json count/notmuch count/mu lines)',
    );

    const phases = await phasesTable(ctx, db, dir);
    const inproc = await inprocLatency(ctx.root, db, QUERY_CLASSES, ctx.options.inprocRuns);
    ctx.log(
      table(
        ['class', 'hits', 'p50', 'p95', 'all hits', 'all p95', 'mu whole-process'],
        inproc.map((f, i) => {
          const mu = (classes[i]!.results as HyperfineResult[]).find((r) => r.name === 'mu');
          return [
            f.name,
            String(f.hits),
            fmtMs(f.p50Ms),
            fmtMs(f.p95Ms),
            String(f.allHits),
            fmtMs(f.allP95Ms),
            mu ? fmtMs(mu.medianMs) : '-',
          ];
        }),
      ) + `\n(in-process: prepareQuery + searchMessages/searchThreads, newest first, ${DEFAULT_FETCH} rows; "all": every match)`,
    );
    return {
      status: 'ok',
      figures: { messages: slice.messages, nodeBaseline: baseline, conveneVersion: version, codeCache, classes, phases, inproc },
    };
  },
};

/**
 * The same commands with the bin's V8 code cache on (as installed) and off (CONVENE_CODE_CACHE=0),
 * in one hyperfine run, each through env(1) so that both pay the same for it.
 */
async function codeCacheOnOff(ctx: BenchContext, db: string, hf: HyperfineOptions): Promise<Record<string, unknown>> {
  const variants: [string, string[]][] = [
    ['convene --version', ['--version']],
    ['convene search --json delalloc', ['--db', db, 'search', '--json', 'delalloc']],
    ['convene search delalloc', ['--db', db, 'search', 'delalloc']],
    // The archive named by ./convene.yaml instead of --db: the YAML parser's cost (issue 9).
    ['convene search delalloc (convene.yaml)', ['search', 'delalloc']],
  ];
  const commands: BenchCommand[] = variants.flatMap(([name, args]) =>
    ['1', '0'].map((on) => ({
      name: `${name}${on === '1' ? '' : ' (no code cache)'}`,
      argv: ['env', `CONVENE_CODE_CACHE=${on}`, process.execPath, conveneMain(ctx.root), ...args],
    })),
  );
  const results = await hyperfine(commands, hf);
  const on = results.filter((_, i) => i % 2 === 0);
  const off = results.filter((_, i) => i % 2 === 1);
  ctx.log(
    table(
      ['command (through env)', 'code cache', 'no code cache', 'saved'],
      on.map((r, i) => [r.name, fmtMs(r.medianMs), fmtMs(off[i]!.medianMs), fmtMs(off[i]!.medianMs - r.medianMs)]),
    ),
  );
  return { on, off };
}

/** CONVENE_TIMINGS=1 per class: the median of each phase over 5 runs of `search Q`. */
async function phasesTable(ctx: BenchContext, db: string, dir: string): Promise<PhaseFigure[]> {
  const out: PhaseFigure[] = [];
  for (const c of QUERY_CLASSES) out.push(await phaseTimings(ctx.root, db, ['search', ...(c.threads ? ['--threads'] : []), c.query], dir));
  ctx.log(
    table(
      ['class', ...PHASES],
      out.map((f, i) => [QUERY_CLASSES[i]!.name, ...PHASES.map((p) => (f.phases[p] === undefined ? '-' : fmtMs(f.phases[p]!)))]),
    ) + '\n(CONVENE_TIMINGS=1, medians of 5 runs of search Q; query = to the first row, render = the rest, streamed)',
  );
  return out;
}

function commandsFor(ctx: BenchContext, c: QueryClass, db: string, peers: Peers): BenchCommand[] {
  const threads = c.threads ? ['--threads'] : [];
  const commands: BenchCommand[] = [
    { name: 'convene', argv: conveneArgv(ctx.root, db, ['search', ...threads, c.query]) },
    { name: 'convene --json', argv: conveneArgv(ctx.root, db, ['search', ...threads, '--json', c.query]) },
  ];
  if (peers.notmuch) commands.push({ name: 'notmuch', argv: ['notmuch', 'search', ...(c.threads ? [] : ['--output=messages']), c.query] });
  if (peers.mu) commands.push({ name: 'mu', argv: ['mu', 'find', ...peers.mu.args, ...threads, c.query] });
  return commands;
}

/** Matches per tool, so a fast answer to a different question is visible. */
async function countHits(ctx: BenchContext, c: QueryClass, db: string, dir: string, peers: Peers): Promise<Record<string, number | null>> {
  const out: Record<string, number | null> = {};
  const json = await runConvene(ctx.root, db, ['search', ...(c.threads ? ['--threads'] : []), '--json', c.query], {
    cwd: dir,
    keepStdout: 1 << 30,
  });
  out.convene = json.code === 0 ? (JSON.parse(json.stdout) as unknown[]).length : null;
  if (peers.notmuch) {
    const r = await runTimed('notmuch', ['count', ...(c.threads ? ['--output=threads'] : []), c.query], { env: peers.notmuch.env });
    out.notmuch = r.code === 0 ? Number(r.stdout.trim()) : null;
  }
  if (peers.mu) {
    const r = await runTimed('mu', ['find', ...peers.mu.args, ...(c.threads ? ['--threads'] : []), c.query], {
      env: peers.mu.env,
      keepStdout: 1 << 30,
    });
    out.mu = r.code === 0 ? r.stdout.split('\n').filter(Boolean).length : null;
  }
  return out;
}

interface Peers {
  mu?: PeerIndex;
  notmuch?: PeerIndex;
}

/** mu and notmuch indexes of the slice: the import bench's when present, else built now (untimed). */
async function peerIndexes(ctx: BenchContext, slice: Awaited<ReturnType<typeof prepareSlice>>): Promise<Peers> {
  const absent = missingPeers(['mu', 'notmuch']);
  if (absent.length) ctx.log(`columns skipped: ${missingMessage(absent)}`);
  const cached = cachedPeerIndexes(ctx.work, slice.messages);
  const peers: Peers = {};
  const maildir = absent.length < 2 ? await prepareMaildir(slice, join(ctx.work, 'corpus')) : '';
  const dir = peerIndexDir(ctx.work, slice.messages);
  if (!absent.includes('mu')) {
    peers.mu = cached.mu;
    if (!peers.mu) {
      ctx.log('building the mu index (once; the import bench also leaves one)');
      peers.mu = await muSetup(maildir, join(dir, 'mu'));
      await muIndex(peers.mu);
      markPeerIndex(ctx.work, slice.messages, 'mu');
    }
  }
  if (!absent.includes('notmuch')) {
    peers.notmuch = cached.notmuch;
    if (!peers.notmuch) {
      ctx.log('building the notmuch index (once; the import bench also leaves one)');
      peers.notmuch = notmuchSetup(maildir, join(dir, 'notmuch'));
      await notmuchNew(peers.notmuch);
      markPeerIndex(ctx.work, slice.messages, 'notmuch');
    }
  }
  return peers;
}
