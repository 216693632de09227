import { describe, expect, it } from 'vitest';
import { configFromValue } from '../../src/config/load.js';

const zoneError = (zone: string): string => {
  try {
    configFromValue({ meetings: [{ id: 'm', zone, dates: ['2026-03-04T16:00'] }] }, null);
  } catch (err) {
    return (err as Error).message;
  }
  return '';
};
const zoneOf = (zone: string): string =>
  configFromValue({ meetings: [{ id: 'm', zone, dates: ['2026-03-04T16:00'] }] }, null).meetings[0]!.zone;

describe('meeting zones (issue 11: only canonical IANA names with a region)', () => {
  it('refuses legacy and POSIX-style zones, naming the zone to use instead', () => {
    expect(zoneError('EST')).toBe('config: meetings[0].zone: "EST" is a legacy zone name: use America/New_York');
    expect(zoneError('PST8PDT')).toMatch(/"PST8PDT" is a legacy zone name: use America\/Los_Angeles$/);
    expect(zoneError('US/Pacific')).toMatch(/use America\/Los_Angeles$/);
    expect(zoneError('Asia/Calcutta')).toMatch(/use Asia\/Kolkata$/);
    expect(zoneError('Europe/Kiev')).toMatch(/use Europe\/Kyiv$/);
    expect(zoneError('GB')).toMatch(/use Europe\/London$/);
    expect(zoneError('GMT')).toMatch(/use UTC$/);
  });

  it('refuses offsets, with the reason', () => {
    for (const z of ['+01:00', 'UTC+1', 'GMT-5', 'Etc/GMT+1']) expect(zoneError(z)).toMatch(/is a UTC offset: .*daylight saving/);
  });

  it("keeps the name as written in its canonical spelling, not ICU's older one", () => {
    // ICU's canonical form of Asia/Kolkata is Asia/Calcutta: the user's correct name must stay.
    expect(zoneOf('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(zoneOf('europe/kyiv')).toBe('Europe/Kyiv');
    expect(zoneOf('america/argentina/buenos_aires')).toBe('America/Argentina/Buenos_Aires');
    expect(zoneOf('Europe/Oslo')).toBe('Europe/Oslo');
  });

  it('accepts UTC (calls scheduled in UTC) and Etc/UTC', () => {
    expect(zoneOf('UTC')).toBe('UTC');
    expect(zoneOf('Etc/UTC')).toBe('Etc/UTC');
  });

  it('checks digest.zones the same way', () => {
    expect(() => configFromValue({ digest: { zones: ['EST'] } }, null)).toThrow(
      'config: digest.zones[0]: "EST" is a legacy zone name: use America/New_York',
    );
  });
});
