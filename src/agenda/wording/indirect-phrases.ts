/**
 * Phrases that put a topic forward without a first-person wish (phrases.ts reads those): "There's
 * also the topic of X", "it would be beneficial to discuss X", "X would be a useful topic to
 * discuss at ...", a lead's "Would you be interested in a session on X?", "maybe worth discussing".
 */
import { regex } from '../extract/patterns.js';
import { WRITER_WILL } from './sentences.js';

// "If anybody wants to talk X, we can do that."
const ANYBODY = /\bif\s+(?:anybody|anyone|someone)\s+wants\s+to\s+(?:talk|discuss)\s+(?:about\s+)?(.+?)(?:\s*\(|,|$)/i;
// "it appears that there are people who wants to discuss live migration improvements" (qemu-devel
// 2022-05, the chair's call): others' wish the chair puts to the call.
const PEOPLE_WANT = regex(
  'i',
  String.raw`\b(?:people|folks|developers|someone|somebody|a\s+few\s+(?:people|folks))\s+(?:who|that)\s+`,
  String.raw`(?:wants?|would\s+like|'d\s+like)\s+to\s+(?:discuss|talk\s+about|present|raise|go\s+over|bring\s+up)\s+(.+)`,
);
// "I saw some activity about the CI loop - maybe worth discussing": the thing before "worth discussing".
const WORTH = regex(
  'i',
  String.raw`\b(?:about|on|re|regarding)\s+(.{3,80}?)\s*(?:[-–—,(]\s*)?(?:it\s+)?(?:is\s+|might\s+be\s+|may\s+be\s+|could\s+be\s+)?`,
  String.raw`(?:maybe\s+|probably\s+)?worth\s+(?:discussing|a\s+(?:discussion|chat|slot)|talking\s+about)`,
);
// "There's also the topic of the media device controller registry that we discussed during the
// FOSDEM" (linux-media 2015, in answer to a summit's draft agenda): one more topic put forward.
// "The only big topic is the multi-cpu support." (alsa-devel 2019, in answer to the audio miniconference's call).
const ALSO_TOPIC = regex(
  'i',
  String.raw`\bthere(?:'s|\s+is)\s+also\s+(?:the\s+)?(?:topic|question|issue|matter|subject)\s+of\s+(.+)|`,
  // "The main interest seems to be a discussion on the use of memory policies." (the NUMA BoF's
  // call, OLS 2007): what the call is mostly about.
  String.raw`\bthe\s+(?:(?:only|other|main|big|biggest|key|first|second|last|interesting|important)\s+){1,3}`,
  String.raw`(?:topic|interest|focus)\s+(?:is|would\s+be|will\s+be|seems\s+to\s+be|appears\s+to\s+be)\s+`,
  String.raw`(?:(?:a|the)\s+discussion\s+(?:on|of|about)\s+)?(.+)`,
);
// "Cc'ing Brian (this could be a good place to discuss Hexagon semihosting)" (qemu-devel 2023, in
// answer to a call): the call offered as the place for X.
const GOOD_PLACE = regex(
  'i',
  String.raw`\b(?:this|it|that|the\s+call)\s+(?:could|would|might|may)\s+be\s+a\s+(?:good|great|nice|fine)\s+`,
  String.raw`(?:place|time|opportunity|occasion|venue)\s+to\s+(?:discuss|talk\s+about|raise|cover|bring\s+up)\s+([^()]+)`,
);
// "I think it would be beneficial to discuss BPF helpers freeze in BPF office hours" (bpf 2023-01).
// "But it would be nice if we can open a discussion on the Python C API." (python-committers 2016,
// answering the Language Summit's call).
const BENEFICIAL = regex(
  'i',
  String.raw`\b(?:it|this)\s+(?:would|could|might|will)\s+be\s+(?:beneficial|useful|helpful|worthwhile|good|great|valuable|nice)\s+`,
  String.raw`(?:to\s+(?:discuss|talk\s+about|go\s+over|cover)|`,
  String.raw`if\s+we\s+(?:can|could)\s+(?:open|have|hold|start)\s+a\s+discussion\s+(?:on|about))\s+(.+)`,
);
// "I would expect DOE, SPDM, and IDE would be a useful topic to discuss at the Plumbers PCI
// Microconference" (linux-pci 2021): the subject of the sentence is the topic.
const USEFUL_TOPIC = regex(
  'i',
  // "Maybe this should be a topic for the kernel summit" (LKML 2004): "maybe" hedges, "this" is the topic.
  String.raw`^(?:(?:i|we)\s+(?:would\s+|'d\s+)?(?:expect|think|guess|believe|suspect)\s+(?:that\s+)?)?`,
  String.raw`(?:(?:maybe|perhaps|possibly|probably)\s+)?(.{3,100}?)\s+`,
  String.raw`(?:would|could|might|may|will|should)\s+(?:also\s+)?be\s+(?:a|an)\s+(?:(?:good|useful|great|interesting|nice|worthwhile)\s+)?`,
  String.raw`(?:topic|subject)\s+(?:to\s+(?:discuss|talk\s+about|cover|raise)|for\s+(?:discussion|the)\b)`,
);
// "Would you all be interested in a session on Control Flow Integrity in the kernel?", "wondering if
// you'd be interested in presenting more information about -fanalyze" (LPC 2022, the Toolchains MC's
// lead inviting speakers): a session offered on X.
// "Would you be interested in joining a BoF on Kernel Sanitizers?", "Are we interested in another BoF
// on syzkaller?" (kasan-dev 2024, the BoF's lead asking which sessions to hold at LPC).
const INVITE = regex(
  'i',
  // "would folks be interested in a summary of the SSL/TLS handling developments" (python-committers 2016).
  String.raw`\b(?:(?:would|are|were)\s+(?:you|we|folks|people|others|everyone)|you(?:'d|\s+would))`,
  String.raw`(?:\s+(?:all|both|guys|folks)|\s+and\s+\w+)?\s+(?:be\s+)?interested`,
  String.raw`(?:\s+and\s+able)?\s+(?:in|to)\s+(?:(?:giving|leading|presenting|joining|attending|give|lead|present|join|attend)\s+)?`,
  String.raw`(?:(?:a|an|another)\s+(?:\w+\s+)?(?:session|talk|presentation|discussion|slot|bof|summary|overview|update)\s+`,
  String.raw`(?:on|about|regarding|covering|of)\s+|`,
  String.raw`(?:more\s+)?(?:information\s+)?(?:about|on)\s+)([^?]+)`,
);
// "... than for Valentina, and how to handle firmware interfaces to hardware like this is one of the
// topics that's planned for Krzysztof's devicetree BoF session at LPC" (devicetree 2024): the
// subject of the clause is a topic on that meeting's list. Not "This is on the agenda for CDM next
// week" (ceph 2019): the writer's own item, already there, said again.
const PLANNED_TOPIC = regex(
  'i',
  String.raw`(?:^|[,;]\s+(?:and\s+|but\s+)?)([^,;]{3,120}?)\s+is\s+one\s+of\s+the\s+(?:topics|items)\s+`,
  String.raw`(?:(?:that'?s|that\s+is|which\s+is)\s+)?(?:planned|scheduled|lined\s+up|proposed|listed)?\s*(?:for|at)\b`,
);
// "We will be discussing the contents of the tables at tomorrow's meeting" (Open MPI devel 2014, a
// release manager to the list): a discussion announced for a meeting (the sentence must name one).
const WILL_BE_DISCUSSING = regex(
  'i',
  String.raw`${WRITER_WILL}\s+(?:also\s+)?`,
  // Not "Here's what we'll be talking about this morning: <link>" (Open MPI 2015): when, not what.
  String.raw`be\s+(?:discussing|talking\s+about|going\s+over|covering|presenting)\s+(?!(?:this|today|tonight|tomorrow|next)\b)(.+)`,
);
// "ORTE and OMPI components will be discussed at next week's devel meeting" (Open MPI devel 2014):
// the subject of the passive is the topic ("This will be discussed ..." points at the thread).
const WILL_BE_DISCUSSED = regex(
  'i',
  // Nor "I understand this issue will be discussed at the Redfish forum meeting" (OpenBMC 2020), "What
  // exactly will be discussed in this session depends on ..." (ksummit 2022).
  String.raw`^(?:(?:also|then|so)\s*,?\s+)?(?:(?:i|we)\s+(?:understand|think|believe|hope|guess|know|expect|assume)\s+(?:that\s+)?)?`,
  String.raw`(?!(?:this|that|these|those|it|they|which|what|who|how|when|where|whether|all|some|more|the\s+(?:details|rest|remaining)|`,
  String.raw`(?:i|we)\s+(?:understand|think|believe|hope|guess|know|expect|assume))\b)`,
  String.raw`([^,;:]{3,120}?)\s+(?:will|shall|is\s+going\s+to|are\s+going\s+to)\s+(?:also\s+)?`,
  String.raw`be\s+(?:discussed|covered|presented|reviewed|talked\s+about|brought\s+up)\s+(?:at|in|on|during)\b`,
);
// "Experimental packages are another potential topic.", "Another topic worthy of discussion is the
// proposed changes to the release cycle", "the only specific idea for the summit agenda I have so far
// is "namespace packages"" (the Python Language Summit's call, 2012); "Another topic (possibly) is the
// splitting of the stdlib from the core interpreter repo" (a committer's answer): one more topic named.
const ANOTHER_TOPIC = regex(
  'i',
  String.raw`^(?!(?:this|that|it|there)\b)(.{3,100}?)\s+(?:is|are|would\s+be|could\s+be|might\s+be)\s+(?:another|also\s+a|a\s+further)\s+`,
  String.raw`(?:(?:potential|possible|good|interesting|candidate)\s+)?topic\b|`,
  String.raw`\banother\s+(?:(?:potential|possible|good|interesting)\s+)?topic\s+`,
  String.raw`(?:(?:worthy\s+of|for|worth)\s+(?:discussion|discussing)\s+)?`,
  String.raw`(?:\((?:possibly|maybe|perhaps)\)\s+)?(?:is|would\s+be|could\s+be|might\s+be)\s+(.+)|`,
  String.raw`\b(?:idea|suggestion|item|topic)s?\s+for\s+the\s+(?:[\w-]+\s+){0,2}agenda\s+(?:(?:that\s+)?(?:i|we)\s+have\s+)?`,
  String.raw`(?:so\s+far\s+)?(?:is|are|will\s+be)\s+(.+)`,
);
// "I wonder whether we should consider allowing X again": a chair putting X to the call.
const WONDER = /\bi\s+wonder\s+(?:whether|if)\s+we\s+should\s+(?:(?:consider|think\s+about|discuss)\s+)?(.+)/i;

/** The topic an indirect phrase of the sentence names, as written (trimTopic shapes it), or null. */
export function indirectTopic(sentence: string): string | null {
  const a =
    ANYBODY.exec(sentence) ??
    PEOPLE_WANT.exec(sentence) ??
    ALSO_TOPIC.exec(sentence) ??
    BENEFICIAL.exec(sentence) ??
    USEFUL_TOPIC.exec(sentence) ??
    INVITE.exec(sentence) ??
    WORTH.exec(sentence) ??
    WONDER.exec(sentence) ??
    GOOD_PLACE.exec(sentence) ??
    PLANNED_TOPIC.exec(sentence) ??
    WILL_BE_DISCUSSING.exec(sentence) ??
    WILL_BE_DISCUSSED.exec(sentence) ??
    ANOTHER_TOPIC.exec(sentence);
  return a ? (a[1] ?? a[2] ?? a[3] ?? null) : null;
}
