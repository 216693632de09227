import { describe, expect, it } from 'vitest';
import { compileMeetings } from '../../../src/agenda/meeting-match.js';
import { foreignGroups, groupsNamedIn } from '../../../src/agenda/group-names.js';

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
});
