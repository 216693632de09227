import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Bench, type BenchContext, type BenchOutcome, skipped } from './context.js';
import { conveneMain } from './convene.js';
import { missingMessage, missingPeers } from './peers.js';
import { archiveFigures, mailJobsDue, outboxFigures, rssFigures, rssOf, type RssSample } from './soak-check.js';
import { soakMessage, type SoakKind } from './soak-mail.js';
import { fmtBytes, freshDir } from './util.js';

type DovecotServer = import('../helpers/dovecot.js').DovecotServer;
type SmtpCapture = import('../helpers/smtp-capture.js').SmtpCapture;

const LIST = 'devel@lists.example.org';
/** The daemon's clock starts here (a whole minute; 13:00 in London), and runs. */
const START = Date.UTC(2026, 5, 1, 12, 0);
const MIN = 60_000;

/**
 * Issue 13's soak (loopback only): the daemon follows a private Dovecot for `--minutes` (10)
 * while the list receives mail (ordinary posts, 1 MB text mails, malformed mail) and the SMTP
 * server fails in turn (4xx for a while, connections dropped after the final ".", down for a
 * while); Dovecot restarts once. Meetings are due every minute, so calls, reminders and digests
 * go out throughout. At the end: every appended message stored once, every due mail sent once,
 * the daemon's RSS over time, `db check`. The SMTP server plays the list: what it takes for the
 * list is appended to the mailbox, as the list would deliver it back.
 */
export const soakBench: Bench = {
  name: 'soak',
  summary: 'the daemon against Dovecot and a faulty SMTP server for 10 minutes: stored once, sent once, RSS, db check',
  async run(ctx: BenchContext): Promise<BenchOutcome> {
    const missing = missingPeers(['dovecot']);
    if (missing.length) return skipped(missingMessage(missing));
    const helpers = join(ctx.root, 'dist', 'test', 'helpers');
    if (!existsSync(conveneMain(ctx.root)) || !existsSync(join(helpers, 'dovecot.js'))) return skipped('not built (run npm run build)');
    const { startDovecot } = (await import('../helpers/dovecot.js')) as typeof import('../helpers/dovecot.js');
    const { SmtpCapture } = (await import('../helpers/smtp-capture.js')) as typeof import('../helpers/smtp-capture.js');
    const minutes = ctx.options.minutes ?? 10;
    const dir = freshDir(join(ctx.work, 'soak'));
    const server = await startDovecot();
    const capture = await SmtpCapture.start();
    try {
      return { status: 'ok', figures: await soak(ctx, dir, server, capture, minutes) };
    } finally {
      await capture.stop();
      await server.close();
      if (!ctx.options.keep) rmSync(dir, { recursive: true, force: true });
    }
  },
};

