import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addItem } from '../../src/agenda/items/review.js';
import { configFromValue } from '../../src/config/load.js';
import { runOnce } from '../../src/daemon/run.js';
import { occurrenceByKey } from '../../src/meetings/occurrences.js';
import { OutboxReader } from '../../src/send/outbox-reader.js';
import { openDb } from '../../src/store/db.js';
import { tempDir } from '../helpers/tmp.js';
import { memoryLogger } from './harness.js';

/**
 * Issue 13 item 11 (repro 08): meeting ids "team_a" and "team-a" are both valid and used to give
 * one Message-ID, one .ics UID, one outbox file and one notes file, so one meeting's mail
 * overwrote the other's.
 */
describe('two meetings whose ids differ only in "_" and "-"', () => {
  it('get their own Message-IDs, .ics UIDs, outbox files and notes files', async () => {
    const dir = tempDir('convene-collide-');
    const meeting = (id: string, chair: string) => ({ id, name: id, zone: 'Europe/London', dates: ['2026-06-03T16:00'], chair });
    const config = configFromValue(
      {
        db: join(dir, 'c.sqlite'),
        transport: 'file',
        outbox: { dir: join(dir, 'outbox') },
        meetings: [meeting('team_a', 'A <a@example.org>'), meeting('team-a', 'B <b@example.org>')],
        digest: { from: 'convene <convene@example.org>', to: ['devel@lists.example.org'] },
      },
      null,
    );
    const db = openDb(config.db);
    for (const m of config.meetings) {
      const occ = occurrenceByKey(db, m, `${m.id}/2026-06-03`)!;
      addItem(db, m, occ, { title: `Topic of ${m.id}` }, { actor: 'chair', now: Date.UTC(2026, 4, 1), meetings: config.meetings });
    }
    const pass = (iso: string) => runOnce({ db, config, now: () => Date.parse(iso), logger: memoryLogger(), env: {} });
    await pass('2026-06-02T15:00:30Z'); // the digests
    await pass('2026-06-03T18:00:00Z'); // the notes, after the calls

    const rows = new OutboxReader(db).inState('sent').filter((r) => r.kind === 'digest');
    expect(rows.map((r) => r.meeting).sort()).toEqual(['team-a', 'team_a']);
    expect(new Set(rows.map((r) => r.messageId)).size).toBe(2);
    const emls = readdirSync(join(dir, 'outbox')).filter((f) => f.startsWith('convene.digest.') && f.endsWith('.eml'));
    expect(emls).toHaveLength(2);
    const uids = emls.map((f) => /^UID:(.*)\r?$/m.exec(readFileSync(join(dir, 'outbox', f), 'utf8'))?.[1]);
    expect(uids.sort()).toEqual(['convene.team-a.2026-06-03@example.org', 'convene.team_a.2026-06-03@example.org']);
    expect(readdirSync(join(dir, 'outbox', 'notes')).sort()).toEqual(['team-a.2026-06-03.md', 'team_a.2026-06-03.md']);
    db.close();
  });
});
