/**
 * Proposal phrases in prose: "I'd like to discuss X", "we wanted a slot to discuss X", "can we
 * talk about X", "X wants to talk about Y". Shared by rule 2 (replies to calls) and rule 3
 * (inline proposals). Sentences are read paragraph by paragraph with line wraps joined.
 */
import { indirectTopic } from './indirect-phrases.js';
import { sentencesOf, trimTopic } from './sentences.js';
import { regex } from '../extract/patterns.js';

export interface Phrase {
  /** The proposed topic as written, or "" when the sentence points at the thread ("discuss this"). */
  readonly topic: string;
  /** The whole sentence, for meeting routing and dates. */
  readonly sentence: string;
}

const VERB =
  '(?:(?:briefly\\s+)?explain|ask\\s+about|' +
  '(?:give|make|do|hold|provide)\\s+(?:a|an|some)\\s+(?:short\\s+|quick\\s+|brief\\s+)?' +
  // "I'd like to give a talk around some of the benchmarks" (clang-built-linux 2019); "i would like to
  // give some introduction about OpenSSL, OpenCA and PKI" (ILUGC 2002).
  '(?:(?:presentation|talk|demo|update|overview)\\s+(?:on|about|of|around|regarding)|' +
  '(?:introduction|intro|tutorial)\\s+(?:on|about|of|to))|' +
  // "I would like to re-start discussing multiplexed stream support" (linux-media 2019).
  '(?:re-?start|resume|continue|keep)\\s+discussing|' +
  // "I'd be happy to spark a 'What should be in Wine 1.0?' discussion group" (WineConf 2002): a session the writer offers to lead.
  '(?:spark|lead|host|moderate|organi[sz]e|chair)(?=\\s+(?:a|an)\\s)|' +
  'discuss|talk(?:\\s+a\\s+(?:little\\s+)?bit)?\\s+about|talk|present|propose|raise|bring\\s+up|' +
  'cover|go\\s+over|give\\s+(?:an?\\s+)?(?:update|overview|talk|presentation)\\s+(?:on|about)|' +
  'have\\s+a\\s+(?:quick\\s+|short\\s+|brief\\s+)?(?:discussion|session|slot|chat|poll)' +
  '(?:\\s+and\\s+(?:a\\s+)?(?:poll|vote))?\\s+(?:on|about))';
const WANT = [
  "(?:i'?d|i\\s+would|we'?d|we\\s+would|i'?ll|we'?ll)\\s+be\\s+(?:happy|glad)\\s+to",
  "i'?m\\s+(?:happy|glad)\\s+to",
  "(?:i'?d|i\\s+would|we'?d|we\\s+would|i|we)\\s+(?:(?:also|really|still|actually|just|definitely)\\s+)?" +
    '(?:like|love|want(?:ed)?|plan|intend|hope)\\s+to',
  // "Wanted to meet and discuss X" (the subject left out), "X and me would like to join you to discuss Y".
  '(?:^|[.!?]\\s+)wanted\\s+to(?:\\s+meet\\s+and)?',
  '(?:would\\s+like|want(?:ed)?)\\s+to\\s+(?:meet|join\\s+[^.]{0,40}?)\\s+(?:(?:in\\s+order\\s+)?to|and)',
  // "I am planning to discuss the next protocol", "I'm keen to talk about X" (git 2015, to the summit).
  "(?:i'?m|i\\s+am|we'?re|we\\s+are)\\s+(?:also\\s+|really\\s+|very\\s+)?(?:planning|keen|eager|hoping)\\s+to",
].join('|');

