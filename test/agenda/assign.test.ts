import { beforeEach, describe, expect, it } from 'vitest';
import { assignOccurrence } from '../../src/agenda/placement/assign.js';
import type { NamedDate } from '../../src/agenda/placement/mentions.js';
import { findOccurrence } from '../../src/meetings/occurrences.js';
import { cancelOccurrence, moveOccurrence } from '../../src/meetings/overrides.js';
import { openDb, type Db } from '../../src/store/db.js';
import { at, meeting } from '../meetings/helpers.js';

const Z = 'Europe/London';
const mirage = meeting({ id: 'mirage', zone: Z, schedule: '2025-01-08T16:00/P14D', agenda: { cutoff: 'PT24H' } });
const c = { actor: 'tester', now: Date.UTC(2025, 0, 1) };
let db: Db;
beforeEach(() => {
  db = openDb(':memory:');
});

const named = (text: string, date: string, source = 'text'): NamedDate => ({ source, text, dates: [date] });
const assign = (sent: string, more: { mentions?: NamedDate[]; announces?: boolean } = {}) =>
  assignOccurrence(db, mirage, { date: at(sent, Z), ...more });

describe('the call a proposal is put to (issue 8)', () => {
  it('is the first after the message', () => {
    const a = assign('2025-01-10T12:00');
    expect(a).toMatchObject({ late: false, history: null, why: 'the next call after it' });
    expect(a.occurrence!.key).toBe('mirage/2025-01-22');
  });

  it('within the cutoff: the same call, marked late (the cutoff moves nothing)', () => {
    expect(assign('2025-01-21T15:59')).toMatchObject({ late: false, occurrence: { key: 'mirage/2025-01-22' } });
    expect(assign('2025-01-21T16:00')).toMatchObject({ late: true, occurrence: { key: 'mirage/2025-01-22' } });
    expect(assign('2025-01-22T15:59')).toMatchObject({ late: true, occurrence: { key: 'mirage/2025-01-22' } });
  });

  it('moves on only once its call has started', () => {
    expect(assign('2025-01-22T16:01').occurrence!.key).toBe('mirage/2025-02-05');
  });

  it("a chair's reminder is for the call it announces, never late, even sent while it runs", () => {
    expect(assign('2025-01-22T15:00', { announces: true })).toMatchObject({ late: false, occurrence: { key: 'mirage/2025-01-22' } });
    expect(assign('2025-01-22T16:30', { announces: true }).occurrence!.key).toBe('mirage/2025-01-22');
    // ... and the call its subject names, even read after that call ended (a follow-up quoting it).
    expect(assign('2025-01-23T10:00', { announces: true, mentions: [named('Jan 22', '2025-01-22', 'subject')] }).occurrence!.key).toBe(
      'mirage/2025-01-22',
    );
  });

  it('a named call wins, late or not; one that had started sends it to the next', () => {
    const a = assign('2025-01-10T12:00', { mentions: [named('Feb 19', '2025-02-19')] });
    expect(a.occurrence!.key).toBe('mirage/2025-02-19');
    expect(a.why).toMatch(/names the call: "Feb 19"/);
    expect(assign('2025-02-19T10:00', { mentions: [named('today', '2025-02-19')] })).toMatchObject({
      late: true,
      occurrence: { key: 'mirage/2025-02-19' },
    });
    const after = assign('2025-02-19T17:00', { mentions: [named('today', '2025-02-19')] });
    expect(after).toMatchObject({ afterNamedCall: true, occurrence: { key: 'mirage/2025-03-05' } });
  });

  it('a named date that is no call, or long past, is no evidence', () => {
    expect(assign('2025-01-10T12:00', { mentions: [named('Jan 9', '2025-01-09')] }).occurrence!.key).toBe('mirage/2025-01-22');
    expect(assign('2025-01-10T12:00', { mentions: [named('Jan 1', '2025-01-01')] }).occurrence!.key).toBe('mirage/2025-01-22');
  });

  it('accepts a date a day off (a writer in another zone)', () => {
    expect(assign('2025-01-10T12:00', { mentions: [named('Feb 20', '2025-02-20')] }).occurrence!.key).toBe('mirage/2025-02-19');
  });

  it('skips cancelled occurrences and follows moved ones', () => {
    cancelOccurrence(db, mirage, findOccurrence(db, mirage, '2025-01-22')!, c);
    expect(assign('2025-01-10T12:00').occurrence!.key).toBe('mirage/2025-02-05');
    moveOccurrence(db, mirage, findOccurrence(db, mirage, '2025-02-05')!, at('2025-02-03T16:00', Z), c);
    expect(assign('2025-02-02T18:00')).toMatchObject({ late: true, occurrence: { key: 'mirage/2025-02-05' } });
  });

  it('the cutoff is counted in the meeting zone across DST (Los Angeles, spring forward)', () => {
    const la = meeting({ id: 'la', zone: 'America/Los_Angeles', schedule: '2025-03-02T09:00/P7D', agenda: { cutoff: 'P1D' } });
    const LA = 'America/Los_Angeles';
    // P1D before 2025-03-09T09:00 PDT is 2025-03-08T09:00 PST: 23 hours earlier
    expect(assignOccurrence(null, la, { date: at('2025-03-08T08:59', LA) })).toMatchObject({ late: false });
    expect(assignOccurrence(null, la, { date: at('2025-03-08T09:00', LA) })).toMatchObject({ late: true });
  });

  it('mail older than the meeting is history for good; a period before its first call is still for it', () => {
    expect(assign('2024-06-01T12:00')).toMatchObject({ occurrence: null, history: "sent before the meeting's first call" });
    expect(assign('2024-12-26T12:00').occurrence!.key).toBe('mirage/2025-01-08');
  });

  it('a meeting written day by day collects proposals as one edition, not as a one-day period', () => {
    // Open MPI's June 2014 developer meeting, configured as its three days: the agenda thread of the
    // week before is for it.
    const C = 'America/Chicago';
    const days = meeting({ id: 'f2f', zone: C, dates: ['2014-06-24T09:00', '2014-06-25T09:00', '2014-06-26T09:00'], duration: 'PT8H' });
    const sent = (when: string) => assignOccurrence(db, days, { date: at(when, C) });
    expect(sent('2014-06-19T10:44')).toMatchObject({ occurrence: { key: 'f2f/2014-06-24' }, history: null });
    expect(sent('2014-05-19T16:03').occurrence!.key).toBe('f2f/2014-06-24');
    // Two editions a year apart: a year before the first is still history's edge, as for a yearly summit.
    const yearly = meeting({ id: 'y', zone: C, dates: ['2015-01-27T09:00', '2015-01-28T09:00', '2016-02-23T09:00', '2016-02-24T09:00'] });
    expect(assignOccurrence(db, yearly, { date: at('2014-12-01T09:00', C) }).occurrence!.key).toBe('y/2015-01-27');
    expect(assignOccurrence(db, yearly, { date: at('2013-06-01T09:00', C) }).occurrence).toBeNull();
  });

  it('calls fixed one by one collect proposals for the gap to the second call, not the shortest gap', () => {
    // The docktesters working group 2016: calls set by poll 34, 5 and 53 days apart; a tutorial
    // offered 17 days before the first call is for it.
    const T = 'America/Toronto';
    const polled = meeting({ id: 'wg', zone: T, dates: ['2016-08-11T13:00', '2016-09-14T11:00', '2016-09-19T13:00', '2016-11-11T11:00'] });
    expect(assignOccurrence(db, polled, { date: at('2016-07-25T14:49', T) })).toMatchObject({ occurrence: { key: 'wg/2016-08-11' } });
    expect(assignOccurrence(db, polled, { date: at('2016-06-01T12:00', T) }).occurrence).toBeNull();
  });

  it('a summit of several days takes what is put to one of its days while it runs', () => {
    const T = 'America/Toronto';
    const summit = meeting({ id: 's', zone: T, dates: ['2025-03-24T09:00'], duration: 'P3D' });
    const today = (sent: string, day: string) => assignOccurrence(db, summit, { date: at(sent, T), mentions: [named('today', day)] });
    expect(today('2025-03-26T10:00', '2025-03-26')).toMatchObject({ occurrence: { key: 's/2025-03-24' } });
    expect(today('2025-03-24T10:00', '2025-03-24')).toMatchObject({ occurrence: { key: 's/2025-03-24' } });
    // ... but not what names a day that is over, nor anything after it ended.
    expect(today('2025-03-26T10:00', '2025-03-25').occurrence).toBeNull();
    expect(today('2025-03-27T10:00', '2025-03-27').occurrence).toBeNull();
  });

  it('a summit of several days under way takes a proposal that names no day (a session added while it runs)', () => {
    const T = 'America/Toronto';
    const summit = meeting({ id: 's', zone: T, dates: ['2025-03-24T09:00'], duration: 'P3D' });
    const sent = (when: string) => assignOccurrence(db, summit, { date: at(when, T) });
    expect(sent('2025-03-24T16:21')).toMatchObject({ occurrence: { key: 's/2025-03-24' }, why: 'sent while it runs' });
    expect(sent('2025-03-26T08:00').occurrence!.key).toBe('s/2025-03-24');
    expect(sent('2025-03-27T10:00').occurrence).toBeNull(); // over
    // A call of an hour under way does not: the proposal is for the next one.
    expect(assign('2025-01-22T16:30').occurrence!.key).toBe('mirage/2025-02-05');
  });

  it('none after the last call of a one-off meeting; a late proposal stays on it, marked late', () => {
    const once = meeting({ id: 'o', zone: 'Asia/Tokyo', dates: ['2025-12-10T09:00'] });
    const T = 'Asia/Tokyo';
    expect(assignOccurrence(db, once, { date: at('2025-12-11T00:00', T) })).toMatchObject({ occurrence: null, history: null });
    expect(assignOccurrence(db, once, { date: at('2025-12-09T12:00', T) })).toMatchObject({
      late: true,
      occurrence: { key: 'o/2025-12-10' },
    });
    // A one-off meeting collects proposals for a year before it; older mail is history.
    expect(assignOccurrence(db, once, { date: at('2025-03-01T00:00', T) }).occurrence!.key).toBe('o/2025-12-10');
    expect(assignOccurrence(db, once, { date: at('2001-01-01T00:00', T) })).toMatchObject({
      occurrence: null,
      history: expect.any(String),
    });
  });
});
