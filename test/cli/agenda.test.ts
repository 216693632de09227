import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addCandidate } from '../../src/agenda/items/record.js';
import { configFromValue } from '../../src/config/load.js';
import { openDb } from '../../src/store/db.js';
import { reviewSession, type ReviewIO } from '../../src/cli/agenda-review.js';
import { listItems, getItem } from '../../src/agenda/items/reader.js';
import { cand } from '../agenda/store-helpers.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir();
const config = join(dir, 'convene.yaml');
const MEETINGS = [
  { id: 'mirage', name: 'MirageOS call', zone: 'Europe/London', schedule: '2025-01-08T16:00/P14D', standingItems: ['Quality and Test'] },
];
writeFileSync(
  config,
  `meetings:\n  - id: mirage\n    name: MirageOS call\n    zone: Europe/London\n    schedule: "2025-01-08T16:00/P14D"\n    standingItems: ["Quality and Test"]\n`,
);
const env = { CONVENE_NOW: '2025-01-09T00:00:00Z', USER: 'amir' };

/** A database with three extracted items for mirage/2025-01-22. */
function seeded(name: string): string[] {
  const path = join(dir, name);
  const db = openDb(path);
  const meetings = configFromValue({ meetings: MEETINGS }, null).meetings;
  for (const [t, mid] of [
    ['TLS stack', 'tls@x'],
    ['Xen 4.20 support', 'xen@x'],
    ['Website redesign', 'web@x'],
  ] as const) {
    addCandidate(db, cand(t, '2025-01-10T12:00', { messageId: mid }), { meetings, now: Date.UTC(2025, 0, 10) });
  }
  db.close();
  return ['--config', config, '--db', path];
}

