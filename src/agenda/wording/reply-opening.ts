/** What the opening of a reply to a call says when it names no topic: logistics, courtesy, opinion, news. */
import { regex } from '../extract/patterns.js';

// A reply that is about the call itself, not a topic: time zones, links, attendance, cancellations.
export const LOGISTICS = regex(
  'i',
  String.raw`\b(?:i(?:'m|\s+am|\s+would\s+be)\s+(?:also\s+|very\s+(?:much\s+)?|really\s+)?interested`,
  String.raw`(?!\s+in\s+(?:discussing|talking|presenting))|`,
  // "I am certainly willing to participate in the micro-conference" (LPC 2021): attendance.
  String.raw`(?:willing|happy|glad|able)\s+to\s+(?:participate|attend|join)|participat(?:e|ing|ion)\s+in\s+the\b|`,
  // "I plan to attend." (Open MPI 2008, to the design meeting's announcement), "I'll be there": who comes.
  String.raw`(?:plan(?:ning)?|intend(?:ing)?|hop(?:e|ing)|expect(?:ing)?|going)\s+to\s+(?:attend|participate|join|be\s+there)\b|`,
  String.raw`\b(?:i|we)(?:'ll|\s+will|\s+shall)\s+(?:(?:definitely|certainly|also)\s+)?(?:attend|be\s+there)\b|`,
  // "I would like to try to get down there (from Menlo Park) to meet and thank the developers", "Don't
  // forget to send out a notice where and when I can meet up with you all for a beer" (Open MPI 2013,
  // to the developer meeting's announcement): travel and the social side.
  String.raw`\b(?:get|come|go|fly|drive)\s+(?:down\s+|over\s+|up\s+|out\s+)?there\b|\bmeet\s+up\b|`,
  String.raw`\b(?:where\s+and\s+when|when\s+and\s+where)\b|\bsocial\s+event|\bfor\s+(?:a\s+)?beers?\b|`,
  // "Will come to the meet", "Gandhi Mandapam is also a good place to meet tomorrow" (ILUGC 2004,
  // to the volunteers' meet): who comes and where.
  String.raw`\bcom(?:e|ing)\s+(?:to|for)\s+the\s+(?:meet(?:ing|up)?|call|session|summit|sprint)\b|`,
  // "I'd love to attend." (python-committers 2012, to the Language Summit's call): who comes; not
  // "I would like to attend remotely the discussion about OMPIO" (Open MPI 2012), a topic.
  String.raw`\b(?:love|like|want|wish)\s+to\s+(?:attend|participate|come)\b(?![^.!?]*\bdiscussions?\s+(?:about|on|of)\b)|`,
  String.raw`\b(?:good|better|nice|convenient)\s+(?:place|venue|location)\b|`,
  // "I'll have to pass on this call" (docktesters 2016): who does not come.
  String.raw`\b(?:pass\s+on|skip|miss)\s+(?:this|the|today'?s|tomorrow'?s|next)\s+(?:call|meeting|meet|one)\b|`,
  String.raw`count\s+me\s+in|cc'?(?:ing|ed)|(?:just\s+a|a\s+(?:friendly|gentle|quick))\s+reminder|`,
  String.raw`adding\s+\S+(?:\s+\S+)?\s+to\s+cc|(?:public\s+)?holidays?|vacation|on\s+leave|out\s+of\s+(?:the\s+)?office|travell?ing|`,
  String.raw`(?:works?|worked|work\s+best|suits?|is\s+fine|fine|ok(?:ay)?|good)\s+(?:for\s+)?(?:me|`,
  String.raw`us)|part\s+of\s+this\s+group|options?|poll|as\s+discussed|did (?:this|`,
  String.raw`the) call happen|is that (?:correct|right)|(?:doesn'?t|does not|didn'?t) work for me|`,
  String.raw`calendar|invite|dial[- ]?in|webex|zoom|jitsi|meeting link|url|what time|`,
  // "I scheduled your BoF Tuesday afternoon" (LSF/MM/BPF 2025): when, not what; "I am not sure I will be able to make it" (imagej 2011).
  String.raw`time ?zone|daylight|cancel(?:l?ed)?|re-?schedul\w*|(?:i|we)(?:'ve|\s+have)?\s+scheduled\b|can'?t (?:make|attend|`,
  String.raw`join)|won'?t be (?:able|there|around)|(?:not(?: going to)?|be able to|will) make it|unfortunately|be around|`,
  // "It seems LPC 2025 is already sold out and has a waiting list" (netdev 2025): tickets, not topics.
  String.raw`apologi[sz]e|regrets|call is at|sold\s+out|waiting\s+list|(?:reserved|conference|event|spare)\s+tickets?|`,
  String.raw`in \d+ min(?:ute)?s|mailing list|subscribe|push (?:this|it|my talk)|arriv\w+|`,
  String.raw`(?:drop|withdraw)\w*\s+(?:this|the|my)\s+(?:topic|proposal)|already discussed|`,
  String.raw`can be found|notes|hybrid|remote(?:ly)?|in[- ]person|virtual(?:ly)?|live\s*stream\w*|attending|attendance|`,
  // "Sure, lmk whatever help" (LPC 2023): an offer to help, no topic.
  String.raw`guess(?:timate)?|suffice|sounds?\s+(?:good|fine|great|reasonable|sensible|ok(?:ay)?)|lmk|let\s+me\s+know)\b|`,
  // A time of day ("9am", "between 10:00 and 14:00 CET") is when, not what.
  String.raw`\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?\b|\b\d{1,2}:\d{2}\b|\S+@\S+\.\w+`,
);
// Opening courtesies before the point: "Great seeing you at LPC!", "Thanks for organising this.".
export const PLEASANTRY = regex(
  'i',
  // "Huzzah, thanks for organising this again!" (python-committers 2016): an interjection first.
  // "Sounds exciting -- there have been some changes to trial that I've been thinking about" (twisted-python
  // 2013, answering the sprint's call): the courtesy ends at its dash, the point follows.
  String.raw`^\s*(?:sounds?\s+(?:(?:really|very)\s+)?(?:exciting|great|interesting|fun|good|cool|awesome|like\s+fun)\s*(?:--|[—–,!:])\s*|`,
  String.raw`(?:(?:huzzah|hooray|yay|wow|excellent|awesome|cool)[,!]\s*)?`,
  String.raw`(?:(?:it\s+was\s+)?(?:great|nice|good|lovely)\s+(?:seeing|to\s+see|meeting|to\s+meet|talking\s+to)\s+you|`,
  String.raw`thanks?|thank\s+you|`,
  // "Yes please.", "Sure.": an answer to the call's question, then the point (if any).
  String.raw`(?:yes|yep|yeah|sure|agreed|ok(?:ay)?)(?:\s+please)?(?=\s*[.!])|`,
  // "Good question. I'd guess 45 minutes should suffice": an answer to the chair, no topic of its own.
  String.raw`good\s+(?:question|point)|happy\s+new\s+year|hope\s+you(?:'re|\s+are)\s+(?:well|doing\s+well)|`,
  // "I'm really looking forward to the summit this year, thanks for ..." (python-committers 2012).
  String.raw`(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:really\s+|very\s+much\s+|so\s+)?looking\s+forward\s+to)\b`,
  // The courtesy may wrap: "Thank you for arranging all this, and thank you to Cisco and Collabora\nfor the sponsorship."
  String.raw`(?:[^.!?\n]|\n(?!\s*\n))*[.!?]\s*)+`,
);

