import { describe, expect, it } from 'vitest';
import { timetableCells } from '../../../src/agenda/reading/timetable-cells.js';

describe('a timetable from an HTML table turned into text', () => {
  it('takes the paragraph after each time that stands alone, without its link', () => {
    // Xen Summit 2024's schedule mail.
    const text =
      '09:10\n\nXen Project 2024 Weather Report - Kelly Choi, XenServer, Cloud Software\nGroup.\n\nLIBERDADE I\n\n' +
      '13:45\n\nThe future of Xen Project physical events\n<https://design-sessions.xenproject.org/uid/view>\n\nLIBERDADE I\n';
    expect(timetableCells(text.split('\n'))).toEqual([
      'Xen Project 2024 Weather Report - Kelly Choi, XenServer, Cloud Software Group.',
      'The future of Xen Project physical events',
    ]);
  });

  it('needs two times alone: one "10:00" line is no timetable, nor is "50:50"', () => {
    expect(timetableCells('The call is at\n10:00\n\nPlease join.\n'.split('\n'))).toEqual([]);
    expect(timetableCells('50:50\n\nodds\n\n61:00\n\nno\n'.split('\n'))).toEqual([]);
  });
});
