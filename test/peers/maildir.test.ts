/**
 * Maildir reading, as notmuch's test/T050-new.sh exercises `notmuch new` (issue 14 items 7 and 9,
 * issue 13 item 10, ../shared/repro/10-maildir-odd-files.sh):
 * - "Skip and report non-mail files": stray files are reported, here as a count of files outside
 *   cur/ and new/, and every odd entry of cur/ and new/ with its reason;
 * - "Broken symlink aborts": notmuch stops there; we skip the entry, say why, and import the rest;
 * - "New symlink to a file": a link to a message inside the maildir is read, one out of it is not;
 * - a FIFO, a directory and a non-UTF-8 name in cur/ never stop the import (none is opened but the
 *   file with the odd name, which is mail);
 * - a file that starts with an mbox From_ line (T050 "Support single-message mbox") keeps that line
 *   out of the message, its date as the fallback.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../src/ingest/import.js';
import { mboxrdEntry } from '../../src/mail/mbox-format.js';
import { readRaw } from '../../src/store/raw-reader.js';
import { openDb } from '../../src/store/db.js';
import { tempDir } from '../helpers/tmp.js';

const MSG = (id: string) => `From: Notmuch Test Suite <test_suite@notmuchmail.org>\nSubject: ${id}\nMessage-ID: <${id}@x>\n\nBody.\n`;

function maildir(root: string): string {
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(root, sub), { recursive: true });
  writeFileSync(join(root, 'cur', '1382298587.M1P1.host:2,S'), MSG('one'));
  writeFileSync(join(root, 'new', '1382298588.M2P2.host'), MSG('two'));
  return root;
}

describe('notmuch T050: odd entries are skipped and reported, the rest is imported', () => {
  const dir = tempDir('convene-peers-maildir-');

  it('dangling and outward links, a directory, a FIFO, a non-UTF-8 name, stray files', async () => {
    const md = maildir(join(dir, 'md'));
    const outside = join(dir, 'outside-message');
    writeFileSync(outside, MSG('outside'));
    symlinkSync('does-not-exist', join(md, 'cur', 'broken'));
    symlinkSync(outside, join(md, 'cur', 'link-out'));
    symlinkSync(join(md, 'new', '1382298588.M2P2.host'), join(md, 'cur', 'link-in'));
    mkdirSync(join(md, 'cur', 'subdir'));
    execFileSync('mkfifo', [join(md, 'cur', '3.M3.host:2,S')]);
    writeFileSync(Buffer.from(`${join(md, 'cur')}/\xff\xfe-name`, 'latin1'), MSG('odd-name'));
    writeFileSync(join(md, 'ignored_file'), 'not mail');
    writeFileSync(join(md, 'dovecot-uidlist'), '3 V1 N4\n');
    writeFileSync(join(md, 'tmp', '1382298589.M9P9.host'), MSG('being-delivered'));
    writeFileSync(join(md, 'cur', '.hidden'), 'hidden by the maildir convention');

    const db = openDb(':memory:');
    const [r] = await importPaths(db, [md], { workers: false });
    expect(r).toMatchObject({ read: 4, stored: 3, duplicates: 1, outside: 3 });
    const subjects = db
      .prepare<[], { s: string }>('SELECT subject AS s FROM messages ORDER BY s')
      .all()
      .map((x) => x.s);
    expect(subjects).toEqual(['odd-name', 'one', 'two']);
    expect(r!.skipped.map((s) => `${s.path.slice(md.length + 1)}: ${s.reason}`).sort()).toEqual([
      'cur/3.M3.host:2,S: not a regular file (a FIFO): never opened',
      'cur/broken: a symbolic link to nothing (dangling)',
      `cur/link-out: a symbolic link out of the maildir (to ${outside}): not followed`,
      'cur/subdir: a directory, not a message file',
    ]);
  });

  it('a leading mbox From_ line is an envelope: not stored, its date the fallback', async () => {
    const md = maildir(join(dir, 'md2'));
    const undated = 'From: a@x\nSubject: single-message mbox\nMessage-ID: <mbox-file@x>\n\nBody.\n';
    writeFileSync(join(md, 'cur', 'mbox_file1'), `From test_suite@notmuchmail.org Fri Jan  5 15:43:57 2001\n${undated}`);
    const db = openDb(':memory:');
    await importPaths(db, [md], { workers: false });
    const row = db
      .prepare<[], { id: number; date: number; date_source: string }>(
        "SELECT id, date, date_source FROM messages WHERE header_mid = 'mbox-file@x'",
      )
      .get()!;
    expect(readRaw(db, row.id)!.toString()).toBe(undated);
    expect(row).toMatchObject({ date: Date.UTC(2001, 0, 5, 15, 43, 57), date_source: 'from-line' });
    // Exported, its first line is the export's own From_ line, never ">From".
    expect(mboxrdEntry(readRaw(db, row.id)!, 'a@x', row.date).toString()).not.toMatch(/^>From/m);
  });
});