const ABOUT_IT = /\b(?:talk(?:ing)?\s+about|discuss(?:ing)?|cover(?:ing)?)\s+(?:it|this|that|them)\b/i;

const NOT_WHAT_I_SAID = regex(
  'i',
  String.raw`^(?:i|we)\s*(?:wasn'?t|weren'?t|'?m\s+not|am\s+not|didn'?t|did\s+not|was\s+not)\s+`,
  String.raw`(?:\(?\w+\)?\s+)?(?:suggest|say|mean|propos|claim|argu)\w*`,
);

// "I still feel like ...", "I went through ...", "I just submitted a v3, hopefully not too soon before
// the meeting" (git 2023): an opinion on what is listed or news of what the writer did.
const I_FEEL_OR_DID = regex(
  'i',
  String.raw`^(?:i|we)\s+(?:still\s+|really\s+|also\s+|finally\s+|just\s+)?`,
  // "I don't believe anyone has implemented this before, so any experts would be self-appointed." (the VM/FS
  // meetup's thread, linux-mm 2007): a belief about what the thread discusses.
  String.raw`(?:(?:(?:do\s+not|don't)\s+(?:believe|think|suppose)|doubt)\b|`,
  // "I created etherpad to organize the sprint", "I signed up but haven't heard any news yet", "I
  // registered, and *then* thought of the session I'd like to give" (python-committers 2017).
  String.raw`feel|agree|disagree|went|did|got|spent|tried|took|submitted|sent|posted|pushed|created|registered|signed)\b`,
);

// "Hello, I'm only an occasional contributor to git since 2005" (the Git Inclusion Summit's thread, 2020): who
// the writer is, before what they say.
const WHO_I_AM = /^(?:hi|hello|hey)?[,!\s]*(?:i'm|i\s+am|we're|we\s+are)\s+(?:only|just|not|new|a|an|one|still|also)\b/i;