const json = async (argv: string[]) => {
  const r = await cli(argv, env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('convene agenda list', () => {
  let base: string[];
  beforeAll(() => {
    base = seeded('list.sqlite');
  });

  it('gives the documented JSON fields', async () => {
    const items = await json([...base, 'agenda', 'list', '--json']);
    expect(items).toHaveLength(3);
    expect(items[0]).toEqual(
      expect.objectContaining({
        id: 1,
        meeting: 'mirage',
        occurrence: 'mirage/2025-01-22',
        state: 'proposed',
        position: null,
        title: 'TLS stack',
        proposer: 'Alice <alice@example.org>',
        messageIds: ['tls@x'],
        rule: 'subject-tag',
        late: false,
      }),
    );
  });

  it('filters by occurrence and state', async () => {
    expect(await json([...base, 'agenda', 'list', '--occurrence', '2025-02-05', '--json'])).toEqual([]);
    expect(await json([...base, 'agenda', 'list', '--occurrence', 'next', '--state', 'proposed', '--json'])).toHaveLength(3);
    expect(await json([...base, 'agenda', 'list', '--state', 'accepted', '--json'])).toEqual([]);
    const bad = await cli([...base, 'agenda', 'list', '--state', 'pending'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--state takes proposed, accepted/);
  });

  it('prints one text line per item', async () => {
    const r = await cli([...base, 'agenda', 'list'], env);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(r.stdout).toContain('#1    proposed      mirage/2025-01-22  TLS stack — Alice <alice@example.org> (subject-tag)');
  });
});

describe('convene agenda: the chair works through the inbox', () => {
  it('accept, move, edit, reject, defer, add, merge, done, and the log says who did what', async () => {
    const base = seeded('write.sqlite');
    expect(await json([...base, 'agenda', 'accept', '1', '--json'])).toMatchObject({ state: 'accepted', position: 1 });
    expect(await json([...base, 'agenda', 'accept', '#2', '--json'])).toMatchObject({ state: 'accepted', position: 2 });
    expect(await json([...base, 'agenda', 'move', '2', '--to', '1', '--json'])).toMatchObject({ position: 1 });
    expect(
      await json([...base, 'agenda', 'edit', '2', '--title', 'Xen 4.20', '--presenter', 'Anil', '--duration', '15m', '--json']),
    ).toMatchObject({ title: 'Xen 4.20', presenter: 'Anil', durationMinutes: 15, chairEdited: true });
    expect(await json([...base, 'agenda', 'reject', '3', '--reason', 'not for this call', '--json'])).toMatchObject({
      state: 'rejected',
      reason: 'not for this call',
    });
    const added = await json([...base, 'agenda', 'add', '--title', 'Release planning', '--position', '1', '--as', 'hannes', '--json']);
    expect(added).toMatchObject({ state: 'accepted', position: 1, occurrence: 'mirage/2025-01-22', rule: null, messageIds: [] });
    const agenda = await json([...base, 'agenda', 'list', '--state', 'accepted', '--json']);
    expect(agenda.map((i: { title: string; position: number }) => `${i.position}. ${i.title}`)).toEqual([
      '1. Release planning',
      '2. Xen 4.20',
      '3. TLS stack',
    ]);
    expect(await json([...base, 'agenda', 'defer', '1', '--json'])).toMatchObject({ state: 'deferred', occurrence: 'mirage/2025-02-05' });
    const merged = await json([...base, 'agenda', 'merge', '2', '1', '--json']);
    expect(merged).toMatchObject({ id: 2, state: 'accepted' });
    expect([...merged.messageIds].sort()).toEqual(['tls@x', 'xen@x']);
    expect(await json([...base, 'agenda', 'done', '2', '--json'])).toMatchObject({ state: 'done' });

    const log = await json([...base, 'agenda', 'log', '--json']);
    expect(log.map((e: { actor: string; action: string; itemId: number }) => `${e.actor} ${e.action} #${e.itemId}`)).toEqual([
      'amir accept #1',
      'amir accept #2',
      'amir move #2',
      'amir edit #2',
      'amir reject #3',
      'hannes add #4',
      'amir defer #1',
      'amir merge #1',
      'amir done #2',
    ]);
    const shown = await cli([...base, 'agenda', 'show'], env);
    expect(shown.stdout).toBe(
      [
        'MirageOS call, Wed 2025-01-22 16:00 +00:00 Europe/London (mirage/2025-01-22)',
        'Agenda:',
        '  1. Release planning — hannes #4',
        '  2. Xen 4.20 [Anil] (15 min) — Alice <alice@example.org> #2 (done)',
        'Standing:',
        '  Quality and Test',
        '',
      ].join('\n'),
    );
    const next = await json([...base, 'agenda', 'show', '--occurrence', '2025-02-05', '--json']);
    // #1 was deferred here but then merged away; #4 was accepted and not done, so it rolls over
    expect(next).toMatchObject({ occurrence: 'mirage/2025-02-05', agenda: [], awaiting: [] });
    expect(next.carriedOver.map((i: { id: number; state: string }) => [i.id, i.state])).toEqual([[4, 'accepted']]);
    const text = await cli([...base, 'agenda', 'log'], env);
    expect(text.stdout).toMatch(/amir\s+edit\s+#2 .*title: "Xen 4.20 support" → "Xen 4.20"/);
  });

  it('refuses what the state machine forbids, with one line', async () => {
    const base = seeded('refuse.sqlite');
    const r = await cli([...base, 'agenda', 'done', '1'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('convene: agenda: item 1 is proposed; cannot mark done it\n');
    expect((await cli([...base, 'agenda', 'accept', 'x1'], env)).code).toBe(2);
    expect((await cli([...base, 'agenda', 'move', '1', '--to', '1'], env)).stderr).toMatch(/only accepted items have a position/);
    expect((await cli([...base, 'agenda', 'frob'], env)).code).toBe(2);
  });

  it('review refuses without a terminal', async () => {
    const base = seeded('review.sqlite');
    const r = await cli([...base, 'agenda', 'review'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^convene: agenda review is interactive and needs a terminal/);
  });
});

describe('the review session (keys injected)', () => {
  it('one key per action; e edits then asks again; q stops', async () => {
    const path = join(dir, 'session.sqlite');
    seeded('session.sqlite');
    const db = openDb(path);
    const meetings = configFromValue({ meetings: MEETINGS }, null).meetings;
    const keys = ['a', 'e', 'x', 'r', 's', 'q'];
    const lines = ['TLS stack, revised', 'duplicate'];
    let out = '';
    const io: ReviewIO = { key: async () => keys.shift() ?? 'q', line: async () => lines.shift() ?? '', write: (t) => void (out += t) };
    const items = listItems(db, { states: ['proposed'] });
    items.push(items[0]!); // shown again later: already accepted, so q ends before it matters
    const tally = await reviewSession(db, items.slice(0, 3), io, { actor: 'amir', now: Date.UTC(2025, 0, 11), meetings });
    expect(tally).toEqual({ accepted: 1, rejected: 1, deferred: 0, edited: 1, skipped: 1 });
    expect(getItem(db, 1)).toMatchObject({ state: 'accepted' });
    expect(getItem(db, 2)).toMatchObject({ state: 'rejected', title: 'TLS stack, revised', reason: 'duplicate' });
    expect(getItem(db, 3)).toMatchObject({ state: 'proposed' });
    expect(out).toContain('[1/3] #1 TLS stack');
    db.close();
  });
});

describe('convene import and agenda extract', () => {
  it('extracts at import, and a re-run over the archive adds nothing new', async () => {
    const { generateMessage } = await import('../helpers/message-generator.js');
    const mbox = join(dir, 'list.mbox');
    const msgs = [
      generateMessage({
        messageId: 'p1@x',
        subject: '[agenda] Unikernel TLS',
        date: 'Fri, 10 Jan 2025 12:00:00 +0000',
        body: 'Topic for the next call.\n',
      }),
      generateMessage({
        messageId: 'p2@x',
        subject: 'Unrelated bug report',
        date: 'Fri, 10 Jan 2025 13:00:00 +0000',
        body: 'It crashes on boot.\n',
      }),
    ];
    writeFileSync(mbox, msgs.map((m) => `From MAILER-DAEMON Fri Jan 10 12:00:00 2025\n${m.toString('utf8')}\n`).join(''));
    const cfg = join(dir, 'tagged.yaml');
    writeFileSync(
      cfg,
      `meetings:\n  - id: mirage\n    zone: Europe/London\n    schedule: "2025-01-08T16:00/P14D"\n    agenda: { subjectTags: ["[agenda]"] }\n`,
    );
    const base = ['--config', cfg, '--db', join(dir, 'import.sqlite')];
    // Read before the call: a live proposal (read today, its call long over, it would be history).
    expect((await cli([...base, 'import', mbox], { ...env, CONVENE_NOW: '2025-01-11T00:00:00Z' })).code).toBe(0);
    const items = await json([...base, 'agenda', 'list', '--json']);
    expect(items.map((i: { title: string; messageIds: string[]; occurrence: string }) => [i.title, i.messageIds, i.occurrence])).toEqual([
      ['Unikernel TLS', ['p1@x'], 'mirage/2025-01-22'],
    ]);
    expect(await json([...base, 'agenda', 'extract', '--json'])).toMatchObject({ messages: 2, created: 0, failed: 0 });
    expect(await json([...base, 'agenda', 'list', '--json'])).toHaveLength(1);
  });
});
