/** Fixtures for the agenda store, review and CLI tests (the extractor's live in extract-helpers.ts). */
import type { MeetingConfig } from '../../src/config/meetings.js';
import type { Candidate } from '../../src/agenda/types.js';
import { openDb, type Db } from '../../src/store/db.js';
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