async function soak(ctx: BenchContext, dir: string, server: DovecotServer, capture: SmtpCapture, minutes: number) {
  const meetings = Math.max(1, Math.min(6, minutes - 4));
  const configPath = writeConfig(dir, server, capture, meetings);
  const env = { ...process.env, SOAK_IMAP_PASS: server.password, CONVENE_NOW: new Date(START - 86_400_000).toISOString() };
  for (let k = 0; k < meetings; k++) {
    const add = ['--config', configPath, 'agenda', 'add', '--title', `Soak topic ${k}`, '--meeting', `m${k}`, '--occurrence', '2026-06-01'];
    const r = spawnSync(process.execPath, [conveneMain(ctx.root), ...add], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`agenda add: ${r.stderr}`);
  }
  // The list: appends wait in `pending` while Dovecot is down.
  const appended: Record<SoakKind | 'echo', number> = { small: 0, large: 0, malformed: 0, echo: 0 };
  const pending: Buffer[] = [];
  capture.onMessage = (m) => {
    if (m.to.includes(LIST)) (pending.push(m.raw), appended.echo++);
  };
  const daemon = startDaemon(ctx, dir, configPath, env);
  const begun = Date.now();
  const elapsed = (): number => Date.now() - begun;
  const rss: RssSample[] = [];
  const faults: string[] = [];
  const note = (what: string): void => (faults.push(`${(elapsed() / 1000).toFixed(0)} s: ${what}`), ctx.log(`  ${faults.at(-1)}`));
  const timeline = faultTimeline(minutes, server, capture, note);
  let seq = 0;
  let lastRss = -Infinity;
  let appendErrors = 0;
  const pump = async (): Promise<void> => {
    if (!server.running || pending.length === 0) return;
    const batch = pending.splice(0, 20);
    try {
      await server.appendMessages('INBOX', batch);
    } catch {
      appendErrors++;
      pending.unshift(...batch); // Dovecot went down mid-append: deliver them later
    }
  };
  while (elapsed() < minutes * MIN) {
    while (timeline.length && timeline[0]!.atMs <= elapsed()) await timeline.shift()!.run();
    for (let i = 0; i < 2; i++) {
      const m = soakMessage(seq++, START + elapsed());
      appended[m.kind]++;
      pending.push(m.raw);
    }
    await pump();
    if (elapsed() - lastRss >= 5_000) {
      lastRss = elapsed();
      const b = await rssOf(daemon.child.pid!);
      if (b !== null) rss.push({ atMs: elapsed(), rssBytes: b });
    }
    await sleep(1_000);
  }
  for (const t of timeline) await t.run(); // a fault still pending ends now
  ctx.log(`  feeding stopped after ${minutes} min; draining`);
  const dbPath = join(dir, 'soak.sqlite');
  const total = (): number => appended.small + appended.large + appended.malformed + appended.echo;
  for (let i = 0; i < 48; i++) {
    await pump();
    const settled = pending.length === 0 && archiveFigures(dbPath).stored >= total() && outboxSettled(dbPath);
    if (settled) break;
    await sleep(5_000);
  }
  const stop = await stopDaemon(daemon.child);
  const check = spawnSync(process.execPath, [conveneMain(ctx.root), '--config', configPath, 'db', 'check', '--json'], {
    env,
    encoding: 'utf8',
  });
  const dbCheck = JSON.parse(check.stdout || '{}') as { ok?: boolean; checks?: { name: string; ok: boolean; detail: string }[] };
  const archive = archiveFigures(dbPath);
  const outbox = outboxFigures(
    dbPath,
    capture.messages.map((m) => m.raw),
    mailJobsDue(dbPath, START + elapsed()),
  );
  const memory = rssFigures(rss);
  const figures = {
    minutes,
    appended: { ...appended, total: total(), appendRetries: appendErrors },
    archive,
    outbox,
    rss: memory,
    dbCheck: { ok: dbCheck.ok === true, failed: (dbCheck.checks ?? []).filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`) },
    daemon: { ...stop, log: daemon.counts },
    faults,
    verdict: {
      storedOnce: archive.stored === total() && archive.messageIdsStoredTwice === 0,
      sentOnce: outbox.notSentOnce.length === 0 && outbox.queued >= outbox.mailJobsDue,
      rssFlat: memory.growth !== null && memory.growth <= 1.15,
      dbCheckClean: dbCheck.ok === true,
    },
  };
  ctx.log(
    `  appended ${total()} (${appended.large} × 1 MB, ${appended.malformed} malformed, ${appended.echo} echoes), stored ` +
      `${archive.stored}, ids stored twice ${archive.messageIdsStoredTwice}; mail jobs due ${outbox.mailJobsDue}, ` +
      `mails ${outbox.queued}, sent once ${outbox.sentOnce}${outbox.notSentOnce.length ? ` (not: ${outbox.notSentOnce.join(', ')})` : ''}`,
  );
  ctx.log(
    `  RSS ${fmtBytes(memory.earlyMedianBytes)} early → ${fmtBytes(memory.lateMedianBytes)} late, peak ${fmtBytes(memory.peakBytes)}; ` +
      `db check ${figures.dbCheck.ok ? 'clean' : figures.dbCheck.failed.join('; ')}; SIGTERM → exit ${stop.exitCode} in ${stop.exitMs} ms`,
  );
  ctx.log(`  verdict: ${JSON.stringify(figures.verdict)}`);
  return figures;
}

function writeConfig(dir: string, server: DovecotServer, capture: SmtpCapture, meetings: number): string {
  // Jobs at START + k, k + 1, k + 2 minutes; the call at k + 6: each mail has minutes of retries.
  const timing = { callForItems: 'PT6M', chairReminder: 'PT5M', digest: 'PT4M' };
  const local = (k: number): string => `2026-06-01T13:${String(6 + k).padStart(2, '0')}`; // START + 6 + k minutes, in London
  const config = {
    db: join(dir, 'soak.sqlite'),
    imap: {
      host: '127.0.0.1',
      port: server.port,
      secure: false,
      user: server.user,
      password: { env: 'SOAK_IMAP_PASS' },
      tls: { ca: server.caPath },
      mailboxes: ['INBOX'],
      batchSize: 50,
    },
    transport: 'smtp',
    smtp: { host: '127.0.0.1', port: capture.port, tls: { allowPlaintext: true } },
    outbox: { dir: join(dir, 'outbox') },
    meetings: Array.from({ length: meetings }, (_, k) => ({
      id: `m${k}`,
      name: `Soak call ${k}`,
      zone: 'Europe/London',
      dates: [local(k)],
      duration: 'PT1M',
      chair: 'Chair Person <chair@example.org>',
      lists: ['devel.lists.example.org'],
      digest: { timing },
    })),
    digest: { from: 'convene <convene@example.org>', to: [LIST], listId: 'devel.lists.example.org' },
  };
  const path = join(dir, 'convene.yaml');
  writeFileSync(path, JSON.stringify(config, null, 2)); // JSON is YAML
  return path;
}

/** The faults, at fractions of the run: SMTP 4xx, drops after ".", a Dovecot restart, SMTP down. */
function faultTimeline(minutes: number, server: DovecotServer, capture: SmtpCapture, note: (what: string) => void) {
  const at = (f: number): number => f * minutes * MIN;
  const list: { atMs: number; run: () => Promise<void> | void }[] = [
    { atMs: at(0.15), run: () => ((capture.mode = { kind: 'reject', code: 451 }), note('SMTP answers 451 to every recipient')) },
    { atMs: at(0.25), run: () => ((capture.mode = { kind: 'accept' }), note('SMTP accepts again')) },
    { atMs: at(0.3), run: () => ((capture.afterData = 'drop'), note('SMTP drops the connection after the final "."')) },
    { atMs: at(0.38), run: () => ((capture.afterData = 'reply'), note('SMTP replies again')) },
    { atMs: at(0.45), run: async () => (await server.stop(), note('Dovecot stopped')) },
    { atMs: at(0.45) + 15_000, run: async () => (server.running ? undefined : await server.start(), note('Dovecot started')) },
    { atMs: at(0.65), run: async () => (await capture.stop(), note('SMTP server down')) },
    { atMs: at(0.72), run: async () => (await capture.listen(), note('SMTP server up')) },
  ];
  return list;
}

function startDaemon(ctx: BenchContext, dir: string, configPath: string, env: NodeJS.ProcessEnv) {
  const args = [conveneMain(ctx.root), '--config', configPath, 'daemon', '--now', new Date(START).toISOString(), '--tick', '5'];
  const { CONVENE_NOW: _drop, ...daemonEnv } = env;
  const child = spawn(process.execPath, args, { env: daemonEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(join(dir, 'daemon.log'));
  const counts: Record<string, number> = {};
  let buf = '';
  child.stdout!.on('data', (d: Buffer) => {
    log.write(d);
    buf += d.toString();
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      try {
        const e = JSON.parse(line) as { level?: number | string; msg?: string };
        const level = typeof e.level === 'number' ? (e.level >= 50 ? 'error' : e.level >= 40 ? 'warn' : 'info') : e.level;
        if (level !== 'info') counts[`${level}: ${e.msg}`] = (counts[`${level}: ${e.msg}`] ?? 0) + 1;
      } catch {
        counts['not JSON'] = (counts['not JSON'] ?? 0) + 1;
      }
    }
  });
  child.stderr!.on('data', (d: Buffer) => log.write(d));
  return { child, counts };
}

async function stopDaemon(child: ChildProcess): Promise<{ exitCode: number | null; exitMs: number }> {
  const t = Date.now();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const code = await Promise.race([exited, sleep(30_000).then(() => 'timeout' as const)]);
  if (code === 'timeout') {
    child.kill('SIGKILL');
    return { exitCode: await exited, exitMs: Date.now() - t };
  }
  return { exitCode: code, exitMs: Date.now() - t };
}

function outboxSettled(dbPath: string): boolean {
  const f = outboxFigures(dbPath, [], 0);
  return !f.byState.queued && !f.byState.sending;
}
