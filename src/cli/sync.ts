import { ConveneError } from '../errors.js';
import { consoleLogger } from '../log.js';
import type { MailboxSyncSummary, SyncResult } from '../ingest/sync.js';
import { args, wantsJson, type Command } from './context.js';
import { SYNC } from './specs/archive.js';
import { makePrinter } from './output.js';
import { progressBar } from './progress.js';

/**
 * `convene sync`: pull the list over IMAP (`imap:`), incrementally by UID; without --once it
 * stays connected (IDLE). With a local `source.path` instead (an mbox or maildir the list is
 * delivered to), one pass reads what is new since the last one, as each daemon tick does.
 */
export const command: Command = {
  async run(ctx) {
    const { values } = args(ctx, SYNC);
    const config = ctx.config();
    if (!config.imap && config.source) {
      const { syncLocalSource } = await import('./sync-local.js');
      return syncLocalSource(ctx, config.source.path, wantsJson(ctx, values));
    }
    if (!config.imap) {
      const where = config.path ?? 'convene.yaml (none found; --config PATH)';
      throw new ConveneError('CONFIG', `config: imap: sync needs an "imap" section (host, user, password or oauth2Token) in ${where}`);
    }
    const db = ctx.db();
    const { syncImap } = await import('../ingest/sync.js');
    const { lazyPool } = await import('../mail/prepare-pool.js');
    const pool = lazyPool();
    const once = values.once === true;
    // SIGINT/SIGTERM end the loop after the batch in flight, whose cursor then is committed.
    const stop = new AbortController();
    const onSignal = (): void => stop.abort();
    if (!once) for (const s of ['SIGINT', 'SIGTERM'] as const) process.once(s, onSignal);
    let bar: ReturnType<typeof progressBar> | undefined;
    let barMailbox = '';
    let result: SyncResult;
    try {
      result = await syncImap({
        db,
        config: config.imap,
        once,
        logger: consoleLogger(ctx.stderr),
        meetings: config.meetings,
        prepare: pool.prepare,
        signal: stop.signal,
        env: ctx.env,
        onProgress: (p) => {
          if (p.total === 0) return;
          if (barMailbox !== p.mailbox) {
            bar?.done();
            bar = progressBar(ctx.stderr, `sync ${p.mailbox}`);
            barMailbox = p.mailbox;
          }
          bar?.update(p.done, p.total, `${p.summary.read} read, ${p.summary.stored} stored`);
        },
      });
    } finally {
      await pool.close();
      bar?.done();
      for (const s of ['SIGINT', 'SIGTERM'] as const) process.off(s, onSignal);
    }
    const printer = makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env);
    printer.object(result, (r) =>
      [...r.mailboxes.map(mailboxLine), ...(r.reconnects > 0 ? [`reconnected ${r.reconnects} times`] : [])].join('\n'),
    );
    return 0;
  },
};

function mailboxLine(m: MailboxSyncSummary): string {
  const changed = m.uidValidityChanges > 0 ? ` (UIDVALIDITY changed: rescanned)` : '';
  const counts = `${m.read} read, ${m.stored} stored, ${m.duplicates} duplicates, ${m.failed} failed to parse (stored raw)`;
  return `${m.mailbox}: ${counts}; at UID ${m.lastUid}${changed}`;
}
