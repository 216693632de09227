import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

const BIN = resolve('dist/bin/main.js');

describe('npm run demo (issue 11)', () => {
  it.skipIf(!existsSync(BIN))('narrates each step, shows a search, a thread and the digest text; JSON only with --json', () => {
    const root = tempDir('convene-demo-');
    cpSync('data/demo', join(root, 'data', 'demo'), { recursive: true });
    const demo = (...args: string[]) =>
      spawnSync('bash', [join(root, 'data', 'demo', 'demo.sh'), ...args], { env: { ...process.env, CONVENE_BIN: BIN }, encoding: 'utf8' });
    const text = demo();
    expect(text.status, text.stderr).toBe(0);
    const out = text.stdout;
    for (const step of [
      '1. Wednesday 3 December 2025',
      '2. Search the archive',
      '3. One thread',
      "4. Monday 8 December, 09:00 in Tokyo, two days before: the chair's reminder.",
      '5. The chair reviews by mail, from their mail client: a reply to the reminder saying "accept 9 3 6".',
      '6. Tuesday 9 December',
      '7. The digest',
    ])
      expect(out).toContain(step);
    // convene's answer to the chair's reply, and the agenda it set.
    expect(out).toContain('  |   accept 9 3 6: [9] Reaching consensus on CONFIG_HIGHMEM phaseout is agenda item 1');
    expect(out).toMatch(/^2025-09-\d\d \d\d:\d\d {2}.*\[TECH TOPIC\]/m); // a search result
    expect(out).toMatch(/^thread \d+: \d+ messages/m); // a thread
    expect(out).toMatch(/^Agenda\n------\n1\. Reaching consensus on CONFIG_HIGHMEM phaseout$/m); // the digest's text part
    expect(out).not.toMatch(/^\{"level"/m); // the daemon's JSON log stays out of the narration
    const outbox = readdirSync(join(root, 'data', 'outbox'));
    // The call, the chair's copy, the reminder, the confirmation, the digest, and the note telling
    // the chair which proposals the digest held back (unreviewed ones stay out by default).
    const sent = outbox.filter((f) => f.endsWith('.eml'));
    expect(sent).toHaveLength(6);
    expect(sent.filter((f) => f.startsWith('convene.held-note.'))).toHaveLength(1);

    const json = demo('--json');
    expect(json.status, json.stderr).toBe(0);
    expect(json.stdout).toMatch(/^\{"level":"info",.*"msg":"pass done"/m);
    expect(readdirSync(join(root, 'data', 'outbox'))).toEqual(outbox); // nothing sent twice
  });
});
