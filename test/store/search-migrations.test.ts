import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { summaryMismatches } from '../../src/thread/summary-store.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { EXT4_THREADS } from '../search/fixture-db.js';

const dir = tempDir('convene-mig-search-');

/**
 * Migrations 11 (thread_summaries) and 12 (message_previews) came after 10 (review mail): an
 * archive written by a convene that stopped at 10 gets them, the summaries filled from the
 * messages already stored, when a reading command first opens it (issue 9).
 */
describe('the search tables on an existing archive (migrations 11 and 12)', () => {
  it('are made and filled when a search first opens it, and search answers as before', async () => {
    const path = join(dir, 'old.sqlite');
    expect((await cli(['--db', path, 'import', EXT4_THREADS])).code).toBe(0);
    const threads = await cli(['--db', path, 'search', '--threads', '--json', 'journal']);
    const text = await cli(['--db', path, 'search', 'journal']);
    expect(JSON.parse(threads.stdout)).not.toHaveLength(0);

    const old = openDb(path);
    old.exec('DROP TABLE thread_summaries; DROP TABLE message_previews;');
    old.pragma('user_version = 10');
    old.close();

    expect(await cli(['--db', path, 'search', '--threads', '--json', 'journal'])).toEqual(threads);
    // No previews for the messages stored before them: every row still gets a snippet, from the
    // raw bytes (around the match in the whole body, where a preview holds only the opening).
    const fromRaw = await cli(['--db', path, 'search', 'journal']);
    const lines = (out: string, snippet: boolean) => out.split('\n').filter((l) => l.startsWith('    ') === snippet);
    expect(lines(fromRaw.stdout, false)).toEqual(lines(text.stdout, false));
    expect(lines(fromRaw.stdout, true)).toHaveLength(lines(text.stdout, true).length);
    const db = openDb(path, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(12);
      expect(db.prepare('SELECT count(*) FROM thread_summaries').pluck().get()).toBe(
        db.prepare('SELECT count(DISTINCT thread_id) FROM messages').pluck().get(),
      );
      expect(summaryMismatches(db)).toBe(0);
      expect(db.prepare('SELECT count(*) FROM message_previews').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
