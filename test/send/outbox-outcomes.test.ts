import { describe, expect, it } from 'vitest';
import { Outbox, type Lookup, type OutboxDeps } from '../../src/send/outbox.js';
import type { NewOutboxRow } from '../../src/send/outbox-store.js';
import type { Envelope, SendHooks, SendResult, Transport } from '../../src/send/transport.js';
import { openDb } from '../../src/store/db.js';
import { memoryLogger } from '../daemon/harness.js';

const NOW = Date.UTC(2026, 5, 9, 15);
const MIN = 60_000;
const dropped = () => Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' });

/**
 * An SMTP server as the outbox sees it: `after` decides, per send, what follows the final ".":
 * a reply (undefined) or an error (a drop, a timeout). `handed` counts the bodies it received.
 */
function server(after: (n: number) => Error | undefined = () => undefined, rejected: SendResult['rejected'] = []) {
  let up = true;
  const t = {
    kind: 'smtp' as const,
    handed: 0,
    sent: [] as Envelope[],
    setUp: (u: boolean) => (up = u),
    async send(m: Envelope, hooks?: SendHooks): Promise<SendResult> {
      if (!up) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      hooks?.onData?.();
      t.handed++;
      const err = after(t.handed);
      if (err) throw err;
      t.sent.push(m);
      return { response: '250 ok', rejected };
    },
    async verify() {
      if (!up) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    },
    close() {},
  };
  return t;
}

function setup(transport: Transport, lookup: () => Lookup, extra: Partial<OutboxDeps> = {}) {
  const db = openDb(':memory:');
  let now = NOW;
  const reports: { kind: string; error: string; partial: boolean }[] = [];
  const log = memoryLogger();
  const outbox = new Outbox({
    db,
    transport,
    now: () => now,
    logger: log,
    findDelivered: async () => lookup(),
    onPermanentFailure: async (row, error, partial) => void reports.push({ kind: row.kind, error, partial: partial ?? false }),
    timing: { observeMs: 10, echoWaitMs: 10 * MIN, maxResends: 2 },
    ...extra,
  });
  return { db, outbox, log, reports, at: (t: number) => (now = NOW + t) };
}

const mail = (over: Partial<NewOutboxRow> = {}): NewOutboxRow => ({
  meeting: 'wg',
  occurrence: 'wg/2026-06-10',
  kind: 'digest',
  revision: 0,
  messageId: 'convene.digest.r0.wg.2026-06-10.x@example.org',
  subject: 'Agenda',
  from: 'convene <convene@example.org>',
  recipients: ['devel@example.org'],
  due: NOW,
  giveUpAt: NOW + 86_400_000,
  eml: Buffer.from('Subject: Agenda\r\n\r\nhello\r\n'),
  ...over,
});

/** A daemon pass: resolve, then deliver. */
async function pass(outbox: Outbox): Promise<string[]> {
  await outbox.resolveInterrupted();
  return (await outbox.deliverDue()).map((d) => d.outcome);
}

