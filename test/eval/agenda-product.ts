/**
 * The product path the agenda evaluation measures (issue 8): `convene import` of a real mbox into
 * a fresh archive with a meeting config written as an operator would, then
 * `convene agenda list --json --state all`. Nothing here calls the extractor directly, so what is
 * scored is exactly what a chair would see.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ListedItem } from './agenda-calls.js';

const require = createRequire(import.meta.url);

export interface ProductRun {
  readonly items: ListedItem[];
  /** Message-ID → Date (UTC, YYYY-MM-DD) of every stored message. */
  readonly midDates: Map<string, string>;
  readonly messages: number;
  readonly importMs: number;
  /** Messages whose extraction threw (ingest logs them and goes on; hooks.ts): each a lost item the score would hide. */
  readonly extractErrors: string[];
}

/** The `meetings:` list of a config file, optionally only some of them. */
export function meetingsOf(configYaml: string, only?: readonly string[]): Record<string, unknown>[] {
  const { parse } = require('yaml') as typeof import('yaml');
  const doc = parse(configYaml) as { meetings?: Record<string, unknown>[] };
  const all = doc.meetings ?? [];
  return only ? all.filter((m) => only.includes(String(m.id))) : all;
}

/** Import `mbox` with these meetings into a fresh archive and list every agenda item. */
export function runProduct(bin: string, mbox: string, meetings: readonly Record<string, unknown>[]): ProductRun {
  const { stringify } = require('yaml') as typeof import('yaml');
  const dir = mkdtempSync(join(tmpdir(), 'convene-agenda-eval-'));
  try {
    const config = join(dir, 'convene.yaml');
    const db = join(dir, 'convene.sqlite');
    writeFileSync(config, stringify({ db, meetings }));
    const run = (args: string[]): string =>
      execFileSync(process.execPath, [bin, '--config', config, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const t0 = performance.now();
    run(['import', mbox]);
    const importMs = performance.now() - t0;
    const items = JSON.parse(run(['agenda', 'list', '--json', '--state', 'all'])) as ListedItem[];
    const Database = require('better-sqlite3') as typeof import('better-sqlite3');
    const handle = new Database(db, { readonly: true });
    const midDates = new Map<string, string>();
    let extractErrors: string[] = [];
    try {
      for (const r of handle.prepare('SELECT mid, date FROM messages').all() as { mid: string; date: number | null }[]) {
        if (r.date !== null) midDates.set(r.mid, new Date(r.date).toISOString().slice(0, 10));
      }
      const errors = handle.prepare("SELECT detail FROM event_log WHERE kind = 'agenda.extract-error'").all() as { detail: string }[];
      extractErrors = errors.map((e) => e.detail);
    } finally {
      handle.close();
    }
    return { items, midDates, messages: midDates.size, importMs, extractErrors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
