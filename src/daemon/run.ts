import cron from 'node-cron';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/types.js';
import { oneLine } from '../errors.js';
import type { Outbox } from '../send/outbox.js';
import { transportFromConfig, type Transport } from '../send/transport.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import { makeOutbox } from '../mailings/outbox.js';
import { followImap, type ImapFollower } from './imap-follow.js';
import { planJobs } from '../mailings/jobs.js';
import { syncOnce, type SyncOutcome } from '../ingest/sync-once.js';
import { tick, type TickResult } from './tick.js';

export interface DaemonOptions {
  readonly db: Db;
  readonly config: Config;
  /** The injected clock (ms UTC). */
  readonly now: () => number;
  readonly logger: Logger;
  readonly env: NodeJS.ProcessEnv;
  /** A transport instead of the configured one (tests). */
  readonly transport?: Transport;
  /** Seconds between ticks (default 60: node-cron's every-minute schedule). */
  readonly tickSeconds?: number;
  /** Stops the daemon (besides SIGTERM/SIGINT). */
  readonly signal?: AbortSignal;
  /** Install SIGTERM/SIGINT/SIGHUP handlers (the CLI does; in-process tests do not). */
  readonly handleSignals?: boolean;
}

/**
 * One pass at the injected instant (`convene daemon --once --now TIME`, or a cron job): sync once,
 * resolve sends a crash interrupted, plan the jobs, run the due ones, deliver the outbox.
 */
/** What a pass did: the jobs it ran, the mails it delivered, and whether its sync worked. */
export interface PassResult extends TickResult {
  readonly synced: SyncOutcome;
}

export async function runOnce(o: DaemonOptions): Promise<PassResult> {
  const transport = o.transport ?? (await transportFromConfig(o.config, o.env));
  try {
    const outbox = makeOutbox({ db: o.db, config: () => o.config, transport, now: o.now, logger: o.logger, env: o.env });
    return await pass(o, o.config, outbox);
  } finally {
    if (!o.transport) transport.close();
  }
}

async function pass(o: DaemonOptions, config: Config, outbox: Outbox, imap?: ImapFollower | null): Promise<PassResult> {
  const synced = await syncOnce(o.db, config, o.logger, o.env, o.now, imap ? imap.caughtUp : undefined);
  // A send interrupted by a crash is resolved only after a good sync: the list's echo of the mail
  // is how we know it went out. Until then the row stays "sending" and is not sent again.
  // Every pass: a claim whose lease ran out or whose process died is resolved (send/claim-lease.ts).
  if (synced.ok) await outbox.resolveInterrupted();
  planJobs(o.db, config, o.now(), o.logger);
  return { ...(await tick({ db: o.db, config, outbox, now: o.now, logger: o.logger })), synced };
}

/**
 * The long-running daemon: IMAP followed in its own loop (IDLE; imap-follow.ts), a first pass at
 * start (which is the catch-up), then a tick every minute on node-cron (each tick syncs a local
 * source when it changed, plans and runs due jobs, delivers the outbox). SIGTERM/SIGINT let the
 * pass in flight and the batch in flight finish and exit; SIGHUP reloads the config, keeping the
 * old one when the new one is invalid (and restarts the IMAP loop with the new one).
 */
export async function runDaemon(o: DaemonOptions): Promise<void> {
  let config = o.config;
  let transport = o.transport ?? (await transportFromConfig(config, o.env));
  let outbox = makeOutbox({ db: o.db, config: () => config, transport, now: o.now, logger: o.logger, env: o.env });
  let imap = followImap(o.db, config, o.logger, o.env, o.now);
  let inFlight: Promise<unknown> = Promise.resolve();
  let stopping = false;
  const runPass = (): Promise<unknown> => {
    if (stopping) return inFlight;
    inFlight = inFlight.then(async () => {
      try {
        const r = await pass(o, config, outbox, imap);
        if (r.ran.length || r.deliveries)
          o.logger.info({ msg: 'tick', now: new Date(o.now()).toISOString(), jobs: r.ran.length, deliveries: r.deliveries });
      } catch (err) {
        o.logger.error({ msg: 'tick failed', error: oneLine(err) });
      }
    });
    return inFlight;
  };

  const reload = async (): Promise<void> => {
    if (!config.path) return void o.logger.warn({ msg: 'SIGHUP: no config file to reload' });
    try {
      const next = await loadConfig(config.path, { db: config.db });
      await inFlight;
      config = next;
      if (!o.transport) {
        transport.close();
        transport = await transportFromConfig(config, o.env);
      }
      outbox = makeOutbox({ db: o.db, config: () => config, transport, now: o.now, logger: o.logger, env: o.env });
      await imap?.stop();
      imap = stopping ? null : followImap(o.db, config, o.logger, o.env, o.now);
      o.logger.info({ msg: 'config reloaded', path: config.path, meetings: config.meetings.map((m) => m.id) });
    } catch (err) {
      o.logger.error({ msg: 'config reload failed; keeping the old config', error: oneLine(err) });
    }
  };

  const handlers: [NodeJS.Signals, () => void][] = [];
  let task: { stop(): unknown } | undefined;
  let onStopped: () => void = () => undefined;
  const stopped = new Promise<void>((done) => (onStopped = done));
  const stop = (why: string): void => {
    if (stopping) return;
    stopping = true;
    o.logger.info({ msg: 'stopping: finishing the work in flight', why });
    void task?.stop();
    void imap?.stop(); // ends IDLE; a batch in flight commits first
    void inFlight.then(() => onStopped());
  };
  // Signals are handled from the start: a SIGHUP during the first pass must not kill the process.
  if (o.handleSignals) {
    handlers.push(['SIGTERM', () => stop('SIGTERM')], ['SIGINT', () => stop('SIGINT')], ['SIGHUP', () => void reload()]);
    for (const [sig, fn] of handlers) process.on(sig, fn);
  }
  o.signal?.addEventListener('abort', () => stop('abort'), { once: true });

  o.logger.info({
    msg: 'daemon started',
    now: new Date(o.now()).toISOString(),
    meetings: config.meetings.map((m) => m.id),
    transport: transport.kind,
  });
  // Catch up with the list before the first pass plans and runs jobs (the digest should see the
  // latest proposals), but never hold the jobs back for long: a dead IMAP server must not stop them.
  await imap?.firstCatchUp(60_000);
  await runPass();
  const seconds = o.tickSeconds ?? 60;
  if (!stopping) task = cron.schedule(seconds === 60 ? '* * * * *' : `*/${seconds} * * * * *`, () => void runPass(), { noOverlap: true });
  if (o.signal?.aborted) stop('abort');
  await stopped;
  await imap?.stop();
  for (const [sig, fn] of handlers) process.off(sig, fn);
  if (!o.transport) transport.close();
  o.logger.info({ msg: 'daemon stopped' });
}
