import { describe, expect, it } from 'vitest';
import { NO_THREAD } from '../../../src/agenda/extract/context.js';
import { namedDates } from '../../../src/agenda/placement/mentions.js';

const sent = Date.UTC(2025, 2, 26, 15, 25);
const dates = (text: string) => namedDates('[LSF/MM/BPF TOPIC] Reclaim BOF', sent, NO_THREAD, text, []).map((n) => n.dates);

describe('dates a message names for a call (issue 8, "Wrong call")', () => {
  it('reads a date in a sentence about a session slot or a BOF', () => {
    expect(dates('I will prepare an explainer. It looks like we have a slot at 17:30 today?')).toEqual([['2025-03-26']]);
    expect(dates('A BOF tomorrow would suit me.')).toEqual([['2025-03-27']]);
  });

  it('ignores dates in sentences that speak of no meeting', () => {
    expect(dates('I sent the patch today.')).toEqual([]);
  });
});
