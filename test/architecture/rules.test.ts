import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderCycles, importViolations, parseArchitecture, sizeReport, sqlViolations } from './rules.js';
import { scanText } from './scan.js';

const arch = parseArchitecture(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'ARCHITECTURE.md'), 'utf8'));

/** A made-up file with these imports (relative specifiers as src/ writes them). */
const importing = (path: string, ...specs: string[]) => scanText(path, specs.map((s, i) => `import { x${i} } from '${s}';`).join('\n'));

describe('the architecture check catches the breaks issue 12 listed', () => {
  it('flags a folder importing one its row does not list, with file, line and target', () => {
    const files = [
      importing('mail/prepare.ts', '../store/raw-codec.js'),
      importing('send/outbox.ts', '../sources/imap-log.js'),
      importing('search/mboxrd-writer.ts', '../sources/mbox.js'),
      importing('store/db.ts', '../config/defaults.js'),
      importing('meetings/overrides.ts', '../agenda/audit.js'),
      importing('cli/digest.ts', './args.js', '../daemon/actions.js'),
    ];
    expect(importViolations(files, arch)).toEqual([
      'mail/prepare.ts:1: mail may not import store (store/raw-codec.ts)',
      'send/outbox.ts:1: send may not import sources (sources/imap-log.ts)',
      'search/mboxrd-writer.ts:1: search may not import sources (sources/mbox.ts)',
      'store/db.ts:1: store may not import config (config/defaults.ts)',
      'meetings/overrides.ts:1: meetings may not import agenda (agenda/audit.ts)',
      'cli/digest.ts:2: cli may not import daemon (daemon/actions.ts)',
    ]);
  });

  it('lets the one command that starts the daemon import it, and counts dynamic imports and type imports', () => {
    expect(importViolations([importing('cli/daemon.ts', '../daemon/run.js')], arch)).toEqual([]);
    const dynamic = scanText(
      'cli/notes.ts',
      "const { notesFor } = await import('../daemon/actions.js');\ntype T = import('../daemon/ports.js').X;",
    );
    expect(importViolations([dynamic], arch)).toEqual([
      'cli/notes.ts:1: cli may not import daemon (daemon/actions.ts)',
      'cli/notes.ts:2: cli may not import daemon (daemon/ports.ts)',
    ]);
  });

  it('flags a file at the top of src/ that the table does not know (ingest.ts before src/ingest/)', () => {
    expect(importViolations([importing('ingest.ts', './store/db.js')], arch)).toEqual([
      'ingest.ts: folder ingest.ts is not in the table of docs/ARCHITECTURE.md',
    ]);
  });

  it('finds the folder cycles config ↔ meetings and agenda ↔ meetings', () => {
    const files = [
      importing('config/meetings.ts', '../meetings/zone.js'),
      importing('meetings/occurrences.ts', '../config/meetings.js'),
      importing('meetings/overrides.ts', '../agenda/audit.js'),
      importing('agenda/store.ts', '../meetings/assign.js'),
    ];
    expect(folderCycles(files)).toEqual(['agenda -> meetings -> agenda', 'config -> meetings -> config']);
  });

  it('flags SQL outside the owners: queries in cli/show.ts, raw event_log writes, reindex deleting others’ tables', () => {
    const show = scanText('cli/show.ts', "const row = db.prepare('SELECT * FROM messages WHERE mid = ?').get(id);");
    const follower = scanText(
      'ingest/local-sync.ts',
      "db.prepare('INSERT INTO event_log (at, kind, detail) VALUES (?, ?, ?)').run(1, 'k', 'd');",
    );
    const reindex = scanText('ingest/reindex.ts', 'db.exec(`DELETE FROM ghosts; DELETE FROM messages_fts;`);');
    expect(sqlViolations([show, follower, reindex], arch)).toEqual([
      'cli/show.ts:1: SQL outside the owner modules: SELECT * FROM messages WHERE mid = ?',
      'ingest/local-sync.ts:1: SQL outside the owner modules: INSERT INTO event_log (at, kind, detail) VALUES (?, ?, ?)',
      'ingest/reindex.ts:1: SQL outside the owner modules: DELETE FROM ghosts; DELETE FROM messages_fts;',
    ]);
  });

  it('holds owners to their tables: a reader that writes, a module reading a table it is not listed for', () => {
    const reader = scanText('agenda/items/item-reader.ts', "db.prepare('UPDATE agenda_items SET title = ? WHERE id = ?');");
    const stats = scanText('store/stats.ts', "db.prepare('SELECT count(*) AS n FROM ghosts');");
    expect(sqlViolations([reader, stats], arch)).toEqual([
      'agenda/items/item-reader.ts:1: writes agenda_items, owned by agenda/items/item-store.ts',
      'store/stats.ts:1: reads ghosts, not one of its readers',
    ]);
  });

  it('tells SQL from look-alikes: regular expressions, prose and calendar text are not SQL; db.prepare(sql) is', () => {
    const prose = scanText(
      'agenda/reading/text.ts',
      "const m = /^From: (.+)$/m.exec(text);\nconst s = 'Select the items from the list';\nconst ics = 'BEGIN:VCALENDAR';",
    );
    expect(prose.sql).toEqual([]);
    const built = scanText('cli/search.ts', 'const sql = build();\nreturn db.prepare(sql).all();');
    expect(sqlViolations([built], arch)).toEqual(['cli/search.ts:2: SQL outside the owner modules: prepare(sql)']);
  });

  it('flags long files and long lines, and reports the median length', () => {
    const long = scanText('cli/long.ts', 'const a = 1;\n'.repeat(301));
    const wide = scanText('cli/wide.ts', `const s = '${'x'.repeat(140)}';\n`);
    const { violations, median } = sizeReport([long, wide]);
    expect(violations).toEqual(['cli/long.ts: 301 lines (at most 300)', 'cli/wide.ts:1: over 140 characters']);
    expect(median).toBe(151);
  });
});
