import { parseCommandArgs } from './args.js';
import { parseNow } from './clock.js';
import type { Command } from './context.js';
import { makePrinter } from './output.js';

const USAGE = 'convene status [--json] [--now TIME]';

/** `convene status`: the last sync, the next jobs with their instants, and the outbox. */
export const command: Command = {
  async run(ctx) {
    const { values } = parseCommandArgs(ctx.argv, { json: { type: 'boolean' }, now: { type: 'string' } }, USAGE);
    const db = ctx.db();
    const { lastSync } = await import('../ingest/sync-once.js');
    const { nextJobs, recentJobs } = await import('../mailings/job-reader.js');
    const { OutboxReader } = await import('../send/outbox-reader.js');
    const { rowLine, rowView } = await import('../send/operator.js');
    const outbox = new OutboxReader(db);
    const now = parseNow(values.now) ?? Date.now();
    const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
    const status = {
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
        // Failed, retrying, unconfirmed or refused in part: what the log said, kept (issue 11).
        attention: outbox.troubles(10).map(rowView),
      },
    };
    const p = makePrinter(ctx.stdout, values.json || ctx.globals.json ? 'json' : 'text', ctx.env);
    p.object(status, (s) =>
      [
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
        ...(s.outbox.attention.length
          ? ['sending needs attention (convene outbox list|retry|drop):', ...s.outbox.attention.map((v) => `  ${rowLine(v)}`)]
          : []),
      ].join('\n'),
    );
    return 0;
  },
};
