import { parseNow } from './clock.js';
import { intOption } from './args.js';
import { args, wantsJson, type Command } from './context.js';
import { readLock } from './daemon-lock.js';
import { isoTime } from './json.js';
import { makePrinter } from './output.js';
import { daemonJson, daemonLines, isStuck } from './status-daemon.js';
import { STATUS } from './specs/operate.js';
import { upcomingJobs } from './status-jobs.js';
import { labelIn, userZone } from './when.js';

/**
 * `convene status`: whether a daemon runs (pid, since when) and how its ingestion is doing
 * (status-daemon.ts: stuck, not responding, stopped), the last sync and whether it failed, the next
 * jobs (planned, or implied by the config before the first pass) in their meeting's zone, what ran
 * last, and the outbox with the errors of mails not sent. Reads only: without an archive it says
 * so and still shows the jobs the config implies. Exits 1 when ingestion is stuck.
 */
export const command: Command = {
  async run(ctx) {
    const { values } = args(ctx, STATUS);
    const config = ctx.config();
    const dbPath = ctx.globals.db ?? config.db;
    const db = ctx.existingDb();
    const now = parseNow(values.now) ?? Date.now();
    const zones = new Map(config.meetings.map((m) => [m.id, m.zone]));
    const zoneOf = (meeting: string): string => zones.get(meeting) ?? 'UTC';
    const lock = readLock(dbPath);
    const { ingestStatus, STUCK_AFTER_MS } = await import('../ingest/health.js');
    const stuckAfter = intOption(values['stuck-after'], 'stuck-after', STUCK_AFTER_MS / 1000, { min: 1 }) * 1000;
    const { lastSync, lastSyncFailure } = await import('../ingest/sync-once.js');
    const { recentJobs } = await import('../mailings/job-reader.js');
    const { OutboxReader } = await import('../send/outbox-reader.js');
    const outbox = db ? new OutboxReader(db) : null;
    const { rowLine, rowView } = await import('../send/operator.js');
    const failure = db ? lastSyncFailure(db) : null;
    const status = {
      archive: { path: dbPath, exists: db !== null },
      daemon: daemonJson(lock, db ? ingestStatus(db, now, stuckAfter) : null),
      lastSync: db ? isoTime(lastSync(db)) : null,
      syncFailure: failure ? { at: isoTime(failure.at), error: failure.error } : null,
      nextJobs: upcomingJobs(db, config, now, 10).map((j) => ({
        meeting: j.meeting,
        occurrence: j.occurrence,
        kind: j.kind,
        due: isoTime(j.due, j.zone),
        planned: j.planned,
      })),
      recentJobs: (db ? recentJobs(db, 5) : []).map((j) => ({
        ...j,
        due: isoTime(j.due, zoneOf(j.meeting)),
        ranAt: isoTime(j.ranAt, zoneOf(j.meeting)),
      })),
      outbox: {
        counts: outbox?.countsByState() ?? {},
        recent: (outbox?.recent(10) ?? []).map((r) => ({
          id: r.id,
          meeting: r.meeting,
          occurrence: r.occurrence,
          kind: r.kind,
          revision: r.revision,
          state: r.state,
          subject: r.subject,
          messageId: r.messageId,
          attempts: r.attempts,
          nextAttemptAt: isoTime(r.nextAttemptAt, zoneOf(r.meeting)),
          sentAt: isoTime(r.sentAt, zoneOf(r.meeting)),
          lastError: r.lastError,
        })),
        // Failed, retrying, unconfirmed or refused in part: what the log said, kept (issue 11).
        attention: (outbox?.troubles(10) ?? []).map(rowView),
      },
    };
    const user = userZone(ctx.env);
    const mine = (iso: string | null): string => (iso === null ? 'never' : labelIn(Date.parse(iso), user));
    const p = makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env);
    p.object(status, (s) =>
      [
        ...daemonLines(s.daemon, now, mine),
        s.archive.exists ? `archive: ${s.archive.path}` : `archive: none yet at ${s.archive.path} (convene import or convene sync)`,
        `last sync: ${mine(s.lastSync)}`,
        ...(s.syncFailure ? [`SYNC FAILED at ${mine(s.syncFailure.at)}: ${s.syncFailure.error}`] : []),
        'next jobs:',
        ...(s.nextJobs.length
          ? s.nextJobs.map(
              (j) =>
                `  ${labelIn(Date.parse(j.due), zoneOf(j.meeting))}  ${j.kind.padEnd(14)} ${j.occurrence}` +
                `${j.planned ? '' : '  (from the config; planned at the first pass)'}`,
            )
          : [config.meetings.length ? '  none in the next 120 days' : '  none: no meetings are configured']),
        'recent jobs:',
        ...(s.recentJobs.length
          ? s.recentJobs.map(
              (j) =>
                `  ${labelIn(Date.parse(j.ranAt!), zoneOf(j.meeting))}  ${j.kind.padEnd(14)} ${j.occurrence}  ${j.state}` +
                `${j.detail ? ` (${j.detail})` : ''}`,
            )
          : ['  none']),
        `outbox: ${
          Object.entries(s.outbox.counts)
            .map(([k, n]) => `${n} ${k}`)
            .join(', ') || 'empty'
        }`,
        ...s.outbox.recent.map(
          (r) =>
            `  #${r.id} ${r.kind} r${r.revision} ${r.occurrence} ${r.state}` +
            `${r.attempts ? ` (${r.attempts} attempts)` : ''}${r.lastError && r.state !== 'sent' ? `: SEND FAILED: ${r.lastError}` : ''}`,
        ),
        ...(s.outbox.attention.length
          ? ['sending needs attention (convene outbox list|retry|drop):', ...s.outbox.attention.map((v) => `  ${rowLine(v)}`)]
          : []),
      ].join('\n'),
    );
    return isStuck(status.daemon) ? 1 : 0;
  },
};
