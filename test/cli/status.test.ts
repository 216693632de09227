import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockPath } from '../../src/cli/daemon-lock.js';
import { configValue, T } from '../daemon/harness.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir();
const at = (ms: number): string => new Date(ms).toISOString();

/** A config in its own folder; `extra` replaces keys of the daemon harness's config. */
function setup(name: string, extra: Record<string, unknown> = {}): { base: string[]; db: string; config: string } {
  const d = join(dir, name);
  spawnSync('mkdir', ['-p', d]);
  writeFileSync(join(d, 'list.mbox'), '');
  const config = join(d, 'convene.yaml');
  writeFileSync(config, JSON.stringify({ ...configValue(d, null), ...extra }));
  return { base: ['--config', config], db: join(d, 'convene.sqlite'), config };
}

/** A pid that is certainly not running: a child that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('convene status (issue 11)', () => {
  it('before the first pass: no archive is created, and the jobs the config implies are listed in the meeting zone', async () => {
    const { base, db } = setup('fresh');
    const text = await cli([...base, 'status', '--now', at(T.callForItems - 86_400_000)], { TZ: 'UTC' });
    expect(text.code, text.stderr).toBe(0);
    expect(existsSync(db)).toBe(false);
    expect(text.stdout).toContain('daemon: not running');
    expect(text.stdout).toContain(`archive: none yet at ${db}`);
    expect(text.stdout).toMatch(
      /^ {2}2026-06-03 16:00 \+01:00 Europe\/London {2}call-for-items +wg\/2026-06-10 {2}\(from the config; planned/m,
    );
    const json = JSON.parse((await cli([...base, 'status', '--json', '--now', at(T.callForItems - 86_400_000)])).stdout);
    expect(json.nextJobs.slice(0, 3)).toEqual([
      { meeting: 'wg', occurrence: 'wg/2026-06-10', kind: 'call-for-items', due: '2026-06-03T16:00:00.000+01:00', planned: false },
      { meeting: 'wg', occurrence: 'wg/2026-06-10', kind: 'chair-reminder', due: '2026-06-08T16:00:00.000+01:00', planned: false },
      { meeting: 'wg', occurrence: 'wg/2026-06-10', kind: 'digest', due: '2026-06-09T16:00:00.000+01:00', planned: false },
    ]);
    expect(existsSync(db)).toBe(false);
  });

  it('says whether a daemon runs (pid, since when); a second daemon on the database refuses to start', async () => {
    const { base, db } = setup('locked');
    writeFileSync(lockPath(db), JSON.stringify({ pid: process.pid, host: hostname(), since: Date.UTC(2026, 5, 1, 8) }));
    const s = JSON.parse((await cli([...base, 'status', '--json'])).stdout);
    expect(s.daemon).toEqual({ running: true, pid: process.pid, host: hostname(), since: '2026-06-01T08:00:00.000Z', stale: false });
    expect((await cli([...base, 'status'], { TZ: 'Europe/Paris' })).stdout).toContain(
      `daemon: running, pid ${process.pid} on ${hostname()}, since 2026-06-01 10:00 +02:00 Europe/Paris`,
    );
    const second = await cli([...base, 'daemon', '--once', '--now', at(T.callForItems)]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`^convene: a daemon already runs on .*convene\\.sqlite \\(pid ${process.pid} on `));
    expect(JSON.parse(readFileSync(lockPath(db), 'utf8')).pid).toBe(process.pid);
  });

  it('unless the first is gone: a stale lock is reported, taken over, and released after the pass', async () => {
    const { base, db } = setup('stale');
    const pid = deadPid();
    writeFileSync(lockPath(db), JSON.stringify({ pid, host: hostname(), since: Date.UTC(2026, 5, 1) }));
    expect((await cli([...base, 'status'])).stdout).toContain(`daemon: not running (a stale lock from pid ${pid}, which is gone`);
    const r = await cli([...base, 'daemon', '--once', '--now', at(T.callForItems)]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(lockPath(db))).toBe(false);
  });

  it('a failed sync: daemon --once exits 1 and status says so until a pass syncs again', async () => {
    const { base, config } = setup('sync-fails', { source: { path: 'missing.mbox' } });
    const r = await cli([...base, 'daemon', '--once', '--now', at(T.callForItems - 86_400_000)]);
    expect(r.code).toBe(1);
    const last = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ level: 'error', msg: 'pass done with failures', syncOk: false });
    const s = await cli([...base, 'status', '--json']);
    expect(JSON.parse(s.stdout).syncFailure.error).toMatch(/missing\.mbox/);
    expect((await cli([...base, 'status'])).stdout).toMatch(/^SYNC FAILED at .*missing\.mbox/m);
    writeFileSync(join(config, '..', 'missing.mbox'), '');
    expect((await cli([...base, 'daemon', '--once', '--now', at(T.callForItems - 3_600_000)])).code).toBe(0);
    expect(JSON.parse((await cli([...base, 'status', '--json'])).stdout).syncFailure).toBeNull();
  });

  it('a failed send: daemon --once exits 1 and status shows the error', async () => {
    const port = await closedPort();
    const { base } = setup('send-fails', { transport: 'smtp', smtp: { host: '127.0.0.1', port, tls: { allowPlaintext: true } } });
    const r = await cli([...base, 'daemon', '--once', '--now', at(T.callForItems + 60_000)]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toMatchObject({ msg: 'pass done with failures', syncOk: true });
    const text = (await cli([...base, 'status'])).stdout;
    expect(text).toMatch(/#1 call-for-items r0 wg\/2026-06-10 \w+ \(1 attempts\): SEND FAILED: .*ECONNREFUSED/);
  });
});
