import { describe, expect, it } from 'vitest';
import { compileMeetings } from '../../../src/agenda/extract/meeting-match.js';
import { foreignGroups, groupsNamedIn } from '../../../src/agenda/extract/group-names.js';

const security = compileMeetings([
  {
    id: 'sec',
    name: 'OpenBMC Security Working Group',
    aliases: ['security working group', 'security WG'],
    subjectTags: [],
    calls: null,
    lists: [],
  },
]);

describe('other groups\' meetings (issue 8, "Another group\'s agenda lands in yours")', () => {
  it('names working groups, committees, SIGs, summits and acronym meetings, in any case', () => {
    expect(groupsNamedIn('OpenBMC GUI Design Workgroup - Wednesday')).toEqual(['GUI Design Workgroup']);
    expect(groupsNamedIn('As a result of OpenBMC telemetry WG meetings')).toEqual(['telemetry WG']);
    expect(groupsNamedIn("Potential topics for the 2021 Maintainer's Summit")).toEqual(["Maintainer's Summit"]);
    expect(groupsNamedIn('CLA concerns for the next TSC meeting')).toEqual(['TSC meeting']);
  });

  it('is foreign only when no configured meeting answers to it', () => {
    expect(foreignGroups('Security Working Group meeting - Wednesday May 29', security)).toEqual([]);
    expect(foreignGroups('GUI Design Workgroup - Wednesday', security)).toEqual(['GUI Design Workgroup']);
  });

  it("names a microconference, an MC or a BoF: another one's call on a shared list is not ours", () => {
    // LPC 2020: the Scheduler MC's call on the list the Real-time MC's operator reads.
    expect(groupsNamedIn('[CFP LPC 2020] Scheduler Microconference')).toEqual(['Scheduler Microconference']);
    expect(groupsNamedIn('Topics for the Real-Time MC')).toEqual(['Real-Time MC']);
    expect(groupsNamedIn('DRM Accel BoF at Linux Plumbers')).toEqual(['DRM Accel BoF']);
    expect(foreignGroups('[CFP LPC 2020] Scheduler Microconference', security)).toEqual(['Scheduler Microconference']);
  });

  it('names a meeting called by one word in prose, not a call said by when or how it happens', () => {
    // openbmc 2019-06-17: a question put to "our community call", not to the security working group.
    const asked = 'Shall we discuss it in mail chain or during our community call which Broad Bishop hosts on every Monday.';
    expect(foreignGroups(asked, security)).toEqual(['community call']);
    expect(groupsNamedIn('Can we cover this in the release meeting?')).toEqual(['release meeting']);
    expect(groupsNamedIn('I would like to propose a tech topic for the upcoming kernel summit.')).toEqual(['kernel summit']);
    for (const plain of ['Can we discuss this at the next call?', 'in our weekly meeting', 'on the zoom call', 'at the upcoming meeting'])
      expect(groupsNamedIn(plain)).toEqual([]);
  });
});
