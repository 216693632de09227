import type { MeetingAgendaConfig } from '../../src/agenda/extract/context.js';

/**
 * The meetings configured for each evaluation corpus: what an operator of that list would write
 * in convene.yaml (tags the CFP asks for, the calls' subjects, the names people use).
 */

const KSUMMIT_LISTS = ['ksummit.lists.linux.dev', 'ksummit-discuss.lists.linuxfoundation.org'];

const KSUMMIT: MeetingAgendaConfig[] = [
  {
    id: 'maintainers-summit',
    name: 'Maintainers Summit',
    aliases: ["maintainer's summit", 'maintainers summit', 'maintainer summit', "maintainers' summit"],
    subjectTags: ['[MAINTAINERS SUMMIT]'],
    calls: '/\\b(?:call for topics|cfp|planning kick-off|agenda for the|draft agenda|potential topics for|topics for the maintainer)/i',
    lists: KSUMMIT_LISTS,
  },
  {
    id: 'kernel-summit',
    name: 'Kernel Summit',
    aliases: ['kernel summit', '/\\bksummit\\b(?!-discuss)/i'],
    subjectTags: ['[TECH TOPIC]', '[KERNEL SUMMIT]'],
    calls: '/\\bkernel summit track schedule\\b/i',
    lists: KSUMMIT_LISTS,
  },
];

const OPENBMC_LIST = ['openbmc.lists.ozlabs.org'];
const wg = (id: string, name: string, aliases: string[]): MeetingAgendaConfig => ({
  id,
  name,
  aliases,
  subjectTags: [],
  calls: null,
  lists: OPENBMC_LIST,
});

const OPENBMC: MeetingAgendaConfig[] = [
  wg('security-wg', 'Security Working Group', ['security working group', 'security work group', 'security workgroup', 'security WG']),
  wg('gui-wg', 'GUI Design Workgroup', [
    'GUI workgroup',
    'GUI design workgroup',
    'GUI work group',
    'GUI design work group',
    'GUI community workgroup',
    'GUI WG',
  ]),
  wg('telemetry-wg', 'Platform Telemetry and Health Monitoring', [
    'platform telemetry',
    'telemetry and health monitoring',
    'metric workgroup',
    'telemetry workgroup',
  ]),
  wg('test-wg', 'Test Work Group', ['test work group', 'test workgroup', 'test working group', 'test WG']),
  wg('infra-wg', 'Infrastructure Workgroup', ['infrastructure workgroup', 'infrastructure work group', 'infrastructure working group']),
  wg('release-wg', 'Release Planning Working Group', ['release planning working group', 'release planning WG', 'release planning']),
  wg('community-call', 'OpenBMC community call', ['community call', 'Monday call', 'community meeting']),
  wg('tsc', 'Technical Steering Committee', ['TSC', 'technical steering committee']),
];

const CALLS: MeetingAgendaConfig[] = [
  {
    id: 'kvm-call',
    name: 'KVM/QEMU community call',
    aliases: ['KVM call', 'KVM/QEMU community call', 'KVM/QEMU call'],
    subjectTags: [],
    calls: '/^(?:KVM call\\b|KVM\\/QEMU community call)/i',
    lists: ['kvm.vger.kernel.org', 'qemu-devel.nongnu.org'],
  },
  {
    id: 'xen-call',
    name: 'Xen community call',
    aliases: ['Xen community call', 'community call'],
    subjectTags: [],
    calls: '/community call: call for agenda items/i',
    lists: ['xen-devel.lists.xenproject.org'],
  },
];

export interface CorpusSpec {
  readonly name: string;
  /** The gzip mbox under ../shared/corpora/agenda (or the fixture slice). */
  readonly file: string;
  readonly meetings: readonly MeetingAgendaConfig[];
  /** Targets from issue 4. */
  readonly target: number;
  readonly group: 'summit' | 'working-group' | 'calls';
}

export const CORPORA: readonly CorpusSpec[] = [
  { name: 'ksummit-discuss-2019-2022', file: 'ksummit-discuss-2019-2022.mbox.gz', meetings: KSUMMIT, target: 0.97, group: 'summit' },
  { name: 'ksummit-2021-2024', file: 'ksummit-2021-2024.mbox.gz', meetings: KSUMMIT, target: 0.97, group: 'summit' },
  { name: 'ksummit-2025-2026', file: 'ksummit-2025-2026.mbox.gz', meetings: KSUMMIT, target: 0.97, group: 'summit' },
  { name: 'openbmc-2019-04-06', file: 'openbmc-2019-04-06.mbox.gz', meetings: OPENBMC, target: 0.85, group: 'working-group' },
  { name: 'calls-replies', file: 'calls-replies.mbox.gz', meetings: CALLS, target: 0.85, group: 'calls' },
];

/** All meetings of all corpora (the fixture slice mixes lists; List-Ids keep them apart). */
export const ALL_MEETINGS: readonly MeetingAgendaConfig[] = [...KSUMMIT, ...OPENBMC, ...CALLS];
