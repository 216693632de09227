import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem } from '../../src/agenda/items/review.js';
import { configFromValue } from '../../src/config/load.js';
import { occurrenceByKey } from '../../src/meetings/occurrences.js';
import { OutboxStore } from '../../src/send/outbox-store.js';
import { openDb } from '../../src/store/db.js';
import { tempDir } from '../helpers/tmp.js';
import { SmtpCapture } from '../helpers/smtp-capture.js';
import { appendMbox, configValue, OCC, T } from './harness.js';

/**
 * kill -9 of the real daemon process in each outbox state, then restart: exactly one digest
 * reaches the SMTP server. The crashing pass runs the same CLI through a test-only entry point
 * (test/helpers/fault-bin.ts) that kills itself with SIGKILL at the chosen point
 * (CONVENE_CRASH_AT), which is what kill -9 does, but at a deterministic moment; the restarts run
 * the production bin (`node dist/bin/main.js daemon --once --now ...`), which has no crash points.
 * The capture server plays the list: what it accepts for the list is echoed into the mbox the
 * daemon syncs, as a real list would echo it to the archive.
 */
const ROOT = resolve(import.meta.dirname, '../..');
// The compiled bin, as users run it; `npm test` builds it first (the pretest script).
const BUILD = join(ROOT, 'dist');

// The same CLI with the crash points armed: a test-only entry point (the bin has no crash points).
const CRASH_BIN = join(BUILD, 'test/helpers/fault-bin.js');

/** A daemon pass; with `crashAt`, through the crash entry point, else the production bin (`bin`). */
function daemon(
  configPath: string,
  now: number,
  crashAt?: string,
  bin = crashAt ? CRASH_BIN : join(BUILD, 'bin/main.js'),
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, '--config', configPath, 'daemon', '--once', '--now', new Date(now).toISOString()], {
      env: { ...process.env, ...(crashAt ? { CONVENE_CRASH_AT: crashAt } : { CONVENE_CRASH_AT: '' }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code, signal) => done({ code, signal, out }));
  });
}

let capture: SmtpCapture;

beforeAll(async () => {
  if (!existsSync(join(BUILD, 'bin/main.js')) || !existsSync(CRASH_BIN)) throw new Error('dist/ is missing: run npm run build first');
  capture = await SmtpCapture.start();
});

afterAll(async () => {
  await capture?.stop();
});

describe('exactly one digest after kill -9 in each outbox state', () => {
  for (const point of ['queued', 'sending', 'accepted'] as const) {
    it(`killed in "${point}", restarted: one digest`, async () => {
      const dir = tempDir(`convene-crash-${point}-`);
      const mbox = join(dir, 'list.mbox');
      writeFileSync(mbox, '');
      capture.messages.length = 0;
      capture.onMessage = (m) => {
        if (m.to.includes('devel@lists.example.org')) appendMbox(mbox, m.raw);
      };
      const value = configValue(dir, capture.port);
      const configPath = join(dir, 'convene.yaml');
      writeFileSync(configPath, JSON.stringify(value, null, 2)); // JSON is YAML
      const config = configFromValue(value, configPath);
      const db = openDb(config.db);
      const meeting = config.meetings[0]!;
      addItem(
        db,
        meeting,
        occurrenceByKey(db, meeting, OCC)!,
        { title: 'Release planning' },
        { actor: 'chair', now: T.callForItems - 86_400_000, meetings: config.meetings },
      );
      db.close();

      expect((await daemon(configPath, T.callForItems + 30_000)).code).toBe(0);
      expect((await daemon(configPath, T.reminder + 30_000)).code).toBe(0);
      const crashed = await daemon(configPath, T.digest + 30_000, point);
      expect(crashed.signal).toBe('SIGKILL');
      const mid = (): { state: string; resolvedBy: string | null } => {
        const d = openDb(config.db);
        try {
          return new OutboxStore(d).byKey('wg', OCC, 'digest', 0)!;
        } finally {
          d.close();
        }
      };
      expect(mid().state).toBe(point === 'queued' ? 'queued' : 'sending');
      expect(capture.ofKind('digest')).toHaveLength(point === 'accepted' ? 1 : 0);

      const again = await daemon(configPath, T.digest + 90_000);
      expect(again.code, again.out).toBe(0);
      expect((await daemon(configPath, T.digest + 150_000)).code).toBe(0);
      expect(capture.ofKind('digest')).toHaveLength(1);
      const row = mid();
      expect(row.state).toBe('sent');
      expect(row.resolvedBy).toBe(point === 'queued' ? null : point === 'sending' ? 'resend' : 'archive');
      expect(capture.ofKind('call-for-items')).toHaveLength(1);
      expect(capture.ofKind('chair-reminder')).toHaveLength(1);
    });
  }
});

