/**
 * The operator's hand on the outbox (`convene outbox list|retry|drop`, issue 11): what a row
 * looks like to them, and the two actions, each refused with a one-line reason when the row's
 * state does not allow it. A row another process is sending is never touched.
 */
import { ConveneError } from '../errors.js';
import type { Outbox, Delivery } from './outbox.js';
import type { OutboxRow } from './outbox-reader.js';
import type { OutboxStore } from './outbox-store.js';

/** A retried mail gets at least this long to go out, even when its call has started. */
export const OPERATOR_RETRY_MS = 60 * 60_000;

const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

/** One row as `outbox list` and `status` show it (JSON: camelCase, ISO times). */
export function rowView(r: OutboxRow) {
  return {
    id: r.id,
    meeting: r.meeting,
    occurrence: r.occurrence,
    kind: r.kind,
    revision: r.revision,
    state: r.state === 'sending' && r.claimedBy === null ? 'unknown' : r.state,
    subject: r.subject,
    messageId: r.messageId,
    attempts: r.attempts,
    nextAttemptAt: r.state === 'queued' || r.state === 'sending' ? iso(r.nextAttemptAt) : null,
    giveUpAt: iso(r.giveUpAt),
    sentAt: iso(r.sentAt),
    resolvedBy: r.resolvedBy,
    resends: r.resends,
    rejected: r.rejected,
    lastError: r.lastError,
  };
}

export type RowView = ReturnType<typeof rowView>;

/** One line of text for a row. */
export function rowLine(v: RowView): string {
  const tries = v.attempts ? ` (${v.attempts} attempt${v.attempts === 1 ? '' : 's'})` : '';
  const when = v.state === 'sent' ? ` ${v.sentAt}` : v.nextAttemptAt ? ` next ${v.nextAttemptAt}` : '';
  const how = v.resolvedBy && v.state === 'sent' ? ` [${v.resolvedBy}]` : '';
  return `#${v.id} ${v.kind} r${v.revision} ${v.occurrence} ${v.state}${when}${how}${tries}${v.lastError ? `: ${v.lastError}` : ''}`;
}

function rowOf(store: OutboxStore, id: number): OutboxRow {
  const row = store.byId(id);
  if (!row) throw new ConveneError('NOT_FOUND', `outbox: no mail #${id}`);
  if (row.state === 'sending' && row.claimedBy !== null)
    throw new ConveneError('INPUT', `outbox: #${id} is being sent by ${row.claimedBy}; wait for it (convene outbox list)`);
  return row;
}

/**
 * Send a failed, dropped, unknown or queued mail again now, with a fresh deadline. A mail whose
 * outcome was unknown may reach its recipients twice: the operator decided so.
 */
export async function retryMail(outbox: Outbox, id: number, now: number): Promise<{ row: OutboxRow; delivery: Delivery }> {
  const row = rowOf(outbox.store, id);
  if (row.state === 'sent') throw new ConveneError('INPUT', `outbox: #${id} was sent at ${iso(row.sentAt)}; nothing to retry`);
  const giveUpAt = Math.max(row.giveUpAt ?? 0, now + OPERATOR_RETRY_MS);
  if (!outbox.store.operatorRetry(id, giveUpAt))
    throw new ConveneError('INPUT', `outbox: #${id} changed state while retrying; look again (convene outbox list)`);
  const delivery = await outbox.deliver(outbox.store.byId(id)!);
  return { row: outbox.store.byId(id)!, delivery };
}

/** Give a mail up for good: it is not sent, and not queued again (its key stays taken). */
export function dropMail(store: OutboxStore, id: number): OutboxRow {
  const row = rowOf(store, id);
  if (row.state === 'sent') throw new ConveneError('INPUT', `outbox: #${id} was sent at ${iso(row.sentAt)}; nothing to drop`);
  if (row.state === 'dropped') return row;
  if (!store.drop(id, 'dropped by the operator'))
    throw new ConveneError('INPUT', `outbox: #${id} changed state while dropping; look again (convene outbox list)`);
  return store.byId(id)!;
}
