import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { claimantGone, currentClaimant, SEND_LEASE_MS } from '../../src/send/claim-lease.js';
import { Outbox } from '../../src/send/outbox.js';
import type { NewOutboxRow } from '../../src/send/outbox-store.js';
import type { Envelope, Transport } from '../../src/send/transport.js';
import { openDb } from '../../src/store/db.js';
import { memoryLogger } from '../daemon/harness.js';

const NOW = Date.UTC(2026, 5, 9, 15);

const mail: NewOutboxRow = {
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
};

/** Every mail any "process" hands to the SMTP server, in one list. */
function server(): { sent: Envelope[]; transport: (gate?: Promise<void>, entered?: () => void) => Transport } {
  const sent: Envelope[] = [];
  return {
    sent,
    transport: (gate, entered) => ({
      kind: 'smtp',
      async send(m) {
        entered?.();
        await gate; // a slow server: the send is in flight until the gate opens
        sent.push(m);
        return { response: '250 ok' };
      },
      close() {},
    }),
  };
}

/** Two outboxes on one database file through two connections, as two processes would be. */
function twoProcesses() {
  const file = join(mkdtempSync(join(tmpdir(), 'convene-lease-')), 'convene.db');
  const dbA = openDb(file);
  const dbB = openDb(file);
  const srv = server();
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  let inFlight!: () => void;
  const entered = new Promise<void>((r) => (inFlight = r));
  let nowB = NOW;
  const notFound = async (): Promise<null> => null; // the list has not echoed it (yet)
  const a = new Outbox({
    db: dbA,
    transport: srv.transport(gate, inFlight),
    now: () => NOW,
    logger: memoryLogger(),
    findDelivered: notFound,
  });
  const b = new Outbox({ db: dbB, transport: srv.transport(), now: () => nowB, logger: memoryLogger(), findDelivered: notFound });
  return { a, b, dbB, sent: srv.sent, open, entered, setNowB: (t: number) => (nowB = t) };
}

describe('the claim lease on a row in "sending"', () => {
  it('a send in flight in process A is neither requeued nor sent again by process B', async () => {
    const { a, b, sent, open, entered } = twoProcesses();
    const { row } = a.store.enqueue(mail, NOW);
    const delivering = a.deliverDue(); // A claims the row and waits on the SMTP server
    await entered;
    expect(b.store.byId(row.id)!.state).toBe('sending');
    expect(await b.resolveInterrupted()).toBe(1); // left to A: it may still be sending
    expect(b.store.byId(row.id)).toMatchObject({ state: 'sending', resolvedBy: null });
    expect(await b.deliverDue()).toEqual([]);
    open();
    expect((await delivering).map((d) => d.outcome)).toEqual(['sent']);
    expect(sent).toHaveLength(1);
    expect(b.store.byId(row.id)!.state).toBe('sent');
  });

  it('a claim older than the lease is resolved as a crash leftover, as before', async () => {
    const { a, b, sent, setNowB } = twoProcesses();
    const { row } = a.store.enqueue(mail, NOW);
    a.store.claim(row.id, NOW, currentClaimant()); // a live claimant that never finished
    setNowB(NOW + SEND_LEASE_MS - 1);
    expect(await b.resolveInterrupted()).toBe(1);
    expect(b.store.byId(row.id)!.state).toBe('sending');
    setNowB(NOW + SEND_LEASE_MS);
    expect(await b.resolveInterrupted()).toBe(0);
    expect(b.store.byId(row.id)).toMatchObject({ state: 'queued', resolvedBy: 'resend' });
    await b.deliverDue();
    expect(sent).toHaveLength(1);
    expect(b.store.byId(row.id)).toMatchObject({ state: 'sent', claimedAt: NOW + SEND_LEASE_MS });
  });

  it('a claim without a lease (written before migration 5) is resolved at once', async () => {
    const { a, b, dbB } = twoProcesses();
    const { row } = a.store.enqueue(mail, NOW);
    a.store.claim(row.id, NOW, currentClaimant());
    dbB.prepare('UPDATE outbox SET claimed_at = NULL, claimed_by = NULL WHERE id = ?').run(row.id);
    expect(await b.resolveInterrupted()).toBe(0);
    expect(b.store.byId(row.id)!.resolvedBy).toBe('resend');
  });

  it('a claimant is gone only when it ran on this host and its pid no longer exists', () => {
    const child = spawnSync(process.execPath, ['-e', '']);
    expect(child.pid).toBeGreaterThan(0);
    expect(claimantGone(`${hostname()} ${child.pid}`)).toBe(true);
    expect(claimantGone(currentClaimant())).toBe(false);
    expect(claimantGone(`${hostname()} ${process.ppid}`)).toBe(false);
    expect(claimantGone(`another-host ${child.pid}`)).toBe(false);
    expect(claimantGone('garbage')).toBe(false);
  });
});

describe('after the server accepted the mail', () => {
  it('a database error is not a send failure: it propagates, and the row stays "sending"', async () => {
    const reports: string[] = [];
    const sent: Envelope[] = [];
    const db = openDb(':memory:');
    const outbox = new Outbox({
      db,
      now: () => NOW,
      logger: memoryLogger(),
      transport: { kind: 'smtp', send: async (m) => (sent.push(m), { response: '250 ok' }), close() {} },
      onPermanentFailure: async (row, error) => void reports.push(`${row.kind}: ${error}`),
    });
    const { row } = outbox.store.enqueue(mail, NOW);
    vi.spyOn(outbox.store, 'markSent').mockImplementationOnce(() => {
      throw new Error('database is locked');
    });
    await expect(outbox.deliver(row)).rejects.toThrow('database is locked');
    expect(sent).toHaveLength(1);
    expect(outbox.store.byId(row.id)).toMatchObject({ state: 'sending', lastError: null });
    expect(reports).toEqual([]);
  });
});
