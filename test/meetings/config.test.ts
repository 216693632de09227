import { describe, expect, it } from 'vitest';
import { configFromValue } from '../../src/config/load.js';
import { patternMatcher } from '../../src/config/meetings.js';
import { formatDuration } from '../../src/time/duration.js';
import { formatLocal } from '../../src/time/plain-date-time.js';

const meetings = (list: unknown) => configFromValue({ meetings: list }, null).meetings;
const error = (list: unknown): string => {
  try {
    meetings(list);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('no error');
};

describe('meetings config', () => {
  it('reads the issue example with defaults', () => {
    const [m, s] = meetings([
      {
        id: 'mirage',
        name: 'MirageOS call',
        zone: 'Europe/London',
        schedule: '2015-05-06T16:00[Europe/London]/P14D',
        duration: 'PT1H',
        chair: 'Amir Chaudhry <amir@example.org>',
        lists: ['<mirageos-devel.lists.xenproject.org>'],
        standingItems: ['Quality and Test'],
        agenda: {
          subjectTags: ['agenda+', '[agenda]'],
          aliases: ['mirage call'],
          calls: '/^(Call for agenda items|Reminder): MirageOS call/i',
          cutoff: 'PT24H',
        },
      },
      {
        id: 'maintainers-summit',
        name: 'Maintainers Summit',
        zone: 'Asia/Tokyo',
        dates: ['2025-12-10T09:00'],
        agenda: { subjectTags: ['[MAINTAINERS SUMMIT]'] },
      },
    ]);
    expect(m).toMatchObject({
      id: 'mirage',
      zone: 'Europe/London',
      chair: 'Amir Chaudhry <amir@example.org>',
      lists: ['mirageos-devel.lists.xenproject.org'],
    });
    expect(formatLocal(m!.schedule!.first)).toBe('2015-05-06T16:00');
    expect(formatDuration(m!.schedule!.period)).toBe('P14D');
    expect(m!.agenda.calls).toHaveLength(1);
    expect(formatDuration(m!.jobs.callForItems!)).toBe('P7D');
    expect(formatDuration(m!.jobs.chairReminder!)).toBe('P2D');
    expect(s!.dates.map(formatLocal)).toEqual(['2025-12-10T09:00']);
    expect(formatDuration(s!.duration)).toBe('PT1H');
    expect(formatDuration(s!.agenda.cutoff)).toBe('PT24H');
    expect(s!.name).toBe('Maintainers Summit');
  });

  it('takes the zone from the schedule and canonicalises it', () => {
    const [m] = meetings([{ id: 'a', schedule: '2025-01-01T10:00[america/los_angeles]/P7D' }]);
    expect(m!.zone).toBe('America/Los_Angeles');
  });

  it('names the key in every error', () => {
    expect(error([{ id: 'a', zone: '+01:00', dates: ['2025-01-01T10:00'] }])).toMatch(
      /^config: meetings\[0\]\.zone: .*offsets are refused/,
    );
    expect(error([{ id: 'a', zone: 'UTC+1', dates: ['2025-01-01T10:00'] }])).toMatch(/^config: meetings\[0\]\.zone:/);
    expect(error([{ id: 'a', zone: 'Mars/Base', dates: ['2025-01-01T10:00'] }])).toMatch(
      /^config: meetings\[0\]\.zone: "Mars\/Base" is not an IANA/,
    );
    expect(error([{ id: 'a', zone: 'UTC', schedule: 'every tuesday' }])).toMatch(/^config: meetings\[0\]\.schedule:/);
    expect(error([{ id: 'a', zone: 'UTC', schedule: '2025-01-01T10:00/PT12H' }])).toMatch(
      /^config: meetings\[0\]\.schedule: the period must be/,
    );
    expect(error([{ id: 'a', zone: 'UTC', schedule: '2025-01-01T10:00[Europe/Paris]/P7D' }])).toMatch(
      /^config: meetings\[0\]\.schedule: its zone/,
    );
    expect(error([{ id: 'a', zone: 'UTC', dates: ['2025-12-10'] }])).toMatch(/^config: meetings\[0\]\.dates\[0\]:/);
    expect(error([{ id: 'a', zone: 'UTC', dates: ['2025-12-10T09:00+01:00'] }])).toMatch(/^config: meetings\[0\]\.dates\[0\]:/);
    expect(error([{ id: 'a', zone: 'UTC', dates: ['2025-02-30T09:00'] }])).toMatch(/^config: meetings\[0\]\.dates\[0\]:/);
    expect(error([{ id: 'a', zone: 'UTC', dates: ['2025-12-10T09:00'], duration: '1h' }])).toMatch(/^config: meetings\[0\]\.duration:/);
    expect(error([{ id: 'a', zone: 'UTC', dates: ['2025-12-10T09:00'], agenda: { cutoff: 'a day' } }])).toMatch(
      /^config: meetings\[0\]\.agenda\.cutoff:/,
    );
    expect(error([{ id: 'a', zone: 'UTC', dates: ['2025-12-10T09:00'], agenda: { subjectTags: ['/([/i'] } }])).toMatch(
      /^config: meetings\[0\]\.agenda\.subjectTags\[0\]: not a valid regular/,
    );
    expect(error([{ id: 'a', zone: 'UTC', dates: ['2025-12-10T09:00'], chair: 'Amir' }])).toMatch(/^config: meetings\[0\]\.chair:/);
    expect(error([{ id: 'a', zone: 'UTC', dates: ['2025-12-10T09:00'], jobs: { callForItems: 'soon' } }])).toMatch(
      /^config: meetings\[0\]\.jobs\.callForItems:/,
    );
    expect(error([{ id: 'a', zone: 'UTC' }])).toMatch(/^config: meetings\[0\]: give a schedule, dates, or both/);
    expect(error([{ zone: 'UTC', dates: ['2025-12-10T09:00'] }])).toMatch(/^config: meetings\[0\]\.id: is required/);
    expect(error([{ id: 'a b', zone: 'UTC', dates: ['2025-12-10T09:00'] }])).toMatch(/^config: meetings\[0\]\.id:/);
    expect(error([{ id: 'a', zone: 'UTC', dates: ['2025-12-10T09:00'], colour: 'red' }])).toMatch(
      /^config: meetings\[0\]\.colour: unknown key/,
    );
    expect(
      error([
        { id: 'a', zone: 'UTC', dates: ['2025-12-10T09:00'] },
        { id: 'a', zone: 'UTC', dates: ['2025-12-11T09:00'] },
      ]),
    ).toMatch(/^config: meetings\[1\]\.id: "a" is used/);
    expect(error({ id: 'a' })).toMatch(/^config: meetings: must be a list/);
  });

  it('turns jobs off with false', () => {
    const [m] = meetings([{ id: 'a', zone: 'UTC', dates: ['2025-12-10T09:00'], jobs: { callForItems: false, chairReminder: 'P3D' } }]);
    expect(m!.jobs.callForItems).toBeNull();
    expect(formatDuration(m!.jobs.chairReminder!)).toBe('P3D');
  });

  it('matches subject patterns as substrings or /regex/', () => {
    expect(patternMatcher('[agenda]')('Re: [AGENDA] topic')).toBe(true);
    expect(patternMatcher('[agenda]')('agenda')).toBe(false);
    expect(patternMatcher('/^reminder: mirageos call/i')('Reminder: MirageOS call tomorrow')).toBe(true);
  });
});
