import { describe, expect, it } from 'vitest';
import { configFromValue } from '../../src/config/load.js';
import { nextOccurrence, occurrencesBetween } from '../../src/meetings/occurrences.js';
import { local, meeting } from './helpers.js';

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 16);
const rule = (zone: string, start: string, rrule: string, exdate?: string[]) =>
  meeting({ id: 'm', zone, schedule: { start, rrule, ...(exdate ? { exdate } : {}) } });
const between = (m: ReturnType<typeof rule>, from: string, to: string) => occurrencesBetween(null, m, Date.parse(from), Date.parse(to));
const error = (schedule: unknown): string => {
  try {
    configFromValue({ meetings: [{ id: 'm', zone: 'Europe/London', schedule }] }, null);
  } catch (err) {
    return (err as Error).message;
  }
  return '';
};

describe('RFC 5545 schedules (issue 11), evaluated in the meeting zone', () => {
  it('second Wednesday of the month stays at 16:00 London across the change to BST', () => {
    const m = rule('Europe/London', '2026-01-14T16:00', 'FREQ=MONTHLY;BYDAY=2WE');
    const occs = between(m, '2026-01-01T00:00Z', '2026-06-01T00:00Z');
    expect(occs.map((o) => local(o.start, m.zone))).toEqual([
      '2026-01-14T16:00',
      '2026-02-11T16:00',
      '2026-03-11T16:00',
      '2026-04-08T16:00',
      '2026-05-13T16:00',
    ]);
    // GMT before 29 March, BST after: the instant moves by an hour, the wall time does not.
    expect(occs.map((o) => iso(o.start))).toEqual([
      '2026-01-14T16:00',
      '2026-02-11T16:00',
      '2026-03-11T16:00',
      '2026-04-08T15:00',
      '2026-05-13T15:00',
    ]);
    expect(occs[0]!.key).toBe('m/2026-01-14');
  });

  it('every other Tuesday in Los Angeles across the March DST change', () => {
    const m = rule('America/Los_Angeles', '2026-02-24T09:00', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU');
    const occs = between(m, '2026-02-01T00:00Z', '2026-04-15T00:00Z');
    expect(occs.map((o) => local(o.start, m.zone))).toEqual([
      '2026-02-24T09:00',
      '2026-03-10T09:00',
      '2026-03-24T09:00',
      '2026-04-07T09:00',
    ]);
    expect(occs.map((o) => iso(o.start))).toEqual(['2026-02-24T17:00', '2026-03-10T16:00', '2026-03-24T16:00', '2026-04-07T16:00']);
  });

  it('first Monday, except in August (BYMONTH), and an EXDATE', () => {
    const m = rule('Europe/Berlin', '2026-01-05T10:00', 'FREQ=MONTHLY;BYDAY=1MO;BYMONTH=1,2,3,4,5,6,7,9,10,11,12', ['2026-10-05']);
    const days = between(m, '2026-06-01T00:00Z', '2026-12-31T00:00Z').map((o) => local(o.start, m.zone).slice(0, 10));
    expect(days).toEqual(['2026-06-01', '2026-07-06', '2026-09-07', '2026-11-02', '2026-12-07']);
  });

  it('the last Friday, and a wall time inside the spring-forward gap moves forward by the gap', () => {
    const last = rule('Asia/Tokyo', '2026-01-30T18:00', 'FREQ=MONTHLY;BYDAY=-1FR');
    expect(between(last, '2026-01-01T00:00Z', '2026-04-01T00:00Z').map((o) => local(o.start, last.zone))).toEqual([
      '2026-01-30T18:00',
      '2026-02-27T18:00',
      '2026-03-27T18:00',
    ]);
    // 02:30 does not exist in Los Angeles on 8 March 2026: RFC 5545 3.3.5 reads it as 03:30 PDT.
    const gap = rule('America/Los_Angeles', '2025-03-09T02:30', 'FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    const [y2026] = between(gap, '2026-01-01T00:00Z', '2027-01-01T00:00Z');
    expect(iso(y2026!.start)).toBe('2026-03-08T10:30');
    expect(local(y2026!.start, gap.zone)).toBe('2026-03-08T03:30');
  });

  it('COUNT and UNTIL end the series; a window decades on agrees with counting from the start', () => {
    const counted = rule('UTC', '2026-01-01T12:00', 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=3');
    expect(between(counted, '2025-01-01T00:00Z', '2030-01-01T00:00Z').map((o) => iso(o.start))).toEqual([
      '2026-01-01T12:00',
      '2026-01-05T12:00',
      '2026-01-08T12:00',
    ]);
    const until = rule('UTC', '2026-01-01T12:00', 'FREQ=DAILY;INTERVAL=10;UNTIL=20260201');
    expect(between(until, '2025-01-01T00:00Z', '2030-01-01T00:00Z')).toHaveLength(4);
    const m = rule('Europe/London', '2026-01-14T16:00', 'FREQ=MONTHLY;BYDAY=2WE');
    const all = between(m, '2026-01-01T00:00Z', '2041-01-01T00:00Z').filter((o) => o.start >= Date.parse('2040-01-01T00:00Z'));
    expect(between(m, '2040-01-01T00:00Z', '2041-01-01T00:00Z').map((o) => o.start)).toEqual(all.map((o) => o.start));
    expect(local(nextOccurrence(null, m, Date.parse('2040-03-01T00:00Z'))!.start, m.zone)).toBe('2040-03-14T16:00');
  });

  it('names the key in each error', () => {
    expect(error({ start: '2026-01-14T16:00', rrule: 'FREQ=HOURLY' })).toMatch(
      /^config: meetings\[0\]\.schedule\.rrule: "FREQ=HOURLY": FREQ=HOURLY: use DAILY/,
    );
    expect(error({ start: '2026-01-14T16:00', rrule: 'FREQ=MONTHLY;BYHOUR=9' })).toMatch(/schedule\.rrule: .*BYHOUR is not supported/);
    expect(error({ start: '2026-01-14T16:00', rrule: 'FREQ=WEEKLY;BYDAY=2WE' })).toMatch(/needs FREQ=MONTHLY or YEARLY/);
    expect(error({ start: '2026-01-14T16:00', rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' })).toMatch(/gives no call on or after/);
    expect(error({ start: '2026-01-14', rrule: 'FREQ=DAILY' })).toMatch(/^config: meetings\[0\]\.schedule\.start: /);
    expect(error({ rrule: 'FREQ=DAILY' })).toMatch(/^config: meetings\[0\]\.schedule\.start: is required/);
    expect(error({ start: '2026-01-14T16:00', rrule: 'FREQ=DAILY', exdate: ['soon'] })).toMatch(/schedule\.exdate\[0\]/);
    expect(error({ start: '2026-01-14T16:00[Europe/Paris]', rrule: 'FREQ=DAILY' })).toMatch(/schedule: its zone Europe\/Paris differs/);
    expect(error({ start: '2026-01-14T16:00', rrule: 'FREQ=DAILY', every: 'P1D' })).toMatch(/schedule\.every: unknown key/);
  });
});
