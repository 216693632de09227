import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCandidate } from '../../src/agenda/items/record.js';
import { configFromValue } from '../../src/config/load.js';
import { openDb } from '../../src/store/db.js';
import { cand } from '../agenda/store-helpers.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir();
const config = join(dir, 'convene.yaml');
const MEETING = { id: 'mirage', name: 'MirageOS call', zone: 'Europe/London', schedule: '2025-01-08T16:00/P14D' };
writeFileSync(config, JSON.stringify({ meetings: [MEETING] }));
const env = { CONVENE_NOW: '2025-01-09T00:00:00Z', USER: 'amir' };

/** Four proposals for mirage/2025-01-22, one for 2025-02-05 (sent after the 22nd's call); the first two from one message. */
function seeded(name: string): string[] {
  const path = join(dir, name);
  const db = openDb(path);
  const meetings = configFromValue({ meetings: [MEETING] }, null).meetings;
  const add = (title: string, at: string, messageId: string) =>
    addCandidate(db, cand(title, at, { messageId }), { meetings, now: Date.UTC(2025, 0, 10) });
  add('TLS stack', '2025-01-10T12:00', 'two@x');
  add('Xen 4.20 support', '2025-01-10T12:00', 'two@x');
  add('Website redesign', '2025-01-10T12:00', 'web@x');
  add('CI minutes', '2025-01-10T12:00', 'ci@x');
  add('Late topic', '2025-01-23T10:00', 'late@x');
  db.close();
  return ['--config', config, '--db', path];
}

const list = async (base: string[]) =>
  JSON.parse((await cli([...base, 'agenda', 'list', '--state', 'all', '--json'], env)).stdout) as {
    id: number;
    state: string;
    reason: string | null;
    position: number | null;
    occurrence: string;
  }[];

describe('bulk agenda actions (issue 11): each item acted on and reported', () => {
  it('agenda reject 1 2 3 --reason stale rejects all three and reports each', async () => {
    const base = seeded('reject.sqlite');
    const r = await cli([...base, 'agenda', 'reject', '1', '2', '3', '--reason', 'stale'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^#1 +rejected .*TLS stack .*reason: stale/),
      expect.stringMatching(/^#2 +rejected .*Xen 4\.20 support/),
      expect.stringMatching(/^#3 +rejected .*Website redesign/),
    ]);
    expect(r.stderr).toBe('3 of 3 items: reject done\n');
    const states = (await list(base)).map((i) => [i.id, i.state, i.reason]);
    expect(states.slice(0, 4)).toEqual([
      [1, 'rejected', 'stale'],
      [2, 'rejected', 'stale'],
      [3, 'rejected', 'stale'],
      [4, 'proposed', null],
    ]);
  });

  it('one failure does not stop the others; it is reported and the exit code is 1', async () => {
    const base = seeded('partial.sqlite');
    expect((await cli([...base, 'agenda', 'accept', '2'], env)).code).toBe(0);
    expect((await cli([...base, 'agenda', 'done', '2'], env)).code).toBe(0);
    const r = await cli([...base, 'agenda', 'defer', '1', '2', '99', '3', '--json'], env);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as { id: number; ok: boolean; error?: string; item?: { state: string } }[];
    expect(results.map((x) => [x.id, x.ok])).toEqual([
      [1, true],
      [2, false],
      [99, false],
      [3, true],
    ]);
    expect(results[1]!.error).toBe('agenda: item 2 is done; cannot defer it');
    expect(results[2]!.error).toMatch(/no item 99/);
    expect(results[3]!.item).toMatchObject({ state: 'deferred', occurrence: 'mirage/2025-02-05' });
  });

  it('accepts several items in the order given, from --position on', async () => {
    const base = seeded('accept.sqlite');
    expect((await cli([...base, 'agenda', 'accept', '3', '1', '4'], env)).code).toBe(0);
    expect((await cli([...base, 'agenda', 'accept', '2', '--position', '1'], env)).code).toBe(0);
    const placed = (await list(base)).filter((i) => i.state === 'accepted').map((i) => [i.position, i.id]);
    expect(placed).toEqual([
      [1, 2],
      [2, 3],
      [3, 1],
      [4, 4],
    ]);
  });

  it('agenda reject --from-message rejects every open item that message proposed', async () => {
    const base = seeded('from-message.sqlite');
    const r = await cli([...base, 'agenda', 'reject', '--from-message', '<two@x>', '--reason', 'spam'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect((await list(base)).filter((i) => i.state === 'rejected').map((i) => i.id)).toEqual([1, 2]);
    const none = await cli([...base, 'agenda', 'reject', '--from-message', 'nobody@x'], env);
    expect(none).toMatchObject({ code: 1, stderr: 'convene: no open agenda item came from <nobody@x>\n' });
  });

  it('agenda expire --before DATE rejects what still awaits review for calls before it', async () => {
    const base = seeded('expire.sqlite');
    expect((await cli([...base, 'agenda', 'accept', '4'], env)).code).toBe(0);
    const r = await cli([...base, 'agenda', 'expire', '--before', '2025-02-01', '--json'], env);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { id: number }[]).map((x) => x.id)).toEqual([1, 2, 3]);
    const after = await list(base);
    expect(after.map((i) => [i.id, i.state])).toEqual([
      [4, 'accepted'],
      [1, 'rejected'],
      [2, 'rejected'],
      [3, 'rejected'],
      [5, 'proposed'],
    ]);
    expect(after.find((i) => i.id === 1)!.reason).toBe('expired: its call was before 2025-02-01');
    expect((await cli([...base, 'agenda', 'expire'], env)).stderr).toMatch(/^convene: agenda expire needs --before DATE/);
  });

  it('agenda list --json --state all keeps its fields', async () => {
    const base = seeded('fields.sqlite');
    const [first] = await list(base);
    for (const k of ['id', 'meeting', 'occurrence', 'occurrenceDate', 'state', 'title', 'deferredFrom', 'messageIds'])
      expect(first).toHaveProperty(k);
  });
});