// "I'd like to discuss X", "we wanted a slot to discuss X", "I plan to discuss this at ...".
// "I'd like to make sure we cover the topic of X" (svsm-devel 2025-01, answering the call).
const FIRST_PERSON = new RegExp(
  `(?:\\b|^)(?:${WANT})\\s+(?:(?:have|get|request|ask\\s+for)\\s+(?:a\\s+)?(?:slot|some\\s+time|time)\\s+to\\s+|` +
    `make\\s+sure\\s+(?:that\\s+)?we\\s+(?:also\\s+)?)?${VERB}\\s+(.+)`,
  'i',
);
// "I, again, have a minor update on the CI", "we have a short demo of X": content the author brings.
const HAVE_CONTENT = regex(
  'i',
  String.raw`\b(?:i|we)(?:,\s*\w+,)?\s+(?:also\s+|again\s+)?have\s+(?:a|an|one)\s+(?:short\s+|quick\s+|brief\s+|minor\s+|small\s+)?`,
  String.raw`(?:update|presentation|demo|talk|overview)\s+(?:on|about|of|regarding)\s+(.+)|`,
  // "I have submitted a discussion topic on "Energy model accuracy" that I hope to present" (LPC 2022,
  // to the PM and Thermal MC's reminder): a topic put to the meeting through its CfP form.
  String.raw`\b(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+|also\s+|already\s+)?submitted\s+(?:a|an|one|my|our)\s+`,
  String.raw`(?:(?:short|discussion|lightning)\s+)?(?:topic|talk|proposal|session|abstract|presentation)\s+`,
  String.raw`(?:on|about|titled|called|regarding)\s+(.+)`,
);
// "I can also give an update on X", "maybe we can have a quick discussion about X", "we could add a
// discussion about X": an offer of content. Plain "we can discuss them early" defers what is already listed, so it does not count.
const OFFER = new RegExp(
  '\\b(?:i|we)\\s+(?:can|could)(?:\\s+also)?\\s+(?:(?:give|make|do|hold|provide)\\s+(?:a|an)\\s+(?:short\\s+|quick\\s+|brief\\s+)?' +
    '(?:presentation|talk|demo|update|overview)\\s+(?:on|about|of)|(?:have|add|hold)\\s+a\\s+(?:quick\\s+|short\\s+|brief\\s+)?' +
    '(?:discussion|chat|poll)(?:\\s+and\\s+(?:a\\s+)?(?:poll|vote))?\\s+(?:on|about)|' +
    // "I can take 30min to briefly describe the problems I'm encountering, and present the vision /
    // roadmap" (qemu-devel 2023-10, in answer to the call).
    // "I could talk ad nauseum about PGO and LTO" (LPC 2021, to the Toolchains MC's call).
    '(?:talk|speak|present)(?:\\s+[\\w-]+){0,2}?\\s+(?:about|on)|' +
    'take\\s+(?:\\d+\\s*min(?:ute)?s?|some\\s+time|a\\s+few\\s+minutes)\\s+to\\s+(?:briefly\\s+)?' +
    '(?:describe|present|discuss|explain|go\\s+over|show))\\s+(.+)',
  'i',
);
// "I am interested in discussing the git pack protocol v2" (git 2015, to the summit).
const INTERESTED = regex(
  'i',
  String.raw`\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:also\s+|really\s+|very\s+|particularly\s+)?interested\s+in\s+`,
  // "I'm also interested in topics relating to the performance of mm and page cache" (linux-mm 2014).
  String.raw`(?:discussing|talking\s+about|presenting|giving\s+an?\s+(?:update|overview|talk)\s+(?:on|about)|`,
  String.raw`(?:topics|issues|things)\s+(?:relating|related)\s+to)\s+(.+)`,
);
const SLOT = new RegExp(
  `\\b(?:we|i)\\s+(?:wanted|want|would\\s+like|'d\\s+like|need)\\s+(?:a|some)\\s+(?:slot|time)\\s+to\\s+${VERB}\\s+(.+)`,
  'i',
);
// "You can discuss these on the email list, in review, or at the Security Working Group meeting":
// an invitation to bring the thread's subject to the meeting the sentence names (a pointer only).
const YOU_CAN = new RegExp(
  `\\b(?:you|people|folks|anyone|everyone)\\s+(?:can|could|may|are\\s+welcome\\s+to)\\s+(?:also\\s+)?${VERB}\\s+(.+)`,
  'i',
);
// "can we discuss X at the next call", "could we talk about X"; "how about we discuss different
// options over a video conference?" (bpf 2025-04, before naming the office hours).
// Not "let's discuss": chairs write it of what they list themselves.
const QUESTION = new RegExp(
  `\\b(?:(?:can|could|shall|should|may)\\s+we|how\\s+about\\s+we|why\\s+don'?t\\s+we)\\s+(?:please\\s+)?${VERB}\\s+(.+)`,
  'i',
);
// "X wants to talk about Y", "Paolo is going to give an update on Y": a chair naming a presenter.
const THIRD_PERSON = new RegExp(
  `\\b([A-Z][\\w.'-]+(?:\\s+[A-Z][\\w.'-]+)?),?\\s+(?:wants|would\\s+like|is\\s+going|plans|intends)\\s+to\\s+` +
    `(?:give\\s+(?:another\\s+|an?\\s+)?|${VERB}\\s+)(.+)`,
);
// '"Wang, Wei W" <wei.w.wang@intel.com> has asked to give a presentation about a new feature:
// TDX Live Migration' (qemu-devel 2023-02, the chair adding to the call): a request the chair relays.
// Not "I have been asked to propose a topic regarding X" (linux-media 2013): the author's own proposal.
const ASKED_TO = new RegExp(
  `\\b(?<!been\\s)(?:has\\s+|had\\s+)?asked\\s+(?:me\\s+|us\\s+)?(?:to|for\\s+(?:a\\s+slot|some\\s+time|time)\\s+to)\\s+${VERB}\\s+(.+)`,
  'i',
);
// "@Ian: you mentioned that you wanted to find a way to get X", "Ada said she would like to go over
// X": a wish the chair relays to the call (xen-devel 2019-12).
const RELAYED = regex(
  'i',
  String.raw`\b(?:you|[a-z][\w'-]*)\s+(?:mentioned|said|told\s+(?:me|us))\s+(?:that\s+)?(?:you|he|she|they)\s+`,
  String.raw`(?:wanted|want|would\s+like|'d\s+like)\s+to\s+(?:find\s+a\s+way\s+to\s+)?(?:get|${VERB.slice(3, -1)})\s+(.+)`,
);
// "I'd like to propose a topic: X" / "I'd like to propose X as a topic".
// "I've meant to add a "minimum toolchain versions" topic": the quoted words name it (xen-devel 2020).
// 'I took a liberty to add "BPF helpers freeze" as a topic for next BPF office hours' (bpf 2023).
const QUOTED_TOPIC = regex(
  'i',
  String.raw`\b(?:add(?:ed)?|propose|suggest|raise|bring\s+up|put\s+(?:up|forward|in))\s+(?:(?:a|an|the|my|one)\s+`,
  String.raw`["“]([^"”\n]{3,80})["”]\s+(?:topic|item|agenda\s+item|discussion|session|point)\b|`,
  String.raw`["“]([^"”\n]{3,80})["”]\s+as\s+(?:a|an|the|one)\s+(?:topic|item|agenda\s+item|discussion\s+point))`,
);
const PROPOSE_TOPIC = regex(
  'i',
  String.raw`\b(?:propose|suggest|submit)\s+(?:a|the|this|another|`,
  String.raw`one\s+more)\s+(?:topic|session|discussion|item)\s*(?::|`,
  String.raw`-|–|\bon\b|\babout\b)\s*(.+)`,
);
// "One possible goal: Citations" on its line, why on the next (wikitech-l 2016, to the Developer Summit's call
// for main topics): a label, then the topic. Read by line: sentencesOf joins the lines.
const LABELLED_LINE =
  /^[ \t]*(?:one\s+|another\s+)?(?:possible|potential|suggested|proposed)\s+(?:topic|goal|item|subject|theme)\s*:[ \t]*(\S[^\n]*)$/gim;
