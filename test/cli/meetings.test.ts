import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir();
const config = join(dir, 'convene.yaml');
writeFileSync(
  config,
  `meetings:
  - id: mirage
    name: MirageOS call
    zone: Europe/London
    schedule: "2025-01-08T16:00[Europe/London]/P14D"
  - id: summit
    name: Maintainers Summit
    zone: Asia/Tokyo
    dates: ["2025-12-10T09:00"]
`,
);
const base = (db: string) => ['--config', config, '--db', join(dir, db)];
const NOW = { CONVENE_NOW: '2025-03-10T00:00:00Z' };

describe('convene meetings', () => {
  it('lists the next occurrences with local times, across the March DST change', async () => {
    const r = await cli([...base('a.sqlite'), 'meetings', '--count', '2', '--json'], NOW);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [mirage, summit] = JSON.parse(r.stdout);
    expect(mirage.occurrences).toEqual([
      expect.objectContaining({
        occurrence: 'mirage/2025-03-19',
        start: '2025-03-19T16:00:00.000Z',
        local: '2025-03-19T16:00',
        offset: '+00:00',
        status: 'scheduled',
        sequence: 0,
      }),
      expect.objectContaining({
        occurrence: 'mirage/2025-04-02',
        start: '2025-04-02T15:00:00.000Z',
        local: '2025-04-02T16:00',
        offset: '+01:00',
      }),
    ]);
    expect(summit.occurrences).toEqual([
      expect.objectContaining({ occurrence: 'summit/2025-12-10', start: '2025-12-10T00:00:00.000Z', local: '2025-12-10T09:00' }),
    ]);
  });

  it('prints readable text', async () => {
    const r = await cli([...base('a.sqlite'), 'meetings', '--count', '1', '--meeting', 'mirage'], NOW);
    expect(r.stdout).toBe('MirageOS call (mirage, Europe/London)\n  Wed 2025-03-19 16:00 +00:00 Europe/London  mirage/2025-03-19\n');
  });
});

describe('convene meeting cancel|move|add', () => {
  it('cancels, moves (same key, sequence up) and adds, and meetings shows it', async () => {
    const b = base('b.sqlite');
    expect((await cli([...b, 'meeting', 'cancel', 'mirage', '2025-03-19', '--as', 'amir'], NOW)).code).toBe(0);
    const moved = await cli([...b, 'meeting', 'move', 'mirage', '2025-04-02', '2025-04-03', '--json'], NOW);
    expect(moved.code).toBe(0);
    expect(JSON.parse(moved.stdout)).toMatchObject({
      occurrence: 'mirage/2025-04-02',
      local: '2025-04-03T16:00',
      status: 'moved',
      sequence: 1,
      originalStart: '2025-04-02T15:00:00.000Z',
    });
    const added = await cli([...b, 'meeting', 'add', 'mirage', '2025-04-09T10:30', '--json'], NOW);
    expect(JSON.parse(added.stdout)).toMatchObject({ occurrence: 'mirage/2025-04-09', status: 'extra', local: '2025-04-09T10:30' });
    const list = JSON.parse((await cli([...b, 'meetings', '--meeting', 'mirage', '--count', '3', '--json'], NOW)).stdout);
    expect(list[0].occurrences.map((o: { occurrence: string; status: string }) => `${o.occurrence}:${o.status}`)).toEqual([
      'mirage/2025-03-19:cancelled',
      'mirage/2025-04-02:moved',
      'mirage/2025-04-09:extra',
      'mirage/2025-04-16:scheduled',
    ]);
    const text = (await cli([...b, 'meetings', '--meeting', 'mirage', '--count', '1'], NOW)).stdout;
    expect(text).toBe(
      'MirageOS call (mirage, Europe/London)\n  Wed 2025-03-19 16:00 +00:00 Europe/London  mirage/2025-03-19  [cancelled, sequence 1]\n  Thu 2025-04-03 16:00 +01:00 Europe/London  mirage/2025-04-02  [moved, sequence 1]\n',
    );
    const log = JSON.parse((await cli([...b, 'agenda', 'log', '--all', '--json'])).stdout);
    expect(log.map((e: { actor: string; action: string }) => e.action)).toEqual(['meeting.cancel', 'meeting.move', 'meeting.add']);
    expect(log[0].actor).toBe('amir');
  });

  it('refuses bad input with one line and a usage code', async () => {
    const b = base('c.sqlite');
    const unknown = await cli([...b, 'meeting', 'cancel', 'nope', '2025-03-19'], NOW);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^convene: no meeting "nope"/);
    const noOcc = await cli([...b, 'meeting', 'cancel', 'mirage', '2025-03-20'], NOW);
    expect(noOcc.code).toBe(1);
    expect(noOcc.stderr).toMatch(/mirage has no occurrence on 2025-03-20/);
    const gap = await cli([...b, 'meeting', 'move', 'mirage', '2025-03-19', '2025-03-30T01:30'], NOW);
    expect(gap.code).toBe(2);
    expect(gap.stderr).toMatch(/does not exist in Europe\/London/);
    expect((await cli([...b, 'meeting', 'frob', 'mirage', '2025-03-19'], NOW)).code).toBe(2);
  });
});
