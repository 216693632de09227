import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Outbox, type Lookup, type OutboxDeps } from '../../src/send/outbox.js';
import type { NewOutboxRow } from '../../src/send/outbox-store.js';
import { classifySendError, retryDelay } from '../../src/send/retry.js';
import { fileTransport, type Envelope, type SendHooks, type SendResult, type Transport } from '../../src/send/transport.js';
import { openDb } from '../../src/store/db.js';
import { memoryLogger } from '../daemon/harness.js';

const NOW = Date.UTC(2026, 5, 9, 15);
/** A claimant that was kill -9'd: the outboxes below are told it is gone. */
const CRASHED = 'crashed-host 1';

/**
 * A transport whose n-th send fails with what `fail` returns. `afterData` says whether the
 * failure comes after the body was handed over (onData called), as a drop after "." would.
 */
function fakeTransport(
  fail?: (n: number) => unknown,
  o: { afterData?: boolean; rejected?: SendResult['rejected']; down?: () => boolean } = {},
): Transport & { sent: Envelope[]; handed: number } {
  const sent: Envelope[] = [];
  let n = 0;
  const t = {
    kind: 'smtp' as const,
    sent,
    handed: 0,
    async send(m: Envelope, hooks?: SendHooks) {
      const err = fail?.(++n);
      if (err && !o.afterData) throw err;
      hooks?.onData?.();
      t.handed++;
      if (err) throw err;
      sent.push(m);
      return { response: '250 ok', rejected: o.rejected ?? [] };
    },
    async verify() {
      if (o.down?.()) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    },
    close() {},
  };
  return t;
}

/** A claimant that died after the server said 354 (in_data set): the outcome is unknown. */
function crashAfterData(outbox: Outbox, id: number): void {
  outbox.store.claim(id, NOW, CRASHED);
  outbox.store.markInData(id, CRASHED);
}

const mail = (over: Partial<NewOutboxRow> = {}): NewOutboxRow => ({
  meeting: 'wg',
  occurrence: 'wg/2026-06-10',
  kind: 'digest',
  revision: 0,
  messageId: 'convene.digest.r0.wg.wg-2026-06-10@example.org',
  subject: 'Agenda',
  from: 'convene <convene@example.org>',
  recipients: ['devel@example.org'],
  due: NOW,
  giveUpAt: NOW + 86_400_000,
  eml: Buffer.from('Message-ID: <convene.digest.r0.wg.wg-2026-06-10@example.org>\r\nSubject: Agenda\r\n\r\nhello\r\n'),
  ...over,
});

function setup(transport: Transport, extra: Partial<OutboxDeps> = {}) {
  const db = openDb(':memory:');
  let now = NOW;
  const log = memoryLogger();
  const outbox = new Outbox({
    db,
    transport,
    now: () => now,
    logger: log,
    claimantGone: (c) => c === CRASHED,
    timing: { observeMs: 50 },
    ...extra,
  });
  return { db, outbox, log, setNow: (t: number) => (now = t) };
}

