import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { ext4Db } from './search-fixture.js';

let db: string;
beforeAll(async () => {
  db = await ext4Db();
});

const ROOT = '20190528032257.GF10043@codeaurora.org'; // "fsync_mode mount option for ext4", 9 messages

describe('convene thread', () => {
  it('prints the thread as an indented tree, children by date', async () => {
    const r = await cli(['--db', db, 'thread', ROOT], { TZ: 'UTC' });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^thread \d+: 9 messages \(times in UTC\)$/);
    expect(lines[1]).toMatch(
      /^2019-05-28 03:22 {2}Sahitya Tummala <stummala@codeaurora.org> {2}fsync_mode mount option for ext4 {2}<20190528032257/,
    );
    const depths = lines.slice(1).map((l) => l.match(/^ */)![0].length / 2);
    expect(depths).toEqual([0, 1, 2, 3, 4, 5, 6, 6, 7]);
  });

  it("shows times in the user's zone and names it (issue 11): thread, search, show", async () => {
    const env = { TZ: 'Asia/Kolkata' };
    const thread = (await cli(['--db', db, 'thread', ROOT], env)).stdout.split('\n');
    expect(thread[0]).toMatch(/\(times in Asia\/Kolkata\)$/);
    expect(thread[1]).toMatch(/^2019-05-28 08:52 {2}Sahitya Tummala/);
    const search = await cli(['--db', db, 'search', `id:${ROOT}`], env);
    expect(search.stdout).toMatch(/^2019-05-28 08:52 /);
    expect(search.stderr).toMatch(/^\(times in Asia\/Kolkata\)$/m);
    const show = await cli(['--db', db, 'show', ROOT], env);
    expect(show.stdout).toMatch(/^Date: 2019-05-28 08:52 \+05:30 Asia\/Kolkata$/m);
  });

  it('accepts a thread number or any Message-ID in it, with or without <> or id:', async () => {
    const byMid = await cli(['--db', db, 'thread', '<20190529151303.GC6210@mit.edu>']);
    const tid = /^thread (\d+)/.exec(byMid.stdout)![1]!;
    const byNumber = await cli(['--db', db, 'thread', tid]);
    expect(byNumber.stdout).toBe(byMid.stdout);
    expect((await cli(['--db', db, 'thread', `id:${ROOT}`])).stdout).toBe(byMid.stdout);
  });

  it('--json gives nested messages with children', async () => {
    const r = await cli(['--db', db, 'thread', ROOT, '--json']);
    type Node = { messageId: string; date: string; from: { name: string }; subject: string; children: Node[] };
    const doc = JSON.parse(r.stdout) as { threadId: number; messages: Node[] };
    expect(doc.messages).toHaveLength(1);
    let depth = 0;
    for (let n: Node | undefined = doc.messages[0]; n; n = n.children[0]) depth++;
    expect(depth).toBe(7); // the first child at depth 6 (Christoph Hellwig) has no replies
    expect(doc.messages[0]!.messageId).toBe(ROOT);
  });

  it('shows ghosts for parents missing from the archive', async () => {
    // Thread with several lost parents in the slice.
    const r = await cli(['--db', db, 'search', '*', '--threads', '--json']);
    const threads = JSON.parse(r.stdout) as { threadId: number }[];
    let ghosts = 0;
    for (const t of threads)
      ghosts += ((await cli(['--db', db, 'thread', String(t.threadId)])).stdout.match(/\(not in the archive\)/g) ?? []).length;
    expect(ghosts).toBeGreaterThan(0);
  });

  it('--flat prints every message in date order with its body', async () => {
    const r = await cli(['--db', db, 'thread', ROOT, '--flat']);
    expect(r.stdout.match(/^From: /gm)).toHaveLength(9);
    expect(r.stdout).toContain('What are you really trying to accomplish with fsync_mode=nobarrier?');
    const dates = [...r.stdout.matchAll(/^Date: (.*)$/gm)].map((m) => m[1]!);
    expect([...dates].sort()).toEqual(dates);
    const flatJson = JSON.parse((await cli(['--db', db, 'thread', ROOT, '--flat', '--json'])).stdout) as { messages: { body: string }[] };
    expect(flatJson.messages).toHaveLength(9);
  });

  it('an unknown id is a one-line error', async () => {
    const r = await cli(['--db', db, 'thread', 'nosuch@example.org']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('convene: no thread or message "nosuch@example.org" in the archive\n');
  });
});
