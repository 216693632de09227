/** Fixtures for the agenda store, review and CLI tests (the extractor's live in extract-helpers.ts). */
import type { MeetingConfig } from '../../src/config/meetings.js';
import type { Candidate } from '../../src/agenda/extract/types.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterStoreHooks } from '../../src/agenda/items/hooks.js';
import type { Config } from '../../src/config/types.js';
import { importPaths } from '../../src/ingest/import.js';
import { Ingester } from '../../src/ingest/ingester.js';
import { openDb, type Db } from '../../src/store/db.js';
import { generateMessage, type GenerateOptions } from '../helpers/message-generator.js';
import { at, meeting } from '../meetings/helpers.js';

export const ZONE = 'Europe/London';
/** Fortnightly on Wednesdays 16:00 London from 2025-01-08; standing item; cutoff 24h. */
export const mirage: MeetingConfig = meeting({
  id: 'mirage',
  name: 'MirageOS call',
  zone: ZONE,
  schedule: '2025-01-08T16:00/P14D',
  standingItems: ['Quality and Test'],
  agenda: { subjectTags: ['[agenda]'] },
});
export const meetings = [mirage];

export function freshDb(): Db {
  return openDb(':memory:');
}

let seq = 0;
/** A hand-made candidate; date is a London local time. */
export function cand(title: string, date: string, extra: Partial<Candidate> = {}): Candidate {
  seq++;
  return {
    meetingId: 'mirage',
    occurrenceStart: null,
    title,
    rule: 'subject-tag',
    confidence: 0.9,
    messageId: extra.messageId ?? `m${seq}@example.org`,
    threadId: extra.threadId ?? seq,
    proposer: 'Alice <alice@example.org>',
    date: at(date, ZONE),
    links: [],
    ...extra,
  };
}

export const wctx = (now = Date.UTC(2025, 0, 1)) => ({ meetings, now });
export const rctx = (now = Date.UTC(2025, 0, 2), actor = 'chair') => ({ meetings, now, actor });

let mboxes = 0;
/**
 * Import these list mails (in order) through the product path, as `convene import` does: written
 * to an mbox in `dir` with the list's List-Id, with the meetings, on a clock at `now`.
 */
export async function importListMail(
  db: Db,
  dir: string,
  list: string,
  mails: readonly GenerateOptions[],
  meetingConfigs: readonly MeetingConfig[],
  now: number,
): Promise<void> {
  const mbox = join(dir, `m${++mboxes}.mbox`);
  const text = mails.map((m) => `From x@y Mon Jan  1 00:00:00 2019\n${generateMessage({ listId: `<${list}>`, ...m }).toString('utf8')}\n`);
  writeFileSync(mbox, text.join(''));
  await importPaths(db, [mbox], { meetings: meetingConfigs, now: () => now, workers: false });
}

/** Ingest raw mails as the daemon does, with the meetings' extraction hooks, on a clock fixed at `now`. */
export async function ingestWithHooks(db: Db, config: Pick<Config, 'meetings'>, raws: readonly Buffer[], now: number): Promise<void> {
  const hooks = await afterStoreHooks(config, db, { now: () => now });
  await new Ingester(db).ingestBatch(
    raws.map((raw) => ({ raw })),
    { afterStore: hooks },
  );
}