// "could we grab a slot for X", "I would like to grab an open slot for discussing X", "can I slot in X".
const SLOT_FOR = regex(
  'i',
  String.raw`\b(?:grab|get|have|request|reserve|book|added|add|put|kept|keep)\s+(?:a|`,
  String.raw`an|one)\s+(?:open\s+|short\s+|\d+[- ]min(?:ute)?\s+)?slot\s+(?:for|`,
  String.raw`to|about|re|on|regarding)\s+(?:discuss(?:ing)?\s+|talk(?:ing)?\s+about\s+)?(.+)|`,
  // "slot in" the verb; "There is a slot in MM/memcg minisum at KS" (linux-mm 2012) says where, no topic.
  String.raw`\b(?:can|could|may|shall)\s+(?:i|we)\s+(?:also\s+)?slot\s+in\s+(?:a\s+)?(.+)|`,
  // "reserve 30 minutes of the community call to make progress on MISRA".
  String.raw`\b(?:reserve|book|set\s+aside|spend)\s+(?:\d+\s+min(?:ute)?s?|some\s+time|(?:a\s+)?(?:few|couple\s+of)\s+minutes)\s+`,
  String.raw`(?:of|in|at|during)\s+(?:the\s+|our\s+|this\s+|next\s+)?(?:[\w-]+\s+){0,3}?(?:call|meeting|session)\s+(?:to|for|on)\s+`,
  String.raw`(?:make\s+progress\s+on\s+|discuss(?:ing)?\s+|talk(?:ing)?\s+about\s+|go(?:ing)?\s+over\s+)?(.+)`,
);

