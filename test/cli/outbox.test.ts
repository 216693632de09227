import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxStore } from '../../src/send/outbox-store.js';
import { configValue, harness, OCC, T, type Harness } from '../daemon/harness.js';
import { cli } from '../helpers/cli.js';

/** Issue 11, "Recovering from failure": the operator sees what failed and why, and acts on it. */
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function setup(): Promise<{ h: Harness; convene: (...argv: string[]) => ReturnType<typeof cli> }> {
  h = await harness();
  const path = join(h.dir, 'convene.yaml');
  writeFileSync(path, JSON.stringify(configValue(h.dir, h.capture.port)));
  return { h, convene: (...argv) => cli(['--config', path, ...argv]) };
}

describe('convene outbox', () => {
  it('list shows a mail that is being retried, with its error; status says sending needs attention', async () => {
    const { h, convene } = await setup();
    h.capture.mode = { kind: 'reject', code: 535 };
    await h.at(T.callForItems + 30_000);
    const list = await convene('outbox', 'list', '--json');
    expect(list.code, list.stderr).toBe(0);
    const rows = JSON.parse(list.stdout) as { id: number; kind: string; state: string; attempts: number; lastError: string }[];
    // Newest first: the chair's copy of the call (review by reply), then the call itself.
    expect(rows).toMatchObject([
      { id: 2, kind: 'chair-copy', state: 'queued', attempts: 1 },
      { id: 1, kind: 'call-for-items', state: 'queued', attempts: 1 },
    ]);
    expect(rows[1]!.lastError).toMatch(/535/);
    const status = await convene('status', '--now', new Date(T.callForItems + 60_000).toISOString());
    expect(status.stdout).toMatch(
      /sending needs attention[^\n]*\n(?: {2}#[^\n]*\n)*? {2}#1 call-for-items r0 wg\/2026-06-10 queued next [^\n]*535/,
    );
  });

  it('drop gives a mail up for good: the daemon neither sends nor queues it again', async () => {
    const { h, convene } = await setup();
    h.capture.mode = { kind: 'reject', code: 451 };
    await h.at(T.callForItems + 30_000);
    const dropped = await convene('outbox', 'drop', '1', '--json');
    expect(dropped.code, dropped.stderr).toBe(0);
    expect(JSON.parse(dropped.stdout)).toMatchObject({ id: 1, state: 'dropped', resolvedBy: 'operator' });
    h.capture.mode = { kind: 'accept' };
    for (const m of [5, 30, 120]) await h.at(T.callForItems + m * 60_000);
    expect(h.capture.ofKind('call-for-items')).toHaveLength(0);
    expect((await convene('outbox', 'drop', '7')).stderr).toContain('no mail #7');
  });

  it('retry sends a failed mail now, with a fresh hour to go out; a sent one is refused', async () => {
    const { h, convene } = await setup();
    h.capture.mode = { kind: 'reject', code: 550 };
    await h.at(T.callForItems + 30_000);
    await h.at(T.start + 60_000); // the call has started: the mail is given up
    const store = new OutboxStore(h.db);
    expect(store.byKey('wg', OCC, 'call-for-items', 0)!.state).toBe('failed');
    h.capture.mode = { kind: 'accept' };
    const now = new Date(T.start + 2 * 60_000).toISOString();
    const r = await convene('outbox', 'retry', '1', '--now', now);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^sent: #1 call-for-items r0 wg\/2026-06-10 sent/);
    expect(h.capture.ofKind('call-for-items')).toHaveLength(1);
    const again = await convene('outbox', 'retry', '1', '--now', now);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/#1 was sent at .*; nothing to retry/);
  });
});
