import { describe, expect, it } from 'vitest';
import { agendaConfigOf } from '../../src/agenda/extract/extract-context.js';
import { at, meeting } from '../meetings/helpers.js';

describe("the extractor's view of a meeting", () => {
  it('knows when a meeting of fixed dates is over, and never for a scheduled one', () => {
    const C = 'America/Los_Angeles';
    const f2f = meeting({ id: 'f2f', zone: C, dates: ['2012-06-06T13:00', '2012-06-07T09:00', '2012-06-08T09:00'], duration: 'PT3H' });
    expect(agendaConfigOf(f2f).endsAt).toBe(at('2012-06-08T12:00', C));
    const weekly = meeting({ id: 'telecon', zone: C, schedule: '2012-04-03T08:00/P7D', dates: ['2012-12-24T08:00'] });
    expect(agendaConfigOf(weekly).endsAt).toBeUndefined();
  });

  it('knows the weekdays its calls fall on, in its zone', () => {
    const C = 'America/Los_Angeles';
    // Tuesdays at 18:00 in California are Wednesdays in UTC: the meeting's own zone decides.
    expect(agendaConfigOf(meeting({ id: 't', zone: C, schedule: '2012-04-03T18:00/P7D' })).weekdays).toEqual([2]);
    expect(agendaConfigOf(meeting({ id: 'f', zone: C, dates: ['2012-06-06T13:00', '2012-06-07T09:00'] })).weekdays).toEqual([3, 4]);
  });
});
