import type { Config } from '../config/types.js';
import { oneLine } from '../errors.js';
import { occurrenceByKey } from '../meetings/occurrences.js';
import type { Outbox } from '../send/outbox.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import { writeNotes } from '../mailings/notes.js';
import { queueCallForItems, queueChairReminder, queueDigest, type MailingDeps, type Queued } from '../mailings/queue.js';
import { dueJobs, type JobRow } from '../mailings/job-reader.js';
import { finishJob } from '../mailings/job-store.js';
import { processCommandMails } from '../review-mail/process.js';

/** A job that runs more than this after its due instant is logged as late. */
export const JOB_GRACE_MS = 2 * 60_000;
/** A missed notes job still runs up to this long after the call. */
export const NOTES_CATCH_UP_MS = 7 * 86_400_000;

export interface TickDeps {
  readonly db: Db;
  readonly config: Config;
  readonly outbox: Outbox;
  readonly now: () => number;
  readonly logger: Logger;
}

export interface TickResult {
  readonly ran: { readonly id: number; readonly kind: string; readonly occurrence: string; readonly state: string }[];
  readonly deliveries: number;
}

/**
 * Apply the chair's command mails (review-mail/), run the jobs that are due, then deliver what
 * the outbox holds. Catch-up rule: a job missed while the daemon was down runs once if its call
 * has not started yet (logged late); otherwise it is recorded as skipped: a digest after the call
 * is noise. Notes are the exception (they are
 * due after the call): they catch up for a week. The outbox's unique key means a job that runs
 * twice (a crash between queueing and recording the job) still queues one mail.
 */
export async function tick(deps: TickDeps): Promise<TickResult> {
  const ran: TickResult['ran'] = [];
  // The chair's replies that arrived with this sync first: the jobs below see the agenda they made.
  try {
    await processCommandMails({ db: deps.db, config: deps.config, store: deps.outbox.store, now: deps.now, logger: deps.logger });
  } catch (err) {
    deps.logger.error({ msg: 'review by reply failed', error: oneLine(err) });
  }
  for (const job of dueJobs(deps.db, deps.now())) {
    const state = await runJob(deps, job);
    ran.push({ id: job.id, kind: job.kind, occurrence: job.occurrence, state });
  }
  let deliveries = 0;
  // A failure report queued during delivery goes out in the same pass.
  for (let pass = 0; pass < 3; pass++) {
    const done = await deps.outbox.deliverDue();
    deliveries += done.length;
    if (!done.length) break;
  }
  return { ran, deliveries };
}

async function runJob(deps: TickDeps, job: JobRow): Promise<string> {
  const now = deps.now();
  const fields = { job: job.id, kind: job.kind, meeting: job.meeting, occurrence: job.occurrence, due: new Date(job.due).toISOString() };
  const meeting = deps.config.meetings.find((m) => m.id === job.meeting);
  const occ = meeting ? occurrenceByKey(deps.db, meeting, job.occurrence) : null;
  if (!meeting || !occ || occ.status === 'cancelled') {
    finishJob(deps.db, job.id, 'skipped', now, !meeting ? 'meeting no longer configured' : 'occurrence gone or cancelled');
    deps.logger.warn({ msg: 'job skipped: no such occurrence', ...fields });
    return 'skipped';
  }
  const late = now - job.due > JOB_GRACE_MS;
  const missed = job.kind === 'notes' ? now - occ.end > NOTES_CATCH_UP_MS : now >= occ.start;
  if (missed) {
    finishJob(deps.db, job.id, 'skipped', now, 'missed: the call had started when the daemon ran');
    deps.logger.warn({ msg: 'job skipped: missed while down', ...fields, start: new Date(occ.start).toISOString() });
    return 'skipped';
  }
  const actions: MailingDeps = { db: deps.db, config: deps.config, store: deps.outbox.store, now: deps.now };
  try {
    let detail: string;
    if (job.kind === 'notes') {
      detail = `notes written to ${writeNotes(actions, meeting, occ)}`;
    } else {
      const q: Queued =
        job.kind === 'digest'
          ? await queueDigest(actions, meeting, occ, { due: job.due })
          : job.kind === 'call-for-items'
            ? await queueCallForItems(actions, meeting, occ, job.due)
            : await queueChairReminder(actions, meeting, occ, job.due);
      detail = q.row ? `${q.created ? 'queued' : 'already queued'} ${q.kind} #${q.row.id}` : (q.note ?? 'nothing to send');
    }
    const state = late ? 'late' : 'done';
    finishJob(deps.db, job.id, state, now, detail);
    deps.logger[late ? 'warn' : 'info']({
      msg: late ? 'job ran late' : 'job ran',
      ...fields,
      late,
      ...(late ? { lateByMs: now - job.due } : {}),
      detail,
    });
    return state;
  } catch (err) {
    // Left pending: the next tick tries again (until the call starts, then it is skipped).
    deps.logger.error({ msg: 'job failed', ...fields, error: oneLine(err) });
    return 'error';
  }
}
