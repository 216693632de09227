import { parseNow } from './clock.js';
import { args, wantsJson, type Command } from './context.js';
import { STATUS } from './specs/operate.js';
import { makePrinter } from './output.js';

/** `convene status`: the last sync, the next jobs with their instants, and the outbox. */
export const command: Command = {
  async run(ctx) {
    const { values } = args(ctx, STATUS);
    const db = ctx.db();
    const { lastSync } = await import('../ingest/sync-once.js');
    const { nextJobs, recentJobs } = await import('../mailings/job-reader.js');
    const { OutboxReader } = await import('../send/outbox-reader.js');
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
      },
    };
    const p = makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env);
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
      ].join('\n'),
    );
    return 0;
  },
};
