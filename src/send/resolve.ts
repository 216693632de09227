import { oneLine } from '../errors.js';
import { liveClaims, type SeenClaim } from './claim-lease.js';
import type { OutboxDeps, OutboxTiming } from './outbox.js';
import type { Held, OutboxRow, OutboxStore } from './outbox-store.js';

/** What resolving needs of the Outbox. */
export interface Core {
  readonly store: OutboxStore;
  readonly deps: OutboxDeps;
  readonly timing: OutboxTiming;
  readonly gone: (claimant: string) => boolean;
  readonly report: (row: OutboxRow, error: string) => Promise<void>;
}

/**
 * Rows in "sending" that nobody is sending any more, resolved without sending anything twice:
 * - a live claim (its heartbeat moves) is left to its claimant, whatever the clocks say;
 * - a dead claim that never reached DATA (in_data = 0) is queued again: the server never had it;
 * - a dead claim after DATA, and a row released with its outcome unknown, is looked for at each
 *   pass: found → sent; not found once the echo wait is over → sent again, at most maxResends times, then failed
 *   and reported; nowhere to look (no list echo, no Sent folder) → taken as sent, "unconfirmed",
 *   since the server had the whole message and a resend would be a duplicate as likely as not.
 * Returns how many rows stay unresolved for now.
 */
export async function resolveInterrupted(core: Core): Promise<number> {
  const { store, deps } = core;
  const rows = store.inState('sending');
  const claimed = rows.filter((r): r is OutboxRow & { claimedBy: string } => r.claimedBy !== null && !core.gone(r.claimedBy));
  const seen: SeenClaim[] = claimed.map((r) => ({ id: r.id, claimedBy: r.claimedBy, heartbeat: r.heartbeat }));
  const live = await liveClaims(seen, (id) => store.claimOf(id), core.timing.observeMs);
  let unresolved = 0;
  for (const row of rows) {
    const held: Held = { claimedBy: row.claimedBy, heartbeat: row.heartbeat };
    const fields = { id: row.id, kind: row.kind, meeting: row.meeting, occurrence: row.occurrence, messageId: row.messageId };
    if (live.has(row.id)) {
      unresolved++;
      deps.logger.info({ msg: 'a send is in progress elsewhere; leaving it to its claimant', ...fields, claimedBy: row.claimedBy });
      continue;
    }
    if (!row.inData) {
      if (store.requeue(row.id, null, null, held, { resolvedBy: 'resend' }))
        deps.logger.warn({ msg: 'interrupted send resolved: it never reached the server, sending it again', ...fields });
      continue;
    }
    // Released with its outcome unknown: looked for at every pass, but "not found" means "not
    // delivered" only once the list's echo has had time to arrive.
    const echoDue = row.claimedBy !== null || row.nextAttemptAt === null || row.nextAttemptAt <= deps.now();
    if (!(await lookFor(core, row, held, echoDue))) unresolved++;
  }
  return unresolved;
}

/** Look for a mail whose outcome is unknown and act on the answer. False when it stays unresolved for now. */
async function lookFor(core: Core, row: OutboxRow, held: Held, echoDue: boolean): Promise<boolean> {
  const { store, deps, timing } = core;
  const fields = { id: row.id, kind: row.kind, meeting: row.meeting, occurrence: row.occurrence, messageId: row.messageId };
  let found;
  try {
    found = deps.findDelivered ? await deps.findDelivered(row) : { nowhere: true as const };
  } catch (err) {
    deps.logger.error({ msg: 'cannot tell whether an interrupted send went out; will ask again', ...fields, error: oneLine(err) });
    return false;
  }
  const now = deps.now();
  if ('found' in found) {
    if (store.markSent(row.id, now, found.found, held))
      deps.logger.info({ msg: 'interrupted send resolved: already delivered', ...fields, foundIn: found.found });
  } else if ('nowhere' in found) {
    if (store.markSent(row.id, now, 'unconfirmed', held))
      deps.logger.warn({
        msg: 'interrupted send resolved: taken as delivered, unconfirmed (no list echo or sentMailbox to look in); not sent again',
        ...fields,
        hint: `convene outbox retry ${row.id} sends it again`,
      });
  } else if (!echoDue) {
    return false;
  } else if (row.resends >= timing.maxResends) {
    const where = found.notFound.join(' or ');
    const error = `handed to the server ${row.resends + 1} times without a reply and not found in ${where}; not sent again`;
    if (store.markFailed(row.id, error, held)) {
      deps.logger.error({ msg: 'mail failed', ...fields, error });
      await core.report(row, error);
    }
  } else if (store.requeue(row.id, null, null, held, { resolvedBy: 'resend', resend: true })) {
    deps.logger.warn({
      msg: 'interrupted send resolved: not found, sending again under the same Message-ID',
      ...fields,
      lookedIn: found.notFound,
      resend: row.resends + 1,
      maxResends: timing.maxResends,
    });
  }
  return true;
}