describe('a send whose outcome is unknown (issue 13 item 4)', () => {
  it('a drop after "." is not retried as transient: one copy over three passes, taken as sent when there is nowhere to look', async () => {
    const t = server(dropped);
    const { outbox, log, at } = setup(t, () => ({ nowhere: true }));
    const { row } = outbox.store.enqueue(mail(), NOW);
    expect(await pass(outbox)).toEqual(['unknown']);
    expect(outbox.store.byId(row.id)).toMatchObject({ state: 'sending', claimedBy: null, inData: true, nextAttemptAt: NOW + 10 * MIN });
    at(2 * MIN);
    expect(await pass(outbox)).toEqual([]);
    expect(outbox.store.byId(row.id)).toMatchObject({ state: 'sent', resolvedBy: 'unconfirmed' });
    at(5 * MIN);
    expect(await pass(outbox)).toEqual([]);
    expect(t.handed).toBe(1);
    expect(outbox.store.byId(row.id)).toMatchObject({ state: 'sent', resolvedBy: 'unconfirmed' });
    expect(log.entries.some((e) => e.msg === 'mail sent')).toBe(false);
  });

  it('not found before the echo wait is over: not resent; found when the echo comes: sent', async () => {
    const t = server(dropped);
    let echoed = false;
    const { outbox, at } = setup(t, () => (echoed ? { found: 'archive' } : { notFound: ['archive'] }));
    const { row } = outbox.store.enqueue(mail(), NOW);
    await pass(outbox);
    at(9 * MIN);
    expect(await pass(outbox)).toEqual([]);
    expect(outbox.store.byId(row.id)!.state).toBe('sending');
    echoed = true;
    at(9.5 * MIN);
    await pass(outbox);
    expect(t.handed).toBe(1);
    expect(outbox.store.byId(row.id)).toMatchObject({ state: 'sent', resolvedBy: 'archive' });
  });

  it('never found: sent again at most maxResends times, then failed and reported', async () => {
    const t = server(dropped);
    const { outbox, reports, at } = setup(t, () => ({ notFound: ['archive', 'sent-mailbox'] }));
    const { row } = outbox.store.enqueue(mail(), NOW);
    for (let m = 0; m <= 60; m += 5) {
      at(m * MIN);
      await pass(outbox);
    }
    expect(t.handed).toBe(3); // the first send and two resends
    const after = outbox.store.byId(row.id)!;
    expect(after).toMatchObject({ state: 'failed', resends: 2 });
    expect(after.lastError).toMatch(/handed to the server 3 times .* not found in archive or sent-mailbox; not sent again/);
    expect(reports).toEqual([{ kind: 'digest', error: after.lastError, partial: false }]);
  });
});

describe('partial rejection (issue 13 item 4)', () => {
  it('one recipient refused with 550: sent to the others, kept on the row, reported, not logged as "mail sent"', async () => {
    const refused = [{ address: 'bad-typo@example.org', error: '550 5.1.1 no such user' }];
    const t = server(undefined, refused);
    const { outbox, log, reports } = setup(t, () => ({ nowhere: true }));
    const { row } = outbox.store.enqueue(mail({ recipients: ['devel@example.org', 'bad-typo@example.org'] }), NOW);
    expect(await pass(outbox)).toEqual(['partial']);
    expect(outbox.store.byId(row.id)).toMatchObject({ state: 'sent', rejected: refused });
    expect(log.entries.some((e) => e.msg === 'mail sent')).toBe(false);
    expect(log.entries.find((e) => e.msg === 'mail sent, but the server refused some recipients')?.level).toBe('warn');
    expect(reports).toEqual([{ kind: 'digest', error: 'refused for bad-typo@example.org (550 5.1.1 no such user)', partial: true }]);
  });
});

describe('failure reports (issue 11)', () => {
  it('are not sent through a transport that fails: held until it verifies, then sent', async () => {
    const t = server();
    t.setUp(false);
    const { outbox, at } = setup(t, () => ({ nowhere: true }));
    const { row: failed } = outbox.store.enqueue(mail({ giveUpAt: NOW + 10_000 }), NOW); // too close to retry
    const { row: report } = outbox.store.enqueue(mail({ kind: 'failure-report', revision: failed.id, messageId: 'r@x' }), NOW);
    expect(await pass(outbox)).toEqual(['failed', 'held']);
    expect(outbox.store.byId(report.id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(outbox.store.byId(report.id)!.lastError).toMatch(/^held until sending works again: connect ECONNREFUSED/);
    at(60 * MIN);
    expect(await pass(outbox)).toEqual(['held']);
    t.setUp(true);
    at(120 * MIN);
    expect(await pass(outbox)).toEqual(['sent']);
    expect(t.sent.map((m) => m.messageId)).toEqual(['r@x']);
  });
});