// "This would be good." under a quoted agenda item (linux-media 2011): praise for it; not "it would
// be very helpful for the community to know X" (a wish that names X).
// "That is superb!" (imagej-devel 2011, to the chair's slides).
const PRAISE = regex(
  'i',
  String.raw`^(?:i\s+think\s+)?(?:this|that|it)\s+(?:(?:would|will|could)\s+be|is|was|'s)\s+(?:very\s+|really\s+)?`,
  String.raw`(?:good|great|useful|nice|helpful|superb|excellent|wonderful|awesome)(?:[.!]|\s*$)`,
);

// "I like the concept.", "Last year there was an attempt to sort of do this" (wikitech-l 2016, answering the call to
// open the Developer Summit up): liking what is proposed, and what happened before; no topic.
const LIKE_OR_PAST = regex(
  'i',
  String.raw`^(?:i|we)\s+(?:really\s+|do\s+)?(?:like|love)\s+(?:the|this|that|your)\s+`,
  String.raw`(?:concept|idea|proposal|plan|approach|suggestion)\b|`,
  String.raw`^(?:last\s+(?:year|time)|in\s+the\s+past|previously|historically),?\s+(?:there\s+(?:was|were)|we\s+(?:had|did|tried))\b`,
);

// "Who would be interested in discussing this stuff? (me, Brian, ...?)" answered "Me." (Open MPI
// 2008): who comes, in a word.
const ONLY_WHO = /^(?:me|us|me\s+too|us\s+too|same\s+here|i\s+(?:do|am|would|will)|we\s+(?:do|are|would|will)|\+1)\s*[.!]*$/i;

// "If not too late, I can raise one potential topic for discussion." (LPC 2023): it names none.
const PLACEHOLDER = regex(
  'i',
  String.raw`\b(?:a|an|one|another)\s+(?:(?:more|potential|possible|other|further|small|quick|new)\s+)*(?:topic|item)`,
  String.raw`(?:\s+(?:for|to)\s+(?:discussion|discuss|the\s+\w+))?\s*[.!]?\s*$`,
);

/** The opening sentence of a direct answer to a call is about the call, or about what it lists, not a topic of its own. */
export function openingNamesNoTopic(opening: string): boolean {
  // Questions in answer to a call are about the call ("is that correct?"), not topics; "it could
  // make sense to talk about it" answers about a topic already on the table.
  // "George has previously pointed at" (a link on the next line): the opening names nothing.
  // "... reserve some 15-30 minutes for the following:": it announces what comes next.
  const dangling = /\b(?:at|to|in|on|for|of|from|with|about|under|here)\s*:?\s*$|:\s*$/i.test(opening);
  // "I still feel like the alternatives are weak": an opinion on what is listed, not a topic.
  // "I went through the effort to become a CNA": news of what the writer did, not a topic put to the call.
  const opinionOrNews =
    I_FEEL_OR_DID.test(opening) ||
    // "I think this idea is great" (LPC 2023, to the KVM MC's call): praise for what is proposed.
    /^(?:i\s+think\s+)?(?:this|that|the|your)\s+(?:idea|proposal|topic|plan|mc|session)\s+(?:is|sounds|looks)\b/i.test(opening) ||
    PRAISE.test(opening) ||
    LIKE_OR_PAST.test(opening) ||
    // "I wasn't (necessarily) suggesting that objtool use DWARF" (LPC 2023): an answer in the debate.
    // ("I don't have an effective workflow for X" is a wish, ksummit 2019.)
    NOT_WHAT_I_SAID.test(opening) ||
    WHO_I_AM.test(opening);
  // "There are a few topics around image sensor support", "I mostly dumped the topics": about the
  // agenda, not on it (what follows says which topics); "I will be at Plumbers from Tuesday": travel.
  // "I added points 1 & 2 to the AOB section", "The "New series" section is gone": the agenda
  // document's own sections (xen-devel 2019, 2020).
  // "The schedule looks reasonable to me" (LPC 2019, to the chair's preliminary schedule): about it too.
  const meta = /\btopics\b|\bagenda\b(?!\s+items?\s*:)|\bschedule\b|^(?:i|we)(?:'ll|\s+will)\s+be\s+(?:at|in)\b|\bsection\b/i.test(opening);
  return (
    LOGISTICS.test(opening) ||
    /\?\s*$/.test(opening) ||
    ABOUT_IT.test(opening) ||
    dangling ||
    opinionOrNews ||
    meta ||
    PLACEHOLDER.test(opening) ||
    ONLY_WHO.test(opening.trim())
  );
}
