import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addItem } from '../../src/agenda/items/review.js';
import { configFromValue } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { runOnce } from '../../src/daemon/run.js';
import { occurrenceByKey } from '../../src/meetings/occurrences.js';
import type { LogFields, Logger } from '../../src/log.js';
import { openDb, type Db } from '../../src/store/db.js';
import { SmtpCapture } from '../helpers/smtp-capture.js';
import { tempDir } from '../helpers/tmp.js';

export interface LogEntry extends LogFields {
  readonly level: string;
}

export function memoryLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: string) => (f: LogFields) => void entries.push({ level, ...f });
  return { entries, info: at('info'), warn: at('warn'), error: at('error') };
}

/** A meeting on Wednesdays 16:00 London; the call we watch is 2026-06-10 (15:00Z). */
export const MEETING = {
  id: 'wg',
  name: 'Test WG call',
  zone: 'Europe/London',
  schedule: '2026-05-27T16:00[Europe/London]/P14D',
  chair: 'Chair Person <chair@example.org>',
  standingItems: ['Quality and Test'],
};
export const OCC = 'wg/2026-06-10';
export const T = {
  callForItems: Date.UTC(2026, 5, 3, 15),
  reminder: Date.UTC(2026, 5, 8, 15),
  digest: Date.UTC(2026, 5, 9, 15),
  start: Date.UTC(2026, 5, 10, 15),
};

export function configValue(dir: string, smtpPort: number | null): Record<string, unknown> {
  return {
    db: join(dir, 'convene.sqlite'),
    source: { path: join(dir, 'list.mbox') },
    ...(smtpPort !== null
      ? { transport: 'smtp', smtp: { host: '127.0.0.1', port: smtpPort, tls: { allowPlaintext: true } } }
      : { transport: 'file' }),
    outbox: { dir: join(dir, 'outbox') },
    meetings: [MEETING],
    digest: {
      from: 'convene <convene@example.org>',
      to: ['devel@lists.example.org'],
      listId: 'devel.lists.example.org',
      unsubscribe: ['mailto:leave@lists.example.org', 'https://lists.example.org/leave'],
      archiveUrl: 'https://lore.example.org/devel/{messageId}/',
      zones: ['America/Los_Angeles', 'Asia/Tokyo'],
      join: 'https://meet.example.org/wg',
    },
  };
}

/** Append a message to an mbox, mboxrd-escaped: the list's echo of what we sent. */
export function appendMbox(path: string, raw: Buffer): void {
  const text = raw
    .toString('utf8')
    .replace(/\r\n/g, '\n')
    .replace(/^(>*From )/gm, '>$1');
  appendFileSync(path, `From list@example.org Mon Jun  8 00:00:00 2026\n${text}${text.endsWith('\n') ? '' : '\n'}\n`);
}

export interface Harness {
  readonly dir: string;
  readonly db: Db;
  readonly config: Config;
  readonly capture: SmtpCapture;
  readonly log: ReturnType<typeof memoryLogger>;
  at(instant: number): Promise<Awaited<ReturnType<typeof runOnce>>>;
  close(): Promise<void>;
}

/** A fresh database, config, list mbox (echoing what the capture receives) and SMTP capture. */
export async function harness(
  options: { echo?: boolean; items?: string[]; proposed?: string[]; digest?: Record<string, unknown> } = {},
): Promise<Harness> {
  const dir = tempDir('convene-daemon-');
  const capture = await SmtpCapture.start();
  writeFileSync(join(dir, 'list.mbox'), '');
  if (options.echo !== false)
    capture.onMessage = (m) => {
      if (m.to.includes('devel@lists.example.org')) appendMbox(join(dir, 'list.mbox'), m.raw);
    };
  const value = configValue(dir, capture.port);
  const config = configFromValue({ ...value, digest: { ...(value.digest as object), ...options.digest } }, null);
  const db = openDb(config.db);
  const meeting = config.meetings[0]!;
  const occ = occurrenceByKey(db, meeting, OCC)!;
  for (const title of options.items ?? ['Release planning', 'CI <b>flakes</b>']) {
    addItem(
      db,
      meeting,
      occ,
      { title, proposer: 'Ann <ann@example.org>' },
      { actor: 'chair', now: T.callForItems - 86_400_000, meetings: config.meetings },
    );
  }
  for (const title of options.proposed ?? []) {
    addItem(
      db,
      meeting,
      occ,
      { title, proposer: 'Bob <bob@example.org>', proposed: true },
      { actor: 'extractor', now: T.callForItems - 86_400_000, meetings: config.meetings },
    );
  }
  const log = memoryLogger();
  return {
    dir,
    db,
    config,
    capture,
    log,
    at: (instant) => runOnce({ db, config, now: () => instant, logger: log, env: {} }),
    async close() {
      db.close();
      await capture.stop();
    },
  };
}
