import { parseNow } from './clock.js';
import { args, wantsJson, type Command } from './context.js';
import { readLock } from './daemon-lock.js';
import { isoTime } from './json.js';
import { makePrinter } from './output.js';
import { STATUS } from './specs/operate.js';
import { upcomingJobs } from './status-jobs.js';
import { labelIn, userZone } from './when.js';

/**
 * `convene status`: whether a daemon runs (pid, since when), the last sync and whether it failed,
 * the next jobs (planned, or implied by the config before the first pass) in their meeting's zone,
 * what ran last, and the outbox with the errors of mails not sent. Reads only: without an archive
 * it says so and still shows the jobs the config implies.
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
    const { lastSync, lastSyncFailure } = await import('../ingest/sync-once.js');
    const { recentJobs } = await import('../mailings/job-reader.js');
    const { OutboxReader } = await import('../send/outbox-reader.js');
    const outbox = db ? new OutboxReader(db) : null;
    const failure = db ? lastSyncFailure(db) : null;
    const status = {
      archive: { path: dbPath, exists: db !== null },
      daemon: lock
        ? { running: lock.alive, pid: lock.pid, host: lock.host, since: isoTime(lock.since), stale: !lock.alive }
        : { running: false, pid: null, host: null, since: null, stale: false },
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
      },
    };
    const user = userZone(ctx.env);
    const mine = (iso: string | null): string => (iso === null ? 'never' : labelIn(Date.parse(iso), user));
    const p = makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env);
    p.object(status, (s) =>
      [
        `daemon: ${
          s.daemon.running
            ? `running, pid ${s.daemon.pid} on ${s.daemon.host}, since ${mine(s.daemon.since)}`
            : s.daemon.stale
              ? `not running (a stale lock from pid ${s.daemon.pid}, which is gone; the next daemon takes it over)`
              : 'not running'
        }`,
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
      ].join('\n'),
    );
    return 0;
  },
};