describe('fault injection is out of the production bin', () => {
  it('CONVENE_CRASH_AT does nothing to the installed convene: the pass sends the digest and exits 0', async () => {
    const dir = tempDir('convene-nocrash-');
    writeFileSync(join(dir, 'list.mbox'), '');
    capture.messages.length = 0;
    const value = configValue(dir, capture.port);
    const configPath = join(dir, 'convene.yaml');
    writeFileSync(configPath, JSON.stringify(value, null, 2));
    const config = configFromValue(value, configPath);
    const db = openDb(config.db);
    const meeting = config.meetings[0]!;
    const c = { actor: 'chair', now: T.callForItems - 86_400_000, meetings: config.meetings };
    addItem(db, meeting, occurrenceByKey(db, meeting, OCC)!, { title: 'Release planning' }, c);
    db.close();
    const r = await daemon(configPath, T.digest + 30_000, 'sending', join(BUILD, 'bin/main.js'));
    expect([r.code, r.signal]).toEqual([0, null]);
    expect(capture.ofKind('digest')).toHaveLength(1);
  });
});

describe('the long-running daemon', () => {
  it('SIGHUP reloads the config (keeping the old one when invalid); SIGTERM finishes and exits 0', async () => {
    const dir = tempDir('convene-signals-');
    writeFileSync(join(dir, 'list.mbox'), '');
    const value = configValue(dir, null);
    const configPath = join(dir, 'convene.yaml');
    writeFileSync(configPath, JSON.stringify(value));
    const child = spawn(
      process.execPath,
      [
        join(BUILD, 'bin/main.js'),
        '--config',
        configPath,
        'daemon',
        '--now',
        new Date(T.callForItems + 30_000).toISOString(),
        '--tick',
        '1',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines: { msg: string; [k: string]: unknown }[] = [];
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        lines.push(JSON.parse(buf.slice(0, i)) as { msg: string });
        buf = buf.slice(i + 1);
      }
    });
    let gone = false;
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => ((gone = true), done(code))));
    const waitFor = async (msg: string): Promise<{ msg: string; [k: string]: unknown }> => {
      for (;;) {
        const hit = lines.find((l) => l.msg === msg);
        if (hit) return hit;
        if (gone) throw new Error(`the daemon exited before logging "${msg}": ${JSON.stringify(lines)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await waitFor('daemon started');
    // One daemon per database (issue 11): a second one refuses, naming the first; status sees it.
    const { cli } = await import('../helpers/cli.js');
    const second = await cli(['--config', configPath, 'daemon', '--once']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`a daemon already runs on .* \\(pid ${child.pid} on `));
    expect(JSON.parse((await cli(['--config', configPath, 'status', '--json'])).stdout).daemon).toMatchObject({
      running: true,
      pid: child.pid,
    });
    const ran = await waitFor('job ran');
    expect(ran.kind).toBe('call-for-items');
    expect(readdirSync(join(dir, 'outbox')).some((f) => f.startsWith('convene.call-for-items.r0.wg.'))).toBe(true);

    writeFileSync(configPath, JSON.stringify({ ...value, digest: { colour: 'red' } }));
    child.kill('SIGHUP');
    const failed = await waitFor('config reload failed; keeping the old config');
    expect(failed.error).toBe(
      'config: digest.colour: unknown key (expected one of: from, to, listId, unsubscribe, unsubscribeOneClick, archiveUrl, zones, join, holdUnreviewed, templates, timing)',
    );

    writeFileSync(
      configPath,
      JSON.stringify({
        ...value,
        meetings: [...(value.meetings as object[]), { id: 'extra', zone: 'Asia/Tokyo', dates: ['2026-07-01T09:00'] }],
      }),
    );
    child.kill('SIGHUP');
    const reloaded = await waitFor('config reloaded');
    expect(reloaded.meetings).toEqual(['wg', 'extra']);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dir, 'convene.sqlite.daemon.lock'))).toBe(false);
    expect(lines.at(-1)!.msg).toBe('daemon stopped');
    expect(lines.some((l) => l.msg === 'stopping: finishing the work in flight' && l.why === 'SIGTERM')).toBe(true);
  });
});
