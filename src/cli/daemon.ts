import { ConveneError } from '../errors.js';
import { intOption } from './args.js';
import { clockFrom, parseNow } from './clock.js';
import { args, type Command } from './context.js';
import { acquireLock } from './daemon-lock.js';
import { DAEMON } from './specs/operate.js';

/**
 * `convene daemon`: sync + scheduled jobs, logging on stdout (readable lines on a terminal, JSON
 * lines for journald and files). One daemon per database (daemon-lock.ts). `--once --now TIME`
 * runs one pass at a fixed instant (cron jobs, demos, tests) and exits 1 when its sync, a job or
 * a delivery failed, so cron mails the operator; `--now` alone starts the clock at TIME.
 */
export const command: Command = {
  async run(ctx) {
    const { values } = args(ctx, DAEMON);
    const { consoleLogger } = await import('../log.js');
    const once = values.once === true;
    const tickSeconds = intOption(values.tick, 'tick', 60);
    if (tickSeconds < 1) throw new ConveneError('USAGE', '--tick takes at least 1 second');
    const now = clockFrom(parseNow(values.now), !once);
    const logger = consoleLogger(ctx.stdout, now);
    const config = ctx.config();
    const db = ctx.db();
    const lock = acquireLock(ctx.globals.db ?? config.db, Date.now());
    const release = (): void => lock.release();
    process.once('exit', release);
    try {
      const opts = { db, config, now, logger, env: ctx.env };
      if (once) {
        const { runOnce } = await import('../daemon/run.js');
        const { OutboxReader } = await import('../send/outbox-reader.js');
        const outbox = new OutboxReader(db);
        const attemptsBefore = new Map(unsent(outbox).map((r) => [r.id, r.attempts]));
        const r = await runOnce(opts);
        const failedSends = unsent(outbox).filter((row) => row.lastError && row.attempts > (attemptsBefore.get(row.id) ?? 0));
        const failedJobs = r.ran.filter((j) => j.state === 'error');
        const ok = r.synced.ok && failedSends.length === 0 && failedJobs.length === 0;
        logger[ok ? 'info' : 'error']({
          msg: ok ? 'pass done' : 'pass done with failures',
          jobs: r.ran,
          deliveries: r.deliveries,
          syncOk: r.synced.ok,
          ...(failedSends.length ? { failedSends: failedSends.map((s) => ({ id: s.id, kind: s.kind, error: s.lastError })) } : {}),
        });
        return ok ? 0 : 1;
      }
      const { runDaemon } = await import('../daemon/run.js');
      await runDaemon({ ...opts, handleSignals: true, tickSeconds });
      return 0;
    } finally {
      process.off('exit', release);
      release();
    }
  },
};

/** Outbox rows not (yet) sent: their attempts tell which ones this pass tried. */
function unsent(outbox: import('../send/outbox-reader.js').OutboxReader) {
  return [...outbox.inState('queued'), ...outbox.inState('sending'), ...outbox.inState('failed')];
}
