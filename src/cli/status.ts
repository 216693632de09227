import { parseNow } from './clock.js';
import type { Command } from './context.js';
import type { IngestStatus } from '../ingest/health.js';

/** The daemon's part of `status --json` (health.ts IngestStatus with ISO instants). */
type DaemonJson = Omit<IngestStatus, 'startedAt' | 'heartbeatAt' | 'stoppedAt' | 'lastCommitAt' | 'batch'> & {
  readonly startedAt: string | null;
  readonly heartbeatAt: string | null;
  readonly stoppedAt: string | null;
  readonly lastCommitAt: string | null;
  readonly batch: { readonly since: string | null; readonly messages: number; readonly bytes: number } | null;
};
import { intOption, parseCommandArgs } from './args.js';
import { makePrinter } from './output.js';

const USAGE = 'convene status [--json] [--now TIME] [--stuck-after SECONDS]';

/**
 * `convene status`: the daemon and its ingestion (health.ts: stuck, silent, stopped), the last
 * sync, the next jobs with their instants, and the outbox. Exits 1 when ingestion is stuck.
 */
export const command: Command = {
  async run(ctx) {
    const { values } = parseCommandArgs(
      ctx.argv,
      { json: { type: 'boolean' }, now: { type: 'string' }, 'stuck-after': { type: 'string' } },
      USAGE,
    );
    const db = ctx.db();
    const { lastSync } = await import('../ingest/sync-once.js');
    const { ingestStatus, STUCK_AFTER_MS } = await import('../ingest/health.js');
    const { nextJobs, recentJobs } = await import('../mailings/job-reader.js');
    const { OutboxReader } = await import('../send/outbox-reader.js');
    const outbox = new OutboxReader(db);
    const now = parseNow(values.now) ?? Date.now();
    const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
    const stuckAfter = intOption(values['stuck-after'], 'stuck-after', STUCK_AFTER_MS / 1000, { min: 1 }) * 1000;
    const daemon = ingestStatus(db, now, stuckAfter);
    const status = {
      daemon: daemon && {
        ...daemon,
        startedAt: iso(daemon.startedAt),
        heartbeatAt: iso(daemon.heartbeatAt),
        stoppedAt: iso(daemon.stoppedAt),
        lastCommitAt: iso(daemon.lastCommitAt),
        batch: daemon.batch && { ...daemon.batch, since: iso(daemon.batch.since) },
      },
      lastSync: iso(lastSync(db)),
      nextJobs: nextJobs(db, now, 10).map((j) => ({ meeting: j.meeting, occurrence: j.occurrence, kind: j.kind, due: iso(j.due) })),
      recentJobs: recentJobs(db, 5).map((j) => ({ ...j, due: iso(j.due), ranAt: iso(j.ranAt) })),
      outbox: {
        counts: outbox.countsByState(),
        recent: outbox.recent(10).map((r) => ({
          id: r.id,
          meeting: r.meeting,
          occurrence: r.occurrence,
          kind: r.kind,
          revision: r.revision,
          state: r.state,
          subject: r.subject,
          messageId: r.messageId,
          attempts: r.attempts,
          nextAttemptAt: iso(r.nextAttemptAt),
          sentAt: iso(r.sentAt),
          lastError: r.lastError,
        })),
      },
    };
    const p = makePrinter(ctx.stdout, values.json || ctx.globals.json ? 'json' : 'text', ctx.env);
    p.object(status, (s) =>
      [
        ...(s.daemon ? daemonLines(s.daemon, now) : []),
        `last sync: ${s.lastSync ?? 'never'}`,
        'next jobs:',
        ...(s.nextJobs.length ? s.nextJobs.map((j) => `  ${j.due}  ${j.kind.padEnd(14)} ${j.occurrence}`) : ['  none planned']),
        'recent jobs:',
        ...(s.recentJobs.length
          ? s.recentJobs.map((j) => `  ${j.ranAt}  ${j.kind.padEnd(14)} ${j.occurrence}  ${j.state}${j.detail ? ` (${j.detail})` : ''}`)
          : ['  none']),
        `outbox: ${
          Object.entries(s.outbox.counts)
            .map(([k, n]) => `${n} ${k}`)
            .join(', ') || 'empty'
        }`,
        ...s.outbox.recent.map(
          (r) =>
            `  #${r.id} ${r.kind} r${r.revision} ${r.occurrence} ${r.state}` +
            `${r.attempts ? ` (${r.attempts} attempts)` : ''}${r.lastError ? `: ${r.lastError}` : ''}`,
        ),
      ].join('\n'),
    );
    return daemon?.state === 'stuck' ? 1 : 0;
  },
};

/** The daemon's state in a few lines: what an operator needs to see that ingestion is stuck. */
function daemonLines(d: DaemonJson, now: number): string[] {
  const ago = (t: string | null): string => `${t} (${Math.round((now - Date.parse(t ?? '')) / 1000)} s ago)`;
  const batch = d.batch ? `a batch of ${d.batch.messages} messages (${d.batch.bytes} bytes) in flight since ${ago(d.batch.since)}` : '';
  const line =
    d.state === 'stopped'
      ? `daemon: stopped at ${d.stoppedAt} (${d.process})`
      : d.state === 'silent'
        ? `daemon: NOT RESPONDING: no heartbeat since ${ago(d.heartbeatAt)} (${d.process}): not running, or blocked`
        : `daemon: running (${d.process}), heartbeat ${ago(d.heartbeatAt)}`;
  const ingestion =
    d.state === 'stuck'
      ? `ingestion: STUCK: ${batch}; nothing committed since ${d.lastCommitAt === null ? 'the start' : ago(d.lastCommitAt)}`
      : d.state === 'busy'
        ? `ingestion: ${batch}`
        : d.state === 'idle'
          ? `ingestion: idle${d.lastCommitAt === null ? '' : `, last commit ${ago(d.lastCommitAt)}`}`
          : '';
  const p = d.pool;
  const pool = p
    ? `parse pool: ${p.workers} workers, ${p.deaths} deaths, ${p.retried} messages retried on the main thread` +
      `${p.degraded ? ', DEGRADED (parsing on the main thread)' : ''}${p.lastDeath ? ` (last: ${p.lastDeath})` : ''}`
    : '';
  return [line, ingestion, pool].filter(Boolean);
}
