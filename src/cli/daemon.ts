import { intOption, parseCommandArgs } from './args.js';
import { clockFrom, parseNow } from './clock.js';
import type { Command } from './context.js';

const USAGE = 'convene daemon [--once] [--now TIME] [--tick SECONDS]';

/**
 * `convene daemon`: sync + scheduled jobs, JSON log lines on stdout. `--once --now TIME` runs one
 * pass at a fixed instant (cron jobs, demos, tests); `--now` alone starts the clock at TIME.
 */
export const command: Command = {
  async run(ctx) {
    const { values } = parseCommandArgs(ctx.argv, { once: { type: 'boolean' }, now: { type: 'string' }, tick: { type: 'string' } }, USAGE);
    const { jsonLineLogger } = await import('../log.js');
    const once = values.once === true;
    const now = clockFrom(parseNow(values.now), !once);
    const logger = jsonLineLogger(ctx.stdout, now);
    const opts = { db: ctx.db(), config: ctx.config(), now, logger, env: ctx.env };
    if (once) {
      const { runOnce } = await import('../daemon/run.js');
      const r = await runOnce(opts);
      logger.info({ msg: 'pass done', jobs: r.ran, deliveries: r.deliveries });
      return 0;
    }
    const { runDaemon } = await import('../daemon/run.js');
    await runDaemon({ ...opts, handleSignals: true, tickSeconds: intOption(values.tick, 'tick', 60, { min: 1, max: 60 }) });
    return 0;
  },
};
