/**
 * The words around a topic that ask for it rather than name it (issue 8, "Titles from sentence
 * fragments"): "I'd like to discuss", "Per Alexander:", "Proposed agenda item:", "maybe a session
 * on", "it would be great to discuss", "Will the board consider". topic-title.ts takes them off
 * before it cuts the topic at its first clause end.
 */
import { regex } from '../extract/patterns.js';

/** Words and phrases that ask for a topic rather than name it, at the start of an item. */
const LEAD = regex(
  'i',
  String.raw`^(?:(?:(?:i|we)(?:'d| would)?\s+(?:also\s+)?(?:like|want|love|wish|hope)\s+to\s+|`,
  String.raw`(?:can|could|shall|should)\s+we\s+|do\s+we\s+(?:need|want)\s+to\s+|let'?s\s+|please\s+)?(?:maybe\s+|perhaps\s+|`,
  String.raw`briefly\s+|quickly\s+|(?:a\s+)?(?:little\s+)?bit\s+(?:about\s+)?)*(?:ask\s+about|`,
  String.raw`propose|suggest|share|mention|discuss(?:ion\s+(?:of|on|about|around))?|`,
  String.raw`talk(?:\s+a\s+bit)?\s+about|review(?:ing)?(?=\s+(?:of|the|a|an|our|proposed|`,
  String.raw`current|latest|recent|open|pending|draft)\b)(?:\s+of)?|revisit(?:ing)?|`,
  String.raw`present|presentation\s+(?:of|on|about)|go\s+over|look\s+at|continue(?:\s+(?:the\s+)?discussion(?:\s+(?:of|`,
  String.raw`on|about))?)?)\s*:?\s+)+`,
);
/**
 * A chair's sentence around a listed topic: "Likely it makes sense to talk about the series X",
 * "It seems as if there are some discussions to be had around X", "I suspect we'll talk about X",
 * "We'll continue our discussion on X".
 */
const FRAME = regex(
  'i',
  // "Will the board consider appointing a new board liaison to the trademark committee" (spi-general
  // 2007, a member's request to the board's meeting): the body asked to act, then the topic.
  String.raw`^(?:(?:will|would|could|can|shall)\s+(?:the|our)\s+(?:board|committee|group|wg|chairs?|council|team|meeting)\s+`,
  String.raw`(?:please\s+)?(?:consider|discuss|review|look\s+at|decide\s+(?:on|about)|vote\s+on)\s+)|`,
  String.raw`^(?:(?:(?:likely|probably|maybe|perhaps)\s+)?it\s+(?:makes|(?:would|could|might|may)\s+make)\s+sense\s+to\s+`,
  String.raw`(?:talk\s+about|discuss|look\s+at|cover)|`,
  String.raw`(?:it\s+seems\s+(?:as\s+if|like|that)\s+|i\s+think\s+|i\s+suspect\s+(?:that\s+)?)?there\s+(?:are|is|will\s+be|might\s+be)\s+`,
  String.raw`(?:some\s+)?(?:more\s+)?(?:discussions?|questions?)\s+(?:to\s+be\s+had\s+)?(?:around|about|on|regarding)|`,
  String.raw`(?:(?:i\s+(?:suspect|assume|expect|guess)|likely|probably)\s+(?:that\s+)?)?we(?:'ll|\s+will)\s+(?:likely\s+|probably\s+)?`,
  String.raw`(?:talk\s+about|discuss|cover|continue\s+(?:our|the)\s+discussions?\s+(?:on|about|of|around)))\s+(?:the\s+series\s+)?`,
);
/**
 * "I think it would be very helpful for the community to know X", "it would be great to discuss X",
 * and asked: "would it be useful to have X".
 */
const WOULD_BE = regex(
  'i',
  String.raw`^(?:(?:i\s+think\s+)?it\s+(?:would|might|could)|(?:would|might|could)\s+it)\s+be\s+(?:very\s+|really\s+|quite\s+)?(?:helpful|`,
  String.raw`useful|good|nice|great|worth\w*|interesting|valuable)(?:\s+for\s+[^,]{1,40}?)?\s+to\s+(?:know|`,
  String.raw`discuss|talk\s+about|have|hear\s+about|get|cover|review|go\s+over)\s+(?:about\s+)?`,
);
/**
 * Words that soften or frame a request: "a bit (about)", "maybe", "a session on", "my", a leading
 * "and"/"also" left over from the sentence the topic was cut out of.
 */
