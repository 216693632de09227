import { afterEach, describe, expect, it } from 'vitest';
import { queueCancellation } from '../../src/mailings/review-mails.js';
import { occurrenceByKey } from '../../src/meetings/occurrences.js';
import { OutboxStore } from '../../src/send/outbox-store.js';
import { harness, OCC, T, type Harness } from './harness.js';

/**
 * Issue 13 item 4 (repro 06) through the daemon's own pass, against the in-process SMTP server
 * with the faults of ../shared/repro/smtp-fault.py: a connection dropped after the final ".",
 * a server that answers the final "." late, one recipient refused with 550.
 */
const MIN = 60_000;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('exactly once against a faulty SMTP server', () => {
  it('a connection dropped after "." on every pass: the list gets the call once, proven by its echo', async () => {
    h = await harness();
    h.capture.afterData = 'drop';
    for (const m of [0.5, 2, 5]) await h.at(T.callForItems + m * MIN);
    expect(h.capture.ofKind('call-for-items')).toHaveLength(1);
    h.capture.afterData = 'reply';
    for (const m of [15, 30, 60]) await h.at(T.callForItems + m * MIN);
    expect(h.capture.ofKind('call-for-items')).toHaveLength(1);
    expect(new OutboxStore(h.db).byKey('wg', OCC, 'call-for-items', 0)).toMatchObject({ state: 'sent', resolvedBy: 'archive' });
    expect(h.log.entries.some((e) => e.msg === 'send failed, will retry')).toBe(false);
  });

  it('the cancellation notice goes to the list too: a drop after "." is resolved by its echo, not taken as sent unseen', async () => {
    h = await harness();
    await h.at(T.callForItems + 30_000);
    h.capture.afterData = 'drop';
    const meeting = h.config.meetings[0]!;
    const now = T.callForItems + MIN;
    const deps = { db: h.db, config: h.config, store: new OutboxStore(h.db), now: () => now };
    await queueCancellation(deps, meeting, occurrenceByKey(h.db, meeting, OCC)!);
    for (const m of [1.5, 3, 6]) await h.at(T.callForItems + m * MIN);
    expect(h.capture.ofKind('cancellation')).toHaveLength(1);
    h.capture.afterData = 'reply';
    for (const m of [15, 30]) await h.at(T.callForItems + m * MIN);
    expect(h.capture.ofKind('cancellation')).toHaveLength(1);
    expect(new OutboxStore(h.db).byKey('wg', OCC, 'cancellation', 0)).toMatchObject({ state: 'sent', resolvedBy: 'archive' });
  });

  it('never echoed: looked for after the echo wait, sent again at most twice, then failed', async () => {
    h = await harness({ echo: false });
    h.capture.afterData = 'drop';
    for (const m of [0.5, 2, 5]) await h.at(T.callForItems + m * MIN);
    expect(h.capture.ofKind('call-for-items')).toHaveLength(1);
    for (const m of [11, 22, 33, 44, 55]) await h.at(T.callForItems + m * MIN);
    expect(h.capture.ofKind('call-for-items')).toHaveLength(3);
    expect(new OutboxStore(h.db).byKey('wg', OCC, 'call-for-items', 0)).toMatchObject({ state: 'failed', resends: 2 });
  });

  it('one recipient refused with 550: reported to the chair and in the outbox, not logged as "mail sent"', async () => {
    h = await harness({ digest: { to: ['devel@lists.example.org', 'bad-typo@lists.example.org'] } });
    h.capture.mode = { kind: 'reject', code: 550, only: (a) => a.startsWith('bad') };
    await h.at(T.callForItems + 30_000);
    const row = new OutboxStore(h.db).byKey('wg', OCC, 'call-for-items', 0)!;
    expect(row.state).toBe('sent');
    expect(row.rejected.map((r) => r.address)).toEqual(['bad-typo@lists.example.org']);
    expect(h.log.entries.filter((e) => e.msg === 'mail sent' && e.kind === 'call-for-items')).toEqual([]);
    const reports = h.capture.ofKind('failure-report');
    expect(reports).toHaveLength(1);
    expect(reports[0]!.to).toEqual(['chair@example.org']);
    expect((await h.capture.parsed(h.capture.messages.indexOf(reports[0]!))).text).toContain('bad-typo@lists.example.org');
  });
});