// "propose one more topic; last year we discussed X", "a presentation about a new feature: TDX Live
// Migration": the topic is the name after the punctuation.
const NAMED_AFTER = regex(
  'i',
  String.raw`^(?:one\s+more|another|a|an|the\s+following)\s+(?:new\s+)?`,
  String.raw`(?:topic|item|thing|session|feature|proposal)\s*[;:,-]\s*(\S.*)$`,
);

// "anything (that) we want to discuss", "any topics you would like to raise": a request for topics.
const ASKS_FOR_TOPICS = regex(
  'i',
  String.raw`\b(?:anything|something|any\s+(?:topics?|items?|agenda\s+items?)|what)\s+(?:else\s+)?(?:that\s+)?`,
  String.raw`(?:we|you|people|anyone|folks)\s+(?:would\s+like|'d\s+like|want|wants|need|needs)\s+to\b`,
);

// "I was going to propose the "mm docs" session again, but this one seems more useful": not proposed.
const WITHDRAWN = /\b(?:i|we)\s+(?:was|were)\s+going\s+to\b.*\bbut\b/i;

// A phrase whose verb has no object ("discuss ahead of the forum", "talk about tomorrow") points
// at what the thread is about.
const POINTER = regex(
  'i',
  String.raw`^(?:(?:under|at|in|for|during|via|to|on|ahead\s+of|before|after|prior\s+to)\b.*|tomorrow|today|later|this|`,
  // "I'd also be interested in discussing these developments" (LPC 2019): what the quoted mail named.
  // "Can we discuss that here ?" (linux-media 2011, an item of a brainstorm's list): here, in the thread.
  String.raw`(?:it|this|that)\s+(?:here|there|now)|`,
  // "I would like to propose these for discussion and for adoption ... at the upcoming meeting" (the 2019
  // CF workshop, a member's governance proposal): the document the mail links, put forward.
  String.raw`(?:it|this|that|these|those|them)\s+(?:for|as)\s+(?:(?:a|the)\s+)?`,
  String.raw`(?:discussion|adoption|review|consideration|comments?|feedback)\b.*|`,
  String.raw`it|that|these|(?:these|those)(?:\s+[\w-]+){1,2}|this\s+(?:topic|item|issue|proposal|`,
  String.raw`discussion|thread|one|problem|series|work)|`,
  // "15+ pages of graphs ... which I would like to present at Google on May 11" (BayPIGgies 2006): where
  // and when, the thing presented named before.
  String.raw`(?:at|during)\s.*|(?:tomorrow|today|tonight|next\s+(?:week|month|meeting|time))\b.*|`,
  // "I am not sure we can begin to cover all of them in one meeting" (Ubuntu Women 2009): the ones named before.
  String.raw`(?:all|any|some|most|each|both|none|either)\s+of\s+(?:them|these|those|it)\b.*|`,
  // "I'd like to propose a slight change in format, Michael." (WineConf 2002): how the meeting runs, no topic.
  String.raw`(?:a|an|the|some)\s+(?:slight\s+|small\s+|minor\s+)?changes?\s+(?:in|to|of)\s+(?:the\s+)?`,
  String.raw`(?:format|schedule|time|date|venue|agenda|programme|program)\b.*|`,
  // "I'll propose a session on it at the Contributor's Summit tomorrow" (git 2022, under the
  // status report it means): the pronoun, then where it goes.
  String.raw`(?:it|this|that)\s+(?:at|in|during|for|on|ahead\s+of|before)\s.*|the\s+(?:topic|`,
  String.raw`above|issue|proposal)|`,
  // "discuss what they might be for v4l2", "present a plan to you and Nicolas": what the mail said before.
  String.raw`(?:what|how|whether|why|where|which)\s+(?:they|it|this|that|these|those)\b.*|`,
  // "I'd be interested in all topics you mention" (qemu-devel 2022, to the BoF's call): its list, no topic.
  String.raw`(?:(?:all|any|some|most|each|both|the)\s+(?:of\s+)?(?:the\s+|these\s+|those\s+|your\s+)?)?`,
  String.raw`(?:topics|items|points|ideas|suggestions)`,
  // "I'd be interested in most of the topics listed above" (twisted-python 2010, answering the sprint's call).
  String.raw`(?:\s+(?:(?:you|he|she|they|we)\s+)?(?:mention|list|propose|suggest|name)(?:s|ed)?(?:\s+(?:above|here|below|so\s+far))?)?|`,
  // "discuss different options", "go over the next steps": the thread's question, not a topic of its own.
  String.raw`(?:(?:the|these|those|different|other|some|various|possible|our)\s+)+`,
  String.raw`(?:options|alternatives|approaches|choices|ideas|next\s+steps)|`,
  String.raw`(?:a|an|one|my|our|the)\s+(?:plan|proposal|idea|summary|few\s+slides|slides|(?:[\w-]+\s+)?(?:topic|session|talk|item))`,
  String.raw`(?:\s+(?:to|with)\s+(?:you|us|everyone|everybody|the\s+group|people|folks|others)\b.*)?|`,
  // "it was something I'm planning to propose as a discussion topic for linux-media" (libcamera
  // 2025): what it would be proposed as; the topic was named before.
  String.raw`as\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:topic|item|subject|session|talk)\b.*|`,
  // "I would like to discuss (among other topics already suggested) the following topics: General MM
  // topics:" (LSF/MM 2015): the list below holds them.
  String.raw`(?:the\s+)?following(?:\s+(?:topics?|items?|points?|things?|issues?))?\b.*)$`,
);

