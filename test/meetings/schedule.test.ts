import { describe, expect, it } from 'vitest';
import { nextOccurrence, nextOccurrences, occurrencesBetween, previousOccurrence } from '../../src/meetings/occurrences.js';
import { at, local, meeting } from './helpers.js';

const mirage = meeting({ id: 'mirage', zone: 'Europe/London', schedule: '2015-05-06T16:00[Europe/London]/P14D' });

describe('schedule expansion', () => {
  it('keeps 16:00 London across both DST changes with P14D', () => {
    const occs = occurrencesBetween(null, mirage, Date.UTC(2015, 8, 1), Date.UTC(2016, 4, 1));
    expect(occs.length).toBeGreaterThan(15);
    for (const o of occs) expect(local(o.start, 'Europe/London').slice(11)).toBe('16:00');
    const utcHours = new Set(occs.map((o) => new Date(o.start).getUTCHours()));
    expect(utcHours).toEqual(new Set([15, 16])); // BST and GMT both seen
    for (let i = 1; i < occs.length; i++) {
      const days = Math.round((occs[i]!.start - occs[i - 1]!.start) / 86_400_000);
      expect(days).toBe(14);
    }
  });

  it('gives the occurrence around the October change the right instants', () => {
    // 2015-10-21 BST, 2015-11-04 GMT (the change was 2015-10-25)
    const [a, b] = occurrencesBetween(null, mirage, Date.UTC(2015, 9, 20), Date.UTC(2015, 10, 5));
    expect(new Date(a!.start).toISOString()).toBe('2015-10-21T15:00:00.000Z');
    expect(new Date(b!.start).toISOString()).toBe('2015-11-04T16:00:00.000Z');
    expect(b!.start - a!.start).toBe(14 * 86_400_000 + 3_600_000);
    expect(a!.key).toBe('mirage/2015-10-21');
    expect(a!.end - a!.start).toBe(3_600_000);
  });

  it('jumps far ahead without walking from the first call, and agrees with walking', () => {
    const far = occurrencesBetween(null, mirage, Date.UTC(2040, 0, 1), Date.UTC(2040, 1, 1));
    expect(far.length).toBeGreaterThanOrEqual(2);
    expect(local(far[0]!.start, 'Europe/London').slice(11)).toBe('16:00');
    const days = (far[0]!.start - at('2015-05-06T16:00', 'Europe/London')) / 86_400_000;
    expect(Math.round(days) % 14).toBe(0);
  });

  it('clamps month ends for P1M without drifting', () => {
    const monthly = meeting({ id: 'm', zone: 'UTC', schedule: '2025-01-31T10:00/P1M' });
    const days = occurrencesBetween(null, monthly, Date.UTC(2025, 0, 1), Date.UTC(2025, 5, 1)).map((o) =>
      local(o.start, 'UTC').slice(0, 10),
    );
    expect(days).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31']);
  });

  it('a weekly call at 02:30 Los Angeles shifts forward on the spring-forward Sunday only', () => {
    const la = meeting({ id: 'la', zone: 'America/Los_Angeles', schedule: '2025-03-02T02:30/P7D' });
    const occs = occurrencesBetween(null, la, Date.UTC(2025, 2, 1), Date.UTC(2025, 2, 20));
    expect(occs.map((o) => local(o.start, 'America/Los_Angeles'))).toEqual(['2025-03-02T02:30', '2025-03-09T03:30', '2025-03-16T02:30']);
    expect(occs[1]!.key).toBe('la/2025-03-09');
  });

  it('a weekly call at 01:30 Los Angeles takes the first 01:30 on the fall-back Sunday', () => {
    const la = meeting({ id: 'la', zone: 'America/Los_Angeles', schedule: '2025-10-26T01:30/P7D' });
    const [, fold] = occurrencesBetween(null, la, Date.UTC(2025, 9, 25), Date.UTC(2025, 10, 5));
    expect(new Date(fold!.start).toISOString()).toBe('2025-11-02T08:30:00.000Z'); // PDT, the earlier one
  });

  it('merges explicit dates with the schedule', () => {
    const both = meeting({
      id: 'b',
      zone: 'Asia/Tokyo',
      schedule: '2025-12-03T09:00/P7D',
      dates: ['2025-12-10T09:00', '2025-12-12T18:00', '2025-12-17T20:00'],
    });
    const occs = occurrencesBetween(null, both, Date.UTC(2025, 11, 1), Date.UTC(2025, 11, 20));
    expect(occs.map((o) => o.key)).toEqual(['b/2025-12-03', 'b/2025-12-10', 'b/2025-12-12', 'b/2025-12-17', 'b/2025-12-17T2000']);
  });

  it('finds the next and previous occurrences, and none after the last date', () => {
    const summit = meeting({ id: 's', zone: 'Asia/Tokyo', dates: ['2025-12-10T09:00', '2026-12-09T09:00'] });
    expect(nextOccurrence(null, summit, Date.UTC(2025, 0, 1))!.key).toBe('s/2025-12-10');
    expect(nextOccurrence(null, summit, at('2025-12-10T09:00', 'Asia/Tokyo'))!.key).toBe('s/2026-12-09');
    expect(nextOccurrence(null, summit, Date.UTC(2027, 0, 1))).toBeNull();
    expect(previousOccurrence(null, summit, Date.UTC(2026, 0, 1))!.key).toBe('s/2025-12-10');
    expect(previousOccurrence(null, summit, Date.UTC(2025, 0, 1))).toBeNull();
    expect(previousOccurrence(null, mirage, Date.UTC(2015, 0, 1))).toBeNull();
    expect(nextOccurrences(null, mirage, Date.UTC(2025, 0, 1), 3)).toHaveLength(3);
  });
});
