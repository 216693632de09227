import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Bench, type BenchContext, type BenchOutcome, skipped } from './context.js';
import { preflight } from './preflight.js';
import { conveneMain, dbFacts } from './convene.js';
import { blockToMessage, mboxBlocks, prepareSlice } from './corpus.js';
import { muIndex, muSetup, notmuchNew, notmuchSetup } from './peer-index.js';
import { missingMessage, missingPeers } from './peers.js';
import { fmtBytes, fmtMs, fmtRatio, freshDir, median, runChecked, runTimed, table, which, type TimedRun } from './util.js';

type DovecotServer = import('../helpers/dovecot.js').DovecotServer;

const PASSWORD_ENV = 'CONVENE_BENCH_IMAP_PASSWORD';

/**
 * `convene sync --once` of the real slice from a private Dovecot (implicit TLS on loopback),
 * against the usual way to get a searchable archive: `mbsync` into a maildir, then `mu index`
 * or `notmuch new`. Then the no-new-mail re-sync, several times (median).
 */
export const syncBench: Bench = {
  name: 'sync',
  summary: 'convene sync --once vs mbsync + mu index / notmuch new, and the no-new-mail re-sync',
  async run(ctx: BenchContext): Promise<BenchOutcome> {
    const ready = preflight(ctx, ['dovecot', 'time']);
    if (!('source' in ready)) return ready;
    const { source } = ready;
    const helper = join(ctx.root, 'dist', 'test', 'helpers', 'dovecot.js');
    if (!existsSync(helper)) return skipped('test/helpers/dovecot.ts not built (dist/test/helpers/dovecot.js missing)');

    const slice = await prepareSlice(source, join(ctx.work, 'corpus'), ctx.options.limit);
    const dir = freshDir(join(ctx.work, 'sync'));
    const { startDovecot } = (await import('../helpers/dovecot.js')) as typeof import('../helpers/dovecot.js');
    const server = await startDovecot();
    try {
      ctx.log(`dovecot on 127.0.0.1:${server.tlsPort} (TLS), ${server.dir}; loading ${slice.messages} messages as maildir files`);
      await loadMessages(server, slice.mbox);
      ctx.log(`primed: ${await primeDovecot(server)}`);
      const figures = await measure(ctx, server, dir, slice.messages);
      return { status: 'ok', figures: { messages: slice.messages, ...figures } };
    } finally {
      await server.close();
    }
  },
};

async function loadMessages(server: DovecotServer, mbox: string): Promise<void> {
  let batch: Buffer[] = [];
  for await (const block of mboxBlocks(mbox)) {
    batch.push(blockToMessage(block));
    if (batch.length >= 1000) {
      server.addMessages('INBOX', batch);
      batch = [];
    }
  }
  if (batch.length) server.addMessages('INBOX', batch);
}

/**
 * Let Dovecot scan the new maildir files and assign UIDs before anything is timed, so neither
 * contender pays for that alone. Returns what Dovecot reports (e.g. "INBOX messages=10000 uidnext=10001").
 */
async function primeDovecot(server: DovecotServer): Promise<string> {
  if (!which('doveadm')) return 'doveadm not found: not primed (the first contender pays for Dovecot scanning the maildir)';
  const r = await runTimed('doveadm', [
    '-c',
    join(server.dir, 'dovecot.conf'),
    'mailbox',
    'status',
    '-u',
    server.user,
    'messages uidnext',
    'INBOX',
  ]);
  return r.code === 0 ? r.stdout.trim() : `doveadm failed (${r.stderr.trim()}): not primed`;
}

async function measure(ctx: BenchContext, server: DovecotServer, dir: string, messages: number): Promise<Record<string, unknown>> {
  const rows: string[][] = [];
  const out: Record<string, unknown> = {};
  const first = await measureConvene(ctx, server, dir, messages, rows, out);
  const peerMissing = missingPeers(['mbsync']);
  if (peerMissing.length) {
    ctx.log(`mbsync pipelines skipped: ${missingMessage(peerMissing)}`);
  } else {
    const pipelines = await measurePipelines(server, dir, messages, rows);
    out.pipelines = pipelines;
    const fastest = Math.min(
      ...Object.entries(pipelines)
        .filter(([k]) => k.includes('+'))
        .map(([, v]) => v),
    );
    out.speedupVsFastestPipeline = Number.isFinite(fastest) ? fastest / first.wallMs : null;
  }
  ctx.log(table(['pipeline', 'wall', 'msg/s'], rows));
  if (typeof out.speedupVsFastestPipeline === 'number')
    ctx.log(`convene vs the faster pipeline: ${fmtRatio(out.speedupVsFastestPipeline)} as fast (target ≥ 2×)`);
  return out;
}