/** True when the captured topic only points at the thread ("this", "this topic"). */
export function isPointer(topic: string): boolean {
  return POINTER.test(topic.trim());
}

/** Proposal phrases in a text, first person, question, third person and "propose a topic" forms. */
export function proposalPhrases(text: string): Phrase[] {
  const out: Phrase[] = [...text.matchAll(LABELLED_LINE)].map((m) => ({
    topic: trimTopic(m[1]!.split(/[.!?](?:\s|$)/)[0]!),
    sentence: m[0].trim(),
  }));
  for (const sentence of sentencesOf(text)) {
    // "Do we have anything we want to discuss ahead of KVM Forum?": a call asking for topics.
    if (ASKS_FOR_TOPICS.test(sentence) || WITHDRAWN.test(sentence)) continue;
    const m =
      FIRST_PERSON.exec(sentence) ??
      OFFER.exec(sentence) ??
      HAVE_CONTENT.exec(sentence) ??
      SLOT.exec(sentence) ??
      INTERESTED.exec(sentence) ??
      QUESTION.exec(sentence) ??
      PROPOSE_TOPIC.exec(sentence) ??
      QUOTED_TOPIC.exec(sentence) ??
      SLOT_FOR.exec(sentence) ??
      ASKED_TO.exec(sentence);
    if (m) {
      const raw = m[1] ?? m[2] ?? m[3] ?? '';
      const after = NAMED_AFTER.exec(raw);
      out.push({ topic: trimTopic(after ? after[1]! : raw), sentence });
      continue;
    }
    // An invitation counts only for the thread's own subject ("discuss these"): "you could present
    // what you are trying to achieve" asks the addressee for more, it names no topic of its own.
    const you = YOU_CAN.exec(sentence);
    if (you && isPointer(trimTopic(you[1]!))) {
      out.push({ topic: trimTopic(you[1]!), sentence });
      continue;
    }
    const t = THIRD_PERSON.exec(sentence);
    if (t && !/^(?:I|We|It|This|That|He|She|They|Nobody|Somebody|Anyone|Anybody)$/.test(t[1]!)) {
      out.push({ topic: trimTopic(t[2]!), sentence });
      continue;
    }
    const a = indirectTopic(sentence) ?? RELAYED.exec(sentence)?.[1] ?? null;
    if (a !== null) out.push({ topic: trimTopic(a), sentence });
  }
  return out;
}