const FILLER = regex(
  'i',
  String.raw`^(?:a\s+(?:little\s+)?bit\s+(?:about\s+)?|maybe\s+|perhaps\s+|possibly\s+|(?:and|or|but|also|then)\s+|`,
  String.raw`(?:a|an|one)\s+(?:short\s+|quick\s+|brief\s+)?(?:session|talk|slot|discussion|presentation|bof|update)\s+(?:on|about|of)\s+|`,
  String.raw`(?:my|our)\s+(?=\S+\s+\S)|answer(?:ing)?\s+questions\s+(?:about|on)\s+|`,
  String.raw`(?:(?:last|this|next)\s+(?:year|time|week|month),?\s+)?we(?:'ve|\s+have)\s+been\s+(?:discussing|talking\s+about)\s+|`,
  String.raw`we(?:'re|\s+are)\s+(?:pondering|considering|thinking\s+about|looking\s+(?:at|into))\s+|`,
  // "there have been some changes to trial that I've been thinking about" (twisted-python 2013): the topic
  // is what there has been.
  String.raw`there\s+(?:(?:have|has)\s+been|are|were)\s+(?:some\s+|a\s+few\s+|several\s+)?(?=\S+\s+\S)|`,
  // "(One that has been suggested is) looking at the current Rust proposals".
  String.raw`(?:(?:taking\s+)?a\s+look|looking)\s+(?:at|into)\s+(?=\S+\s+\S)|`,
  // "(one topic that I'd like to discuss) is the LPC KVM Microconference"; "Is Linus happy?" stays.
  String.raw`(?:is|are|would\s+be|will\s+be)\s+(?=(?:the|a|an|our|my)\s)(?![^?]*\?\s*$)|`,
  // "in the absence of Jira tickets, would it be useful to have X": the circumstance, before the topic.
  String.raw`(?:in\s+the\s+absence\s+of|in\s+(?:light|view)\s+of|given|regarding|as\s+for|with\s+(?:respect|regard)\s+to)\s+`,
  String.raw`[^,]{3,50},\s+(?=\S+\s+\S+\s+\S))`,
);
/** "Per Alexander:", "Joseph:", "(Joseph, follow up to item 3):": who raised it, at the start. */
const BY_WHOM = regex(
  'iu',
  String.raw`^(?:\(?\s*(?:per|from|via|by)\s+[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*)?\s*:\s*\)?|`,
  String.raw`\([^()]{1,80}\)\s*:|\(\s*[\p{Lu}][\p{L}'’.-]*\s*:\s*\))\s*`,
);
/** "Gerrit review: Idea: X", "FYA. X", "Question: X": labels that file a topic, not name it. */
const FILED_AS = regex(
  'i',
  String.raw`^(?:(?:gerrit|code|design|patch)\s+review|idea|question|request|proposal|`,
  // "Proposed agenda item: X", "New topic: X", "Agenda item - X".
  String.raw`(?:(?:proposed|suggested|possible|additional|another|new|my)\s+)?(?:agenda\s+)?(?:topic|item)|`,
  // "Session 2: Governance and evolutions" (the 2019 CF workshop's agenda): which slot, then the topic.
  String.raw`note|reminder|fy[ia]|heads[- ]up|update|new|prompted\s+by\s+[^:]{1,60}|(?:session|part|track|block)\s+(?:\d{1,2}|[ivx]{1,4})|`,
  // "Another topic came up in the rados suite review today: downgrades" (ceph-devel 2019).
  String.raw`(?:another|one\s+more|a\s+further|an\s+additional|also\s+an?)\s+(?:topic|item|thing|question|point)\b[^:]{0,60}|`,
  // "Discuss: X", "Status Report: Status: X", "Vote, Discuss: X", "Discuss, member-private: X" (the TDF
  // board's agendas, 2023): what the board will do with the item, and in which part of the meeting.
  // "Inform&Discuss:", "Inform & Discuss:" (the same board, 2020-2021).
  String.raw`(?:(?:status\s+report|vote|discuss|decide|decision|inform(?:ation)?|approve)(?:\s*[,&]\s*|\s+(?:and\s+)?))*`,
  String.raw`(?:status\s+report|vote|discuss|decide|decision|inform(?:ation)?|approve|status)`,
  String.raw`(?:\s*,\s*(?:public|private|member-private|board-private|members?-only|confidential))?|`,
  // "TENTATIVE - X", "IF THERE IS INTEL REPRESENTATION - X" (OpenBMC GUI WG 2019): a condition, not the topic.
  String.raw`tentative(?:ly)?|optional|if\s+time\s+(?:permits|allows)|time\s+permitting|if\s+(?:there\s+is|we\s+have)\s+[^-–—:]{1,40}?)`,
  String.raw`\s*(?:[:.]|\s-)\s+(?=\S)`,
);
/** The topic without the request, filing label, speaker or softening words in front of it. */
export function withoutRequest(text: string): string {
  let t = text;
  // Up to four layers: "Per Alexander: Proposed topic: I'd like to discuss maybe X".
  for (let i = 0; i < 4; i++) {
    const next = t
      .replace(/^[\s:;,.-]+/, '')
      .replace(BY_WHOM, '')
      .replace(FILED_AS, '')
      .replace(FILLER, '')
      .replace(WOULD_BE, '')
      .replace(FRAME, '')
      .replace(LEAD, '')
      .trim();
    if (next === t) break;
    t = next;
  }
  return t;
}
