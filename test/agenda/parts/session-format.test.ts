import { describe, expect, it } from 'vitest';
import { namesSessionFormat } from '../../../src/agenda/reading/session-format.js';

describe('the kinds of session a call for papers asks for', () => {
  it('knows a session kind, with its length or a "new" note, from a topic', () => {
    // The Linux Security Summit's calls, 2019-2025: "The program committee currently seeks proposals for:".
    const formats = ['Refereed Presentations: 45 minutes in length', 'Panel Discussion Topics', 'Tutorials *NEW for 2019*'];
    formats.push('Tutorials 90 minutes in length');
    formats.push('Short Topics: 30 minutes in total, including at least 10 minutes discussion', 'BoF Sessions', 'Lightning talks');
    expect(formats.map(namesSessionFormat)).toEqual(formats.map(() => true));
    const topics = [
      'Kernel self-protection',
      'Panel on secure boot',
      'Tutorials for new maintainers',
      'Short-lived credentials',
      'A new monthly time',
    ];
    expect(topics.map(namesSessionFormat)).toEqual(topics.map(() => false));
  });
});
