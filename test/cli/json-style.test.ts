import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SPECS } from '../../src/cli/commands.js';
import { allSpecs } from '../../src/cli/parse.js';
import { configValue, T } from '../daemon/harness.js';
import { cli } from '../helpers/cli.js';
import { generateMessage } from '../helpers/message-generator.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir();
const base = ['--config', join(dir, 'convene.yaml')];
const NOW = ['--now', new Date(T.callForItems + 60_000).toISOString()];

/** For every command that prints data, an invocation that prints some (all take --json). */
const RUNS: Record<string, string[]> = {
  import: ['import', join(dir, 'more.mbox')],
  sync: ['sync', '--once'],
  search: ['search', 'plan'],
  thread: ['thread', 'p@x'],
  show: ['show', 'p@x'],
  export: ['export', '--out', join(dir, 'export.mbox')],
  stats: ['stats'],
  'db check': ['db', 'check'],
  'db reindex': ['db', 'reindex'],
  meetings: ['meetings', ...NOW],
  'meeting cancel': ['meeting', 'cancel', 'wg', '2026-07-08'],
  'meeting move': ['meeting', 'move', 'wg', '2026-07-22', '2026-07-23'],
  'meeting add': ['meeting', 'add', 'wg', '2026-07-30T16:00'],
  'agenda list': ['agenda', 'list', '--state', 'all'],
  'agenda show': ['agenda', 'show', '--occurrence', '2026-06-10'],
  'agenda log': ['agenda', 'log', '--all'],
  'agenda accept': ['agenda', 'accept', '1', '2', ...NOW],
  'agenda reject': ['agenda', 'reject', '3', ...NOW],
  'agenda defer': ['agenda', 'defer', '4', ...NOW],
  'agenda withdraw': ['agenda', 'withdraw', '5', ...NOW],
  'agenda done': ['agenda', 'done', '1', ...NOW],
  'agenda expire': ['agenda', 'expire', '--before', '2026-06-01', ...NOW],
  'agenda edit': ['agenda', 'edit', '2', '--title', 'Plan B', ...NOW],
  'agenda move': ['agenda', 'move', '2', '--to', '1', ...NOW],
  'agenda merge': ['agenda', 'merge', '6', '7', ...NOW],
  'agenda add': ['agenda', 'add', '--title', 'Extra', '--occurrence', '2026-06-10', ...NOW],
  'agenda extract': ['agenda', 'extract'],
  'digest preview': ['digest', 'preview', '--occurrence', '2026-06-10', ...NOW],
  'digest send': ['digest', 'send', '--dry-run', '--occurrence', '2026-06-10', ...NOW],
  notes: ['notes', '--occurrence', '2026-06-10', ...NOW],
  status: ['status', ...NOW],
  search_explain: ['search', 'plan', 'from:alice', '--explain'],
};

const TIME_KEY = /(?:^|[a-z])(?:At|Date|date|Time|time|start|Start|end|End|due|Due|since|Since|oldest|newest)$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?(?:Z|[+-]\d{2}:\d{2})$/;
/** Field names that have one spelling everywhere: `meeting` (an id) and `occurrence` (a key). */
const FORBIDDEN = new Set(['meetingId', 'meeting_id', 'occurrenceKey', 'occKey', 'occ_key', 'key']);
/** Calendar dates (no time of day) and counts whose names end like a time's. */
const NOT_INSTANTS: Record<string, RegExp> = { occurrenceDate: /^\d{4}-\d{2}-\d{2}$/, withoutDate: /^\d+$/ };
/** Objects whose keys are data (states, query parameters), not field names. */
const DATA_MAPS = new Set(['counts']);

function problems(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => problems(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const here = `${path}.${k}`;
    const out: string[] = [];
    if (!/^[a-z][A-Za-z0-9]*$/.test(k)) out.push(`${here}: not camelCase`);
    if (FORBIDDEN.has(k)) out.push(`${here}: say "meeting" / "occurrence"`);
    const exempt = NOT_INSTANTS[k]?.test(String(v)) === true;
    if (TIME_KEY.test(k) && v !== null && !exempt && !(typeof v === 'string' && ISO_WITH_OFFSET.test(v)))
      out.push(`${here}: ${JSON.stringify(v)} is not an ISO 8601 time with an offset`);
    return [...out, ...(DATA_MAPS.has(k) ? [] : problems(v, here))];
  });
}

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  const value = configValue(dir, null);
  writeFileSync(join(dir, 'convene.yaml'), JSON.stringify(value));
  const mail = (id: string, subject: string, extra: object = {}) =>
    `From x Mon Jun  1 10:00:00 2026\n${generateMessage({ messageId: id, subject, date: 'Mon, 01 Jun 2026 10:00:00 +0000', ...extra })}\n`;
  writeFileSync(join(dir, 'list.mbox'), mail('p@x', 'Plan') + mail('r@x', 'Re: Plan', { inReplyTo: '<p@x>', references: '<p@x>' }));
  writeFileSync(join(dir, 'more.mbox'), mail('m@x', 'More'));
  expect((await cli([...base, 'daemon', '--once', ...NOW])).code).toBe(0);
  for (const t of ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven']) {
    const r = await cli([...base, 'agenda', 'add', '--title', t, '--proposed', '--occurrence', '2026-06-10', ...NOW]);
    expect(r.code, r.stderr).toBe(0);
  }
});

describe('one JSON style everywhere (issue 11)', () => {
  it('every command that prints data takes --json; each is exercised here', () => {
    const withJson = allSpecs(SPECS)
      .filter((s) => (s.options ?? []).some((o) => o.name === 'json'))
      .map((s) => s.name);
    expect(withJson.filter((n) => !(n in RUNS))).toEqual([]);
  });

  for (const [name, argv] of Object.entries(RUNS)) {
    it(`${name} --json: camelCase, meeting/occurrence, ISO 8601 times with offset`, async () => {
      const r = await cli([...base, ...argv, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(problems(JSON.parse(r.stdout))).toEqual([]);
    });
  }
});
