import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { claimantGone, currentClaimant } from '../../src/send/claim-lease.js';
import { Outbox, type Lookup } from '../../src/send/outbox.js';
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
        return { response: '250 ok', rejected: [] };
      },
      async verify() {},
      close() {},
    }),
  };
}

/** Two outboxes on one database file through two connections, as two processes would be. */
function twoProcesses() {
  const dir = mkdtempSync(join(tmpdir(), 'convene-lease-'));
  const file = join(dir, 'convene.db');
  const dbA = openDb(file);
  const dbB = openDb(file);
  const srv = server();
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  let inFlight!: () => void;
  const entered = new Promise<void>((r) => (inFlight = r));
  let nowB = NOW;
  const notFound = async (): Promise<Lookup> => ({ notFound: ['archive'] }); // the list has not echoed it (yet)
  // A beats every 20 ms; B watches a claim for 200 ms before it judges it dead.
  const timing = { heartbeatMs: 20, observeMs: 200 };
  const a = new Outbox({
    db: dbA,
    transport: srv.transport(gate, inFlight),
    now: () => NOW,
    logger: memoryLogger(),
    findDelivered: notFound,
    timing,
  });
  const b = new Outbox({ db: dbB, transport: srv.transport(), now: () => nowB, logger: memoryLogger(), findDelivered: notFound, timing });
  const close = () => (dbA.close(), dbB.close(), rmSync(dir, { recursive: true, force: true }));
  return { a, b, dbB, sent: srv.sent, open, entered, setNowB: (t: number) => (nowB = t), close };
}

describe('the claim on a row in "sending"', () => {
  it("a send in flight in process A is left alone by process B, even with B's clock 10 minutes ahead (issue 13 item 4)", async () => {
    const { a, b, sent, open, entered, setNowB, close } = twoProcesses();
    const { row } = a.store.enqueue(mail, NOW);
    const delivering = a.deliverDue(); // A claims the row and waits on the SMTP server
    await entered;
    setNowB(NOW + 10 * 60_000 + 1); // a forward clock step, or a pass run with --now ahead
    expect(b.store.byId(row.id)!.state).toBe('sending');
    expect(await b.resolveInterrupted()).toBe(1); // A's heartbeat moved: A is sending
    expect(b.store.byId(row.id)).toMatchObject({ state: 'sending', resolvedBy: null });
    expect(await b.deliverDue()).toEqual([]);
    open();
    expect((await delivering).map((d) => d.outcome)).toEqual(['sent']);
    expect(sent).toHaveLength(1);
    expect(b.store.byId(row.id)!.state).toBe('sent');
    close();
  });

  it('a claim whose heartbeat stands still is resolved, whatever its claimed_at says', async () => {
    const { a, b, sent, close } = twoProcesses();
    const { row } = a.store.enqueue(mail, NOW);
    a.store.claim(row.id, NOW + 3_600_000, currentClaimant()); // alive pid (a reused one, or stuck), claimed "in the future"
    a.store.markInData(row.id, currentClaimant());
    expect(await b.resolveInterrupted()).toBe(0);
    expect(b.store.byId(row.id)).toMatchObject({ state: 'queued', resolvedBy: 'resend', resends: 1 });
    await b.deliverDue();
    expect(sent).toHaveLength(1);
    close();
  });

  it('a row released with its outcome unknown waits for the echo, then is looked for', async () => {
    const { a, b, setNowB, close } = twoProcesses();
    const { row } = a.store.enqueue(mail, NOW);
    a.store.claim(row.id, NOW, currentClaimant());
    a.store.markInData(row.id, currentClaimant());
    a.store.release(row.id, NOW + 600_000, 'no reply', currentClaimant());
    expect(await b.resolveInterrupted()).toBe(1);
    expect(b.store.byId(row.id)!.state).toBe('sending');
    setNowB(NOW + 600_000);
    expect(await b.resolveInterrupted()).toBe(0);
    expect(b.store.byId(row.id)).toMatchObject({ state: 'queued', resolvedBy: 'resend', resends: 1 });
    close();
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
      transport: { kind: 'smtp', send: async (m) => (sent.push(m), { response: '250 ok', rejected: [] }), async verify() {}, close() {} },
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
