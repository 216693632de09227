import { describe, expect, it } from 'vitest';
import { dateMentions, namesOnlyWhen } from '../../../src/agenda/placement/date-mentions.js';

const dates = (text: string, ref: string) => dateMentions(text, ref).map((m) => [m.text, m.dates]);

describe('dates people write when they name a call (issue 8, "Wrong call")', () => {
  it('reads ISO dates, month names either side of the day, ordinals and weekdays', () => {
    expect(dates('KVM call for agenda for 2020-05-19', '2020-05-18')).toEqual([['2020-05-19', ['2020-05-19']]]);
    expect(dates('Security Working Group meeting - Wednesday May 29', '2019-05-28')).toEqual([['Wednesday May 29', ['2019-05-29']]]);
    expect(dates('the May 29th agenda', '2019-05-20')).toEqual([['May 29th', ['2019-05-29']]]);
    expect(dates('Open monthly meeting 6th of March 09:00 UTC', '2024-02-22')).toEqual([['6th of March', ['2024-03-06']]]);
    expect(dates('[ANN] netdev call - Dec 4', '2023-11-30')).toEqual([['Dec 4', ['2023-12-04']]]);
  });

  it('does not take a time for a day ("March 09:00")', () => {
    expect(dates('at March 09:00', '2024-02-22')).toEqual([]);
  });

  it('gives both readings of an all-numeric date; the meeting decides which one is a call', () => {
    expect(dates('call on 12-4-19', '2019-11-30')).toEqual([['12-4-19', ['2019-12-04', '2019-04-12']]]);
    expect(dates('29/04/2025', '2025-04-20')).toEqual([['29/04/2025', ['2025-04-29']]]);
    expect(dates('Wednesday, 1/22/20 at 10:00', '2020-01-21')).toEqual([['1/22/20', ['2020-01-22']]]);
  });

  it('puts the reading nearer the message first, for a series where both are calls', () => {
    expect(dates('a topic for the 12.03.2024 call', '2024-03-11')).toEqual([['12.03.2024', ['2024-03-12', '2024-12-03']]]);
    expect(dates('a topic for the 12.03.2024 call', '2024-11-28')).toEqual([['12.03.2024', ['2024-12-03', '2024-03-12']]]);
  });

  it('reads today, tomorrow and weekdays against the message date', () => {
    expect(dates('the call today', '2020-01-14')).toEqual([['today', ['2020-01-14']]]);
    expect(dates('see you tomorrow', '2020-01-14')).toEqual([['tomorrow', ['2020-01-15']]]);
    // 2020-01-14 is a Tuesday: "this Wednesday" is the next day; "next Wednesday" may mean either.
    expect(dates('this Wednesday', '2020-01-14')).toEqual([['this Wednesday', ['2020-01-15']]]);
    expect(dates('next Wednesday', '2020-01-14')).toEqual([['next Wednesday', ['2020-01-15', '2020-01-22']]]);
  });

  it("also reads last year's number written early in a new year as this year's, after the date as written", () => {
    // "Next Tuesday's teleconference, Jan 13 2008", written on 2009-01-05 (Open MPI devel).
    expect(dateMentions('TIMEOUT: Next Tuesday, Jan 13 2008.', '2009-01-05').find((m) => m.text.includes('Jan'))?.dates).toEqual([
      '2008-01-13',
      '2009-01-13',
    ]);
    // "Next Tuesday" on a Monday is tomorrow or the week after: the date beside it says which.
    expect(dateMentions("Next Tuesday's teleconference, Jan 13 2008.", '2009-01-05')[0]?.dates).toEqual(['2009-01-13', '2009-01-06']);
    // Months later, a date of last year is last year's.
    expect(dateMentions('as we said on Jan 13 2008', '2009-06-05')[0]?.dates).toEqual(['2008-01-13']);
  });

  it('puts a date without a year in the year nearest the message', () => {
    expect(dates('the Jan 7 call', '2019-12-20')).toEqual([['Jan 7', ['2020-01-07']]]);
    expect(dates('the Dec 20 call', '2020-01-03')).toEqual([['Dec 20', ['2019-12-20']]]);
  });

  it('tells a slot that names only when ("2024-12-09 (Mon) 18:00 PT (not yet reserved)") from a dated topic', () => {
    for (const slot of [
      '2024-12-09 (Mon) 18:00 PT (not yet reserved)',
      '2025-01-13 (Mon) 18:00 PT (https://meet.example.org/abc-defg)',
      'Wednesday, March 4th at 16:00 UTC',
      'Jan 15, 9:30am - 10:30am PST (reserved)',
      // CF metadata 2017: "Advancing netCDF-CF Workshop: next week", the subject's rest.
      'next week',
      'tomorrow at 10:00',
      // The LLVM RISC-V sync-up's agenda (2021): the next meeting's date, an aside about when after it.
      "Next meeting: Thu 6th January 2022 (we'll skip the 23rd December meeting as most people will be away)",
    ])
      expect(namesOnlyWhen(slot), slot).toBe(true);
    for (const topic of [
      '2025-01-15 (Wed) 09:30 PT: memory tiering auto-tuning',
      'Dec 4 - Unified uAPI for protected VMs',
      '2024-12-09 (Mon) 18:00 PT (reserved for the DAMON sysfs redesign)',
      'Release 2.0 planning',
      'Retire the 18:00 slot',
      'Dec 4 - KVM',
      '2025-01-15 monitoring',
      // I2P 2005: a release in the meeting's index, not four times of day.
      '0.4.2.6',
      'Next week planning',
    ])
      expect(namesOnlyWhen(topic), topic).toBe(false);
  });
});