describe('outbox', () => {
  it('queues a mail once per (meeting, occurrence, kind, revision)', () => {
    const { outbox } = setup(fakeTransport());
    expect(outbox.store.enqueue(mail(), NOW).created).toBe(true);
    expect(outbox.store.enqueue(mail({ subject: 'again' }), NOW).created).toBe(false);
    expect(outbox.store.enqueue(mail({ revision: 1, messageId: 'r1@example.org' }), NOW).created).toBe(true);
    expect(outbox.store.inState('queued')).toHaveLength(2);
  });

  it('moves queued → sending → sent, and a second deliver of the same row sends nothing', async () => {
    const t = fakeTransport();
    const { outbox, log } = setup(t);
    const { row } = outbox.store.enqueue(mail(), NOW);
    expect((await outbox.deliver(row)).outcome).toBe('sent');
    expect((await outbox.deliver(row)).outcome).toBe('skipped');
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]!.raw.equals(row.eml)).toBe(true);
    const after = outbox.store.byId(row.id)!;
    expect(after.state).toBe('sent');
    expect(after.attempts).toBe(1);
    expect(log.entries.find((e) => e.msg === 'mail sent')?.late).toBe(false);
  });

  it('after a crash in "sending": found in the archive → sent, nothing resent', async () => {
    const t = fakeTransport();
    const { outbox, db } = setup(t, {
      findDelivered: async (r) =>
        db.prepare('SELECT 1 FROM messages WHERE header_mid = ?').get(r.messageId) ? { found: 'archive' } : { notFound: ['archive'] },
    });
    const { row } = outbox.store.enqueue(mail(), NOW);
    crashAfterData(outbox, row.id); // the process died here, after SMTP accepted
    db.prepare(
      `INSERT INTO messages (mid, header_mid, mid_source, hash, size, date_source, added_at) VALUES (?, ?, 'header', 'h', 1, 'none', 0)`,
    ).run(row.messageId, row.messageId);
    await outbox.resolveInterrupted();
    expect(outbox.store.byId(row.id)).toMatchObject({ state: 'sent', resolvedBy: 'archive' });
    await outbox.deliverDue();
    expect(t.sent).toHaveLength(0);
  });

  it('after a crash in "sending": not found anywhere → the same bytes again, same Message-ID', async () => {
    const t = fakeTransport();
    const asked: string[] = [];
    const { outbox } = setup(t, { findDelivered: async (r) => (asked.push(r.messageId), { notFound: ['archive'] }) });
    const { row } = outbox.store.enqueue(mail(), NOW);
    crashAfterData(outbox, row.id);
    await outbox.resolveInterrupted();
    expect(asked).toEqual([row.messageId]);
    expect(outbox.store.byId(row.id)).toMatchObject({ state: 'queued', resolvedBy: 'resend' });
    await outbox.deliverDue();
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]!.raw.equals(row.eml)).toBe(true);
    expect(outbox.store.byId(row.id)!.state).toBe('sent');
  });

  it('the Sent folder is asked when the archive has not seen it', async () => {
    const { outbox } = setup(fakeTransport(), { findDelivered: async () => ({ found: 'sent-mailbox' }) });
    const { row } = outbox.store.enqueue(mail(), NOW);
    crashAfterData(outbox, row.id);
    await outbox.resolveInterrupted();
    expect(outbox.store.byId(row.id)).toMatchObject({ state: 'sent', resolvedBy: 'sent-mailbox' });
  });

  it('when the lookup itself fails, the mail stays in "sending": neither resent nor lost', async () => {
    const t = fakeTransport();
    const { outbox } = setup(t, {
      findDelivered: async () => {
        throw new Error('IMAP down');
      },
    });
    const { row } = outbox.store.enqueue(mail(), NOW);
    crashAfterData(outbox, row.id);
    expect(await outbox.resolveInterrupted()).toBe(1);
    await outbox.deliverDue();
    expect(outbox.store.byId(row.id)!.state).toBe('sending');
    expect(t.sent).toHaveLength(0);
  });

  it('retries transient failures with backoff and sends once the server is back', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const t = fakeTransport((n) => (n <= 2 ? refused : undefined));
    const { outbox, setNow } = setup(t);
    outbox.store.enqueue(mail(), NOW);
    expect((await outbox.deliverDue())[0]!.outcome).toBe('retry');
    expect(await outbox.deliverDue()).toEqual([]); // not due yet
    setNow(NOW + retryDelay(1));
    expect((await outbox.deliverDue())[0]!.outcome).toBe('retry');
    setNow(NOW + 10 * 60_000); // past the retry, and past the 5-minute grace: late
    expect((await outbox.deliverDue())[0]).toMatchObject({ outcome: 'sent', late: true });
    expect(t.sent).toHaveLength(1);
  });

  it('a refused send is retried with backoff until the give-up instant, then failed and reported once (issue 11)', async () => {
    const reports: string[] = [];
    const t = fakeTransport(() => Object.assign(new Error('535 authentication failed'), { responseCode: 535 }));
    const { outbox, setNow } = setup(t, { onPermanentFailure: async (row, error) => void reports.push(`${row.kind}: ${error}`) });
    const { row } = outbox.store.enqueue(mail({ giveUpAt: NOW + 10 * 60_000 }), NOW);
    expect((await outbox.deliver(row)).outcome).toBe('retry');
    expect(outbox.store.byId(row.id)).toMatchObject({
      state: 'queued',
      lastError: '535 authentication failed',
      nextAttemptAt: NOW + 60_000,
    });
    expect(reports).toEqual([]);
    for (const t of [1, 3]) {
      setNow(NOW + t * 60_000);
      expect((await outbox.deliverDue()).map((d) => d.outcome)).toEqual(['retry']);
    }
    setNow(NOW + 7 * 60_000); // the backoff (8 min) would pass the give-up instant: halfway to it instead
    expect((await outbox.deliverDue()).map((d) => d.outcome)).toEqual(['retry']);
    expect(outbox.store.byId(row.id)!.nextAttemptAt).toBe(NOW + 8.5 * 60_000);
    setNow(NOW + 8.5 * 60_000);
    expect((await outbox.deliverDue()).map((d) => d.outcome)).toEqual(['retry']);
    setNow(NOW + 9.25 * 60_000);
    expect((await outbox.deliverDue()).map((d) => d.outcome)).toEqual(['retry']);
    setNow(NOW + 9.625 * 60_000); // 22.5 s left: one more try at 9.8125
    expect((await outbox.deliverDue()).map((d) => d.outcome)).toEqual(['retry']);
    setNow(NOW + 9.8125 * 60_000); // 11 s left: too little, failed now
    expect((await outbox.deliverDue()).map((d) => d.outcome)).toEqual(['failed']);
    expect(outbox.store.byId(row.id)).toMatchObject({ state: 'failed', attempts: 8, lastError: '535 authentication failed' });
    expect(reports).toHaveLength(1);
  });

  it('a crash before the body reached the server: sent again at once, nothing to look for', async () => {
    const t = fakeTransport();
    const asked: string[] = [];
    const { outbox } = setup(t, { findDelivered: async (r) => (asked.push(r.messageId), { notFound: ['archive'] }) });
    const { row } = outbox.store.enqueue(mail(), NOW);
    outbox.store.claim(row.id, NOW, CRASHED); // killed before 354
    expect(await outbox.resolveInterrupted()).toBe(0);
    expect(asked).toEqual([]);
    await outbox.deliverDue();
    expect(t.sent).toHaveLength(1);
    expect(outbox.store.byId(row.id)).toMatchObject({ state: 'sent', resolvedBy: 'resend', resends: 0 });
  });

  it('sorts SMTP failures as RFC 5321 does', () => {
    expect(classifySendError({ responseCode: 421 })).toBe('transient');
    expect(classifySendError({ responseCode: 451 })).toBe('transient');
    expect(classifySendError({ responseCode: 550 })).toBe('permanent');
    expect(classifySendError({ responseCode: 554 })).toBe('permanent');
    expect(classifySendError({ code: 'ECONNREFUSED' })).toBe('transient');
    expect(classifySendError({ code: 'ETIMEDOUT' })).toBe('transient');
    expect(classifySendError({ code: 'EAUTH' })).toBe('permanent');
    expect(classifySendError(new Error('weird'))).toBe('permanent');
    expect(classifySendError({ code: 'ETIMEDOUT' }, true)).toBe('unknown'); // after the final "."
    expect(classifySendError({ code: 'ECONNECTION' }, true)).toBe('unknown');
    expect(classifySendError({ responseCode: 554 }, true)).toBe('permanent'); // a reply is an answer
    expect([1, 2, 3, 6, 20].map(retryDelay)).toEqual([60_000, 120_000, 240_000, 1_800_000, 1_800_000]);
  });

  it('the directory outbox writes the .eml and an .html preview', async () => {
    const top = mkdtempSync(join(tmpdir(), 'convene-out-'));
    const dir = join(top, 'outbox');
    const t = fileTransport(dir);
    await t.send({
      from: 'a@example.org',
      to: ['b@example.org'],
      raw: Buffer.from('Subject: x\r\n\r\nbody'),
      messageId: 'id/with<odd>@example.org',
      html: '<p>x</p>',
    });
    const base = join(dir, 'id%2Fwith%3Codd%3E@example.org');
    expect(readFileSync(`${base}.eml`, 'utf8')).toBe('Subject: x\r\n\r\nbody');
    expect(readFileSync(`${base}.html`, 'utf8')).toBe('<p>x</p>');
    expect(existsSync(`${base}.eml.tmp`)).toBe(false);
    rmSync(top, { recursive: true, force: true });
  });
});