/** convene's first sync and its no-new-mail re-syncs; adds a row and the figures to `out`. */
async function measureConvene(
  ctx: BenchContext,
  server: DovecotServer,
  dir: string,
  messages: number,
  rows: string[][],
  out: Record<string, unknown>,
): Promise<TimedRun> {
  const env = { ...process.env, [PASSWORD_ENV]: server.password };
  // A config with the imap section and the password from the environment, as an operator has it.
  const db = join(dir, 'convene.sqlite');
  const config = join(dir, 'convene.yaml');
  writeFileSync(
    config,
    [
      `db: ${db}`,
      'imap:',
      '  host: 127.0.0.1',
      `  port: ${server.tlsPort}`,
      '  secure: true',
      `  user: ${server.user}`,
      `  password: { env: ${PASSWORD_ENV} }`,
      '  mailbox: INBOX',
      `  tls: { ca: ${server.caPath} }`,
      '  idle: false',
      '',
    ].join('\n'),
  );
  const syncArgs = ['--config', config, 'sync', '--once'];
  const first = await conveneSync(ctx, syncArgs, dir, env);
  const facts = dbFacts(db);
  ctx.log(`convene sync --once: ${fmtMs(first.wallMs)}, ${facts.messages} messages stored, peak RSS ${fmtBytes(first.maxRssBytes ?? NaN)}`);
  const resyncs: number[] = [];
  for (let i = 0; i < Math.min(ctx.options.runs, 5); i++) resyncs.push((await conveneSync(ctx, syncArgs, dir, env)).wallMs);
  rows.push(['convene sync --once', fmtMs(first.wallMs), (messages / (first.wallMs / 1000)).toFixed(0)]);
  out.convene = {
    command: `node dist/bin/main.js ${syncArgs.join(' ')}`,
    wallMs: first.wallMs,
    peakRssBytes: first.maxRssBytes ?? null,
    stored: facts.messages,
    dbBytes: facts.bytes,
  };
  out.resync = { wallMs: resyncs, medianMs: median(resyncs) };
  ctx.log(`no-new-mail re-sync: median ${fmtMs(median(resyncs))} of ${resyncs.length} (target < 1 s)`);
  return first;
}

/** mbsync into a fresh maildir, then mu index and notmuch new on it; adds rows; returns wall times. */
async function measurePipelines(server: DovecotServer, dir: string, messages: number, rows: string[][]): Promise<Record<string, number>> {
  const maildir = join(dir, 'mbsync-maildir');
  const pull = await mbsync(server, dir, maildir);
  const inbox = join(maildir, 'INBOX');
  const times: Record<string, number> = { mbsync: pull.wallMs };
  if (!missingPeers(['mu']).length) {
    const r = await muIndex(await muSetup(inbox, join(dir, 'mu')));
    times['mu index'] = r.wallMs;
    times['mbsync + mu index'] = pull.wallMs + r.wallMs;
  }
  if (!missingPeers(['notmuch']).length) {
    const r = await notmuchNew(notmuchSetup(inbox, join(dir, 'notmuch')));
    times['notmuch new'] = r.wallMs;
    times['mbsync + notmuch new'] = pull.wallMs + r.wallMs;
  }
  for (const [name, ms] of Object.entries(times)) rows.push([name, fmtMs(ms), (messages / (ms / 1000)).toFixed(0)]);
  return times;
}

async function conveneSync(ctx: BenchContext, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<TimedRun> {
  // No --db: the database is the one the config names, as an operator would run it.
  const run = await runTimed(process.execPath, [conveneMain(ctx.root), ...args], { cwd, env, measureRss: true });
  if (run.code !== 0)
    throw new Error(`convene ${args.join(' ')} exited with ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return run;
}

/** mbsync (isync 1.4 syntax: Far/Near, SSLType IMAPS) pulling INBOX into a fresh maildir. */
async function mbsync(server: DovecotServer, dir: string, maildir: string): Promise<TimedRun> {
  mkdirSync(maildir, { recursive: true });
  const rc = join(dir, 'mbsyncrc');
  writeFileSync(
    rc,
    [
      'IMAPAccount bench',
      'Host localhost', // isync 1.4 checks the certificate's DNS names only, not IP SANs
      `Port ${server.tlsPort}`,
      `User ${server.user}`,
      `Pass ${server.password}`,
      'SSLType IMAPS',
      `CertificateFile ${server.caPath}`,
      '',
      'IMAPStore bench-far',
      'Account bench',
      '',
      'MaildirStore bench-near',
      `Path ${maildir}/`,
      `Inbox ${maildir}/INBOX`,
      '',
      'Channel bench',
      'Far :bench-far:',
      'Near :bench-near:',
      'Patterns INBOX',
      'Create Near',
      'Sync Pull',
      'SyncState *',
      '',
    ].join('\n'),
  );
  return runChecked('mbsync', ['-c', rc, '-q', 'bench'], { env: { ...process.env, HOME: dir } });
}
