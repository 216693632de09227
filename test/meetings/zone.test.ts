import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/time/duration.js';
import { parseLocal } from '../../src/time/plain-date-time.js';
import { addDuration, canonicalZone, formatOffset, fromLocal, localKind, toLocal } from '../../src/time/time-zone.js';

const local = (s: string) => {
  const l = parseLocal(s);
  if (!l) throw new Error(`bad local ${s}`);
  return l;
};
const iso = (t: number) => new Date(t).toISOString();

describe('fromLocal: ordinary times', () => {
  it('reads summer and winter times with the offset in force', () => {
    expect(iso(fromLocal(local('2015-05-06T16:00'), 'Europe/London'))).toBe('2015-05-06T15:00:00.000Z');
    expect(iso(fromLocal(local('2015-12-02T16:00'), 'Europe/London'))).toBe('2015-12-02T16:00:00.000Z');
    expect(iso(fromLocal(local('2025-07-01T09:00'), 'America/Los_Angeles'))).toBe('2025-07-01T16:00:00.000Z');
    expect(iso(fromLocal(local('2025-12-10T09:00'), 'Asia/Tokyo'))).toBe('2025-12-10T00:00:00.000Z');
  });

  it('round-trips through toLocal', () => {
    const t = fromLocal(local('2024-02-29T23:59:30'), 'Australia/Sydney');
    expect(toLocal(t, 'Australia/Sydney')).toEqual(local('2024-02-29T23:59:30'));
  });
});

describe('fromLocal: DST gaps shift forward (RFC 5545 3.3.5)', () => {
  it('Europe/London 2025-03-30: 01:30 does not exist and becomes 02:30 BST', () => {
    expect(localKind(local('2025-03-30T01:30'), 'Europe/London')).toBe('gap');
    const t = fromLocal(local('2025-03-30T01:30'), 'Europe/London');
    expect(iso(t)).toBe('2025-03-30T01:30:00.000Z');
    expect(toLocal(t, 'Europe/London')).toMatchObject({ hour: 2, minute: 30 });
  });

  it('Europe/London 2025-03-30: 02:30 exists (after the gap) and is BST', () => {
    expect(localKind(local('2025-03-30T02:30'), 'Europe/London')).toBe('normal');
    expect(iso(fromLocal(local('2025-03-30T02:30'), 'Europe/London'))).toBe('2025-03-30T01:30:00.000Z');
  });

  it('America/Los_Angeles 2025-03-09: 02:30 does not exist and becomes 03:30 PDT', () => {
    expect(localKind(local('2025-03-09T02:30'), 'America/Los_Angeles')).toBe('gap');
    const t = fromLocal(local('2025-03-09T02:30'), 'America/Los_Angeles');
    expect(iso(t)).toBe('2025-03-09T10:30:00.000Z');
    expect(toLocal(t, 'America/Los_Angeles')).toMatchObject({ hour: 3, minute: 30 });
  });

  it('America/Los_Angeles 2025-03-09: 01:30 is still PST', () => {
    expect(iso(fromLocal(local('2025-03-09T01:30'), 'America/Los_Angeles'))).toBe('2025-03-09T09:30:00.000Z');
  });
});

describe('fromLocal: DST folds take the earlier instant (RFC 5545 3.3.5)', () => {
  it('Europe/London 2025-10-26: 01:30 happens twice; the BST one is taken', () => {
    expect(localKind(local('2025-10-26T01:30'), 'Europe/London')).toBe('fold');
    expect(iso(fromLocal(local('2025-10-26T01:30'), 'Europe/London'))).toBe('2025-10-26T00:30:00.000Z');
  });

  it('Europe/London 2025-10-26: 02:30 is plain GMT', () => {
    expect(localKind(local('2025-10-26T02:30'), 'Europe/London')).toBe('normal');
    expect(iso(fromLocal(local('2025-10-26T02:30'), 'Europe/London'))).toBe('2025-10-26T02:30:00.000Z');
  });

  it('America/Los_Angeles 2025-11-02: 01:30 happens twice; the PDT one is taken', () => {
    expect(localKind(local('2025-11-02T01:30'), 'America/Los_Angeles')).toBe('fold');
    expect(iso(fromLocal(local('2025-11-02T01:30'), 'America/Los_Angeles'))).toBe('2025-11-02T08:30:00.000Z');
  });

  it('America/Los_Angeles 2025-11-02: 02:30 is PST', () => {
    expect(iso(fromLocal(local('2025-11-02T02:30'), 'America/Los_Angeles'))).toBe('2025-11-02T10:30:00.000Z');
  });
});

describe('zones', () => {
  it('canonicalises IANA names and refuses offsets and unknown zones', () => {
    expect(canonicalZone('europe/london')).toBe('Europe/London');
    expect(canonicalZone('UTC')).toBe('UTC');
    for (const bad of ['+01:00', '-0800', 'UTC+1', 'GMT-5', 'Etc/GMT+1', 'Mars/Olympus', '']) expect(canonicalZone(bad)).toBeNull();
  });

  it('handles a day the zone skipped (Pacific/Apia, 2011-12-30)', () => {
    const t = fromLocal(local('2011-12-30T12:00'), 'Pacific/Apia');
    expect(toLocal(t, 'Pacific/Apia')).toMatchObject({ year: 2011, month: 12, day: 31, hour: 12 });
  });

  it('formats offsets', () => {
    expect(formatOffset(Date.UTC(2025, 6, 1), 'Europe/London')).toBe('+01:00');
    expect(formatOffset(Date.UTC(2025, 0, 1), 'America/Los_Angeles')).toBe('-08:00');
    expect(formatOffset(Date.UTC(2025, 0, 1), 'Asia/Kolkata')).toBe('+05:30');
  });
});

describe('addDuration', () => {
  it('moves date parts on the wall clock across DST, time parts exactly', () => {
    const start = fromLocal(local('2025-03-31T16:00'), 'Europe/London'); // BST
    const weekBefore = addDuration(start, parseDuration('P7D')!, 'Europe/London', -1);
    expect(toLocal(weekBefore, 'Europe/London')).toMatchObject({ day: 24, hour: 16 }); // GMT, still 16:00 local
    expect(start - weekBefore).toBe(7 * 86_400_000 - 3_600_000);
    expect(start - addDuration(start, parseDuration('PT168H')!, 'Europe/London', -1)).toBe(7 * 86_400_000);
  });
});
