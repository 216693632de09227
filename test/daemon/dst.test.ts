import { describe, expect, it } from 'vitest';
import { configFromValue } from '../../src/config/load.js';
import { prepareDigest } from '../../src/mailings/digest-plan.js';
import { jobsOf } from '../../src/mailings/job-reader.js';
import { planJobs } from '../../src/mailings/jobs.js';
import { OutboxStore } from '../../src/send/outbox-store.js';
import { openDb } from '../../src/store/db.js';

const H = 3_600_000;
const iso = (t: number): string => new Date(t).toISOString().replace(':00.000Z', 'Z');

// Calls at 01:30 and 02:30 local around the 2026 transitions. US: clocks forward 8 March,
// back 1 November (America/New_York). EU: forward 29 March, back 25 October, at 01:00 UTC
// (Berlin 02:00→03:00 / 03:00→02:00; London 01:00→02:00 / 02:00→01:00).
const CASES = [
  // id, zone, local call, call start (UTC), digest due (UTC), displayed local time, hours between
  {
    id: 'us-spring-0230',
    zone: 'America/New_York',
    local: '2026-03-09T02:30',
    start: '2026-03-09T06:30Z',
    due: '2026-03-08T07:30Z',
    shown: '02:30 (UTC-04:00)',
    gap: 23,
  }, // 02:30 on the 8th does not exist: 03:30 EDT
  {
    id: 'us-spring-0130',
    zone: 'America/New_York',
    local: '2026-03-09T01:30',
    start: '2026-03-09T05:30Z',
    due: '2026-03-08T06:30Z',
    shown: '01:30 (UTC-04:00)',
    gap: 23,
  },
  {
    id: 'us-fall-0130',
    zone: 'America/New_York',
    local: '2026-11-02T01:30',
    start: '2026-11-02T06:30Z',
    due: '2026-11-01T05:30Z',
    shown: '01:30 (UTC-05:00)',
    gap: 25,
  }, // 01:30 on the 1st happens twice: the first (EDT)
  {
    id: 'us-fall-0230',
    zone: 'America/New_York',
    local: '2026-11-02T02:30',
    start: '2026-11-02T07:30Z',
    due: '2026-11-01T07:30Z',
    shown: '02:30 (UTC-05:00)',
    gap: 24,
  },
  {
    id: 'eu-spring-0230',
    zone: 'Europe/Berlin',
    local: '2026-03-30T02:30',
    start: '2026-03-30T00:30Z',
    due: '2026-03-29T01:30Z',
    shown: '02:30 (UTC+02:00)',
    gap: 23,
  }, // gap: 03:30 CEST
  {
    id: 'eu-spring-0130',
    zone: 'Europe/London',
    local: '2026-03-30T01:30',
    start: '2026-03-30T00:30Z',
    due: '2026-03-29T01:30Z',
    shown: '01:30 (UTC+01:00)',
    gap: 23,
  }, // gap: 02:30 BST
  {
    id: 'eu-fall-0230',
    zone: 'Europe/Berlin',
    local: '2026-10-26T02:30',
    start: '2026-10-26T01:30Z',
    due: '2026-10-25T00:30Z',
    shown: '02:30 (UTC+01:00)',
    gap: 25,
  }, // fold: CEST
  {
    id: 'eu-fall-0130',
    zone: 'Europe/London',
    local: '2026-10-26T01:30',
    start: '2026-10-26T01:30Z',
    due: '2026-10-25T00:30Z',
    shown: '01:30 (UTC+00:00)',
    gap: 25,
  }, // fold: BST
  {
    id: 'eu-spring-day-of',
    zone: 'Europe/London',
    local: '2026-03-29T01:30',
    start: '2026-03-29T01:30Z',
    due: '2026-03-28T02:30Z',
    shown: '02:30 (UTC+01:00)',
    gap: 23,
  }, // the call itself falls in the gap: it is at 02:30 BST, so the digest is at 02:30 the day before
] as const;

function setup() {
  const config = configFromValue(
    {
      db: ':memory:',
      meetings: CASES.map((c) => ({ id: c.id, name: `Call ${c.id}`, zone: c.zone, dates: [c.local], chair: 'Chair <chair@example.org>' })),
      digest: {
        from: 'convene <convene@example.org>',
        to: ['devel@example.org'],
        zones: ['UTC', 'America/Los_Angeles', 'Europe/London', 'Asia/Tokyo'],
      },
    },
    null,
  );
  const db = openDb(':memory:');
  planJobs(db, config, Date.parse('2026-03-01T00:00Z'), undefined);
  planJobs(db, config, Date.parse('2026-10-20T00:00Z'), undefined);
  return { config, db };
}

describe('digest instant and displayed times around DST transitions', () => {
  const { config, db } = setup();

  for (const c of CASES) {
    it(`${c.id}: call ${c.local} ${c.zone} → digest at ${c.due}`, () => {
      const jobs = jobsOf(db, c.id, `${c.id}/${c.local.slice(0, 10)}`);
      const digest = jobs.find((j) => j.kind === 'digest')!;
      expect(iso(digest.start)).toBe(c.start);
      expect(iso(digest.due)).toBe(c.due);
      expect((digest.start - digest.due) / H).toBe(c.gap);
      // call for items: 7 calendar days before, same wall time; notes: when the call ends
      expect(jobs.find((j) => j.kind === 'notes')!.due).toBe(digest.start + H);

      const meeting = config.meetings.find((m) => m.id === c.id)!;
      const occ = {
        meetingId: c.id,
        key: `${c.id}/${c.local.slice(0, 10)}`,
        start: digest.start,
        end: digest.start + H,
        zone: c.zone,
        status: 'scheduled' as const,
        sequence: 0,
      };
      const plan = prepareDigest({ db, config, store: new OutboxStore(db), now: () => digest.due }, meeting, occ);
      const t = plan.model.times;
      expect(t.local.text).toBe(c.shown);
      const utc = t.zones.find((z) => z.zone === 'UTC')!;
      expect(utc.time).toBe(c.start.slice(11, 16));
      // Every displayed zone shows the same instant.
      for (const z of t.zones) {
        const [hh, mm] = z.time.split(':').map(Number) as [number, number];
        const sign = z.offset.startsWith('-') ? -1 : 1;
        const [oh, om] = z.offset.slice(1).split(':').map(Number) as [number, number];
        const utcMinutes = (((hh * 60 + mm - sign * (oh * 60 + om)) % 1440) + 1440) % 1440;
        expect(utcMinutes, z.zone).toBe(Number(c.start.slice(11, 13)) * 60 + Number(c.start.slice(14, 16)));
      }
    });
  }

  it('call for items is seven calendar days before at the same wall time, across the change', () => {
    const jobs = jobsOf(db, 'eu-spring-0130', 'eu-spring-0130/2026-03-30');
    expect(iso(jobs.find((j) => j.kind === 'call-for-items')!.due)).toBe('2026-03-23T01:30Z'); // 01:30 GMT a week before
  });
});
