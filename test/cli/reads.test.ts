import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPECS } from '../../src/cli/commands.js';
import { allSpecs } from '../../src/cli/parse.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir();
const config = join(dir, 'convene.yaml');
writeFileSync(config, JSON.stringify({ meetings: [{ id: 'm', zone: 'Europe/London', dates: ['2026-06-10T16:00'] }] }));

/** Arguments that make each reading command get as far as opening the archive. */
const ARGS: Record<string, string[]> = {
  search: ['x'],
  thread: ['1'],
  show: ['a@b'],
  export: [],
  stats: [],
  'db check': [],
  meetings: [],
  'agenda list': [],
  'agenda show': ['--occurrence', '2026-06-10'],
  'agenda log': [],
  'digest preview': ['--occurrence', '2026-06-10'],
  notes: ['--occurrence', '2026-06-10'],
  status: [],
};

describe('a reading command never creates a database (issue 11)', () => {
  const readers = allSpecs(SPECS).filter((s) => s.reads);

  it('every reading command is exercised here', () => {
    expect(readers.map((s) => s.name).filter((n) => !(n in ARGS))).toEqual([]);
  });

  for (const name of Object.keys(ARGS)) {
    it(`${name} on a mistyped --db creates nothing`, async () => {
      const db = join(dir, `typo-${name.replace(' ', '-')}.sqlite`);
      const r = await cli(['--config', config, '--db', db, ...name.split(' '), ...ARGS[name]!]);
      expect(existsSync(db), `${name}: ${r.stderr}`).toBe(false);
      // Those that need the archive say so in one line; meetings and status work without one.
      if (r.code !== 0) expect(r.stderr).toBe(`convene: no archive at ${db}: run convene import or convene sync first (or give --db)\n`);
    });
  }
});
