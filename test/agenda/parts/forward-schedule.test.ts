import { describe, expect, it } from 'vitest';
import { forwardSchedule } from '../../../src/agenda/reading/forward-schedule.js';

const read = (text: string) => forwardSchedule(text, '2024-01-02').map((s) => [s.mention.dates[0], s.title]);

describe("a chair's forward schedule", () => {
  it('puts each dated line on the call it names, and skips free or cancelled slots', () => {
    const text =
      'Future Schedule:\nJanuary 10th - Unified uAPI for protected VMs\nJanuary 17th - TDP MMU for IOMMU\nJanuary 31st - Available!\n';
    expect(read(text)).toEqual([
      ['2024-01-10', 'Unified uAPI for protected VMs'],
      ['2024-01-17', 'TDP MMU for IOMMU'],
    ]);
  });

  it('reads a time after the date ("Thu 8 Apr, 3:30pm - Rick: X", imagej-devel 2010)', () => {
    const text =
      'The tentative schedule is as follows:\nThu 11 Jan, 3:30pm - Rick: progress on OpenCL-based plugins\n' +
      'Tue 16 Jan, 10am - Discuss data model: ij.process, imglib\nThu 18 Jan, 3:30pm - TBD\n';
    expect(read(text)).toEqual([
      ['2024-01-11', 'Rick: progress on OpenCL-based plugins'],
      ['2024-01-16', 'Discuss data model: ij.process, imglib'],
    ]);
  });

  it('needs two dated lines, and a lead that is only the date', () => {
    expect(read('Dec 4 - we will meet as usual.\n')).toEqual([]);
    expect(read('We met on Dec 4 - it went well.\nAnd again on Dec 11 - fine.\n')).toEqual([]);
  });
});
