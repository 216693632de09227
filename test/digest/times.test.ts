import { describe, expect, it } from 'vitest';
import { callTimes } from '../../src/digest/times.js';

describe('call times in several zones', () => {
  const zones = ['America/Los_Angeles', 'Asia/Tokyo'];

  it('shows the weekday where it differs', () => {
    const t = callTimes(Date.UTC(2026, 0, 14, 16), 'Europe/London', zones); // Wed 16:00 GMT
    expect(t.local.text).toBe('16:00 (UTC+00:00)');
    expect(t.zones.map((z) => z.text)).toEqual(['08:00 (UTC-08:00)', '01:00 Thursday (UTC+09:00)']);
  });

  it('warns in the weeks the US has changed clocks and Europe has not (spring)', () => {
    // 2026: US DST starts 8 March, EU 29 March. Calls on 4 March and 11 March, 16:00 London.
    const prev = Date.UTC(2026, 2, 4, 16);
    const now = Date.UTC(2026, 2, 11, 16);
    const t = callTimes(now, 'Europe/London', zones, prev);
    expect(t.zones[0]!.text).toBe('09:00 (UTC-07:00)');
    expect(t.warnings).toEqual([
      'Europe/London is now 7 hours ahead of America/Los_Angeles (8 hours ahead of at the previous call): daylight saving changed in one of them only.',
      'America/Los_Angeles is now 16 hours behind Asia/Tokyo (17 hours behind at the previous call): daylight saving changed in one of them only.',
    ]);
  });

  it('warns again when Europe catches up, and not when both moved together', () => {
    const t = callTimes(Date.UTC(2026, 3, 1, 15), 'Europe/London', ['America/Los_Angeles'], Date.UTC(2026, 2, 25, 16));
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]).toContain('8 hours ahead of America/Los_Angeles (7 hours ahead of');
    const calm = callTimes(Date.UTC(2026, 3, 8, 15), 'Europe/London', ['America/Los_Angeles'], Date.UTC(2026, 3, 1, 15));
    expect(calm.warnings).toEqual([]);
  });

  it('warns in autumn when Europe falls back a week before the US', () => {
    // 2026: EU ends 25 October, US 1 November.
    const t = callTimes(Date.UTC(2026, 9, 28, 16), 'Europe/London', ['America/New_York'], Date.UTC(2026, 9, 21, 15));
    expect(t.warnings).toHaveLength(1);
    expect(t.zones[0]!.text).toBe('12:00 (UTC-04:00)');
  });
});
