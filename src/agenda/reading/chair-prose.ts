/**
 * Topics a chair's call states in prose rather than in a list (rules/chair-call.ts asks for them
 * when the call lists none): quoted suggestions on lines of their own, "the agenda will be mostly
 * X", "this week we'll focus on X", "I'll share some details from X", "we'll have Ackerley give us
 * an overview of X", and requests the chair relays ("Thomas wants to talk about X").
 */
import { isPointer, proposalPhrases } from '../wording/phrases.js';
import { sentencesOf, trimTopic, WRITER_WILL } from '../wording/sentences.js';
import { regex } from '../extract/patterns.js';

// Prose in a call: "Tomorrow agenda will be mostly X", "This week we have ... to discuss X".
const AGENDA_IS = regex(
  'i',
  String.raw`\b(?:agenda\s+(?:will\s+be|is|includes?)|(?:only\s+|one\s+|first\s+)?agenda\s+items?\s+(?:so\s+far\s+)?(?:is|`,
  String.raw`are|will\s+be)|(?:today|tomorrow|this\s+week|next\s+week)'?s\s+(?:[\w/-]+\s+){0,3}?topics?\s+(?:is|are|will\s+be)|`,
  // "Only item on the agenda so far is HW rate ctrl", "Small agenda, we are pondering X" (netdev 2024).
  String.raw`(?:only|one|first|sole)\s+(?:item|topic)\s+on\s+the\s+agenda\s+(?:so\s+far\s+)?(?:is|will\s+be)|`,
  String.raw`(?:small|short|light|brief)\s+agenda\s*[,:;-]|`,
  // "One that has been suggested is looking at the current Rust proposals" (KVM/QEMU call 2024-06).
  String.raw`\b(?:one|an?\s+(?:item|topic))\s+(?:that\s+)?(?:has\s+(?:already\s+)?been|was|already)\s+`,
  String.raw`(?:suggested|proposed|requested|raised)\s+(?:is|was))`,
  String.raw`\s+(?:mostly\s+|mainly\s+|about\s+)?(.+)`,
);
// "Proposed topics include USB virtualization, and improved bandwidth APIs ..." (the USB
// mini-summit's call, linux-usb 2011): a list written as a sentence, one topic per comma.
const TOPICS_INCLUDE = regex(
  'i',
  String.raw`\b(?:(?:proposed|possible|suggested|planned|expected|potential|candidate|initial)\s+)?topics\s+`,
  // "There will also be sessions on more general CF topics including the recently proposed CF Data
  // Model, ..." (the netCDF-CF workshop's announcement, 2017).
  String.raw`(?:so\s+far\s+)?(?:include|will\s+include|including)\s+(.+)|`,
  // "There will be time devoted to several current proposals: satellite swath data, group hierarchies,
  // and geometries (e.g., polylines and polygons)." (the same): the proposals the meeting takes up.
  String.raw`\b(?:time|sessions?|slots?)\s+(?:devoted|dedicated|set\s+aside)\s+to\s+(?:[\w-]+\s+){0,3}?(?:proposals|topics)\s*:\s*(.+)`,
);
// "... a working group call to discuss two agenda items. The first item is a review of the documents
// and the second is a discussion about bringing ... prototype in as patches" (the Xen Hyperlaunch
// WG's call, 2021): agenda items counted off in a sentence.
const FIRST_ITEM = /\bthe\s+first\s+(?:agenda\s+)?(?:item|topic|point|one)\s+(?:is|will\s+be)\s+/i;
const NEXT_ITEM =
  /,?\s+(?:and\s+)?the\s+(?:second|third|fourth|fifth|last|final)(?:\s+(?:agenda\s+)?(?:item|topic|point|one))?\s+(?:is|will\s+be)\s+/i;
// "Hoping to get the roadmap fleshed out some more, start collecting more ideas" (bcachefs 2023-11): the
// chair's aim for the call names its topic.
const HOPING = regex(
  'i',
  String.raw`^(?:(?:i'?m|i\s+am|we'?re|we\s+are)\s+)?hoping\s+to\s+(?:get|finish|settle|make\s+progress\s+on|nail\s+down)\s+`,
  String.raw`(.+?)\s+(?:fleshed\s+out|finished|settled|done|sorted(?:\s+out)?|nailed\s+down|hashed\s+out|merged)\b`,
);
const THIS_CALL = regex(
  'i',
  String.raw`\b(?:this\s+(?:week|call|time|meeting|session)|today|tomorrow|next\s+week|for\s+this\s+call)\b.*?\b(?:to\s+)?`,
  String.raw`(discuss(?:ing)?|talk\s+about|cover|review|focus\s+on)\s+(.+)`,
);
// "In this meeting, I'll share some details from my LSF/MM session, and we'll ...": the chair's own item.
const CHAIR_SHARES = regex(
  'i',
  String.raw`\bi(?:'ll|\s+will)\s+(?:briefly\s+)?(?:share|give|present)\s+(?:some\s+)?`,
  String.raw`(?:details|an?\s+update|a\s+summary|an?\s+overview|a\s+report|news)\s+`,
  String.raw`(?:from|on|about|of)\s+(.+?)(?:,?\s+and\s+(?:we|i)\b|[.;]|$)`,
);
// "we'll definitely have Ackerley give us an overview of work-in-progress HugeTLB support and likely
// we will talk about ..." (guest_memfd 2025-10-29): someone the chair has present a topic.
const HAVE_PRESENT = regex(
  'u',
  String.raw`\bhave\s+(\p{Lu}[\p{L}'’-]+)\s+(?:give\s+(?:us\s+)?(?:an?\s+)?(?:short\s+|quick\s+|brief\s+)?(?:overview|update|summary|`,
  String.raw`presentation|talk|demo)\s+(?:of|on|about)|present|talk\s+about)\s+`,
  String.raw`(.+?)(?:,?\s+and\s+(?:likely|then|also|maybe|perhaps)\b|[.;!]|$)`,
);
// "We'll be talking about upstreaming, ...", "I'll be talking a bit about the btree write buffer work, and
// the disk space accounting rewrite" (bcachefs 2023): the chair names the call's topics in a sentence.
const WILL_TALK = regex(
  'i',
  String.raw`${WRITER_WILL}\s+(?:be\s+)?`,
  String.raw`(?:(?:talk(?:ing)?|chat(?:ting)?)(?:\s+a\s+(?:little\s+)?bit)?\s+about|`,
  String.raw`discuss(?:ing)?|go(?:ing)?\s+over|cover(?:ing)?)\s+(.+)`,
);
// What a call always holds, named among its topics: "and generally coordinating and answering questions".
const ROUTINE = regex(
  'i',
  String.raw`^(?:generally\s+|general\s+)?(?:coordinat(?:e|ing|ion)|answering\s+questions|questions|q\s*&\s*a|`,
  String.raw`gathering\s+(?:input|feedback)|catching\s+up|status\s+updates?|whatever\s+comes\s+up|anything\s+else\b.*|`,
  // "We will cover the discussions from our last meeting, as well as X" (OpenBMC 2020): a carry-over, no topic.
  String.raw`(?:the\s+)?(?:discussions?|topics?|items?)\s+(?:from|of)\s+(?:our|the)\s+(?:last|previous)\s+(?:meeting|call|session)|`,
  // "shorter content will be more likely to get approved as we want to cover a wide range of topics"
  // (FOSDEM's Kernel devroom call, 2022): how many, not which.
  String.raw`(?:a\s+)?(?:wide\s+|broad\s+)?(?:range|variety|number|lot|mix)\s+of\s+(?:different\s+)?(?:topics|subjects|things|areas)|`,
  String.raw`(?:many|various|several|different|diverse)\s+(?:topics|subjects|things|areas)|`,
  // "Here's what we'll be talking about this morning: <link>" (Open MPI's developer meeting, 2015): when, not what.
  String.raw`(?:(?:this|tomorrow|today'?s?)\s+(?:morning|afternoon|evening)|today|tonight|tomorrow|(?:this|next)\s+week)\W*)$`,
);
const BOILERPLATE_WORDS = /\b(?:please|send|any\s+topic|if\s+you|anything\s+else)\b/i;
const NOT_CONTENT = regex(
  'i',
  // "The main conference schedule and agenda is up at: <url>" (git 2020): where it is.
  String.raw`^(?:at|in|on|up\s+(?:at|on)|here|available|attached|below|above|linked|posted|kept|maintained|formed|decided|set|`,
  String.raw`determined|built|`,
  String.raw`made|published|finali[sz]ed|subject\s+to|tbd|still|not|being|going|to\s+be|usually|always|open|empty)\b`,
);
// A quoted suggestion standing on its own line.
// Not a link's label: '"Read the full specification<https://wiki.ubuntu.com/...>"' (Ubuntu Women 2009).
const QUOTED_LINE = /^\s*["“]((?:(?!https?:)[^"”\n<]){8,160})["”]\s*$/gm;

// "Immediate topics: I want to give away a bunch of projects: ...  Also the actual scheduling for this
// meeting since ..." (the first xfs office hours, 2024): a label, then the topics in sentences. ("Topic:" in
// the singular heads a form, "Topic: X / Objective: Y", PUCK 2023: proposal-form.ts reads those.)
const LABELLED =
  /^\s*(?:(?:immediate|initial|first|proposed|current|today'?s|this\s+week'?s)\s+)?(?:topics|agenda)\s*:[ \t]*(\S.*(?:\n(?!\s*\n).*)*)/im;
const WISH_LEAD = /^(?:(?:also|and|then|plus|finally),?\s+)?(?:(?:i|we)\s+(?:want|would\s+like|'d\s+like|plan|hope|need)\s+to\s+)?/i;

/** The topics of a "Topics: <sentences>" paragraph: one per sentence, cut at its first colon or clause. */
function labelledTopics(text: string): string[] {
  const m = LABELLED.exec(text);
  if (!m) return [];
  return sentencesOf(m[1]!.replace(/\s*\n\s*/g, ' '))
    .map((s) => trimTopic(s.replace(WISH_LEAD, '').split(/[:;]|\s+(?:since|because|as|so\s+that)\s+/i)[0]!))
    .filter((t) => t.split(/\s+/).length >= 2);
}

// 'will cover the topics "Setting up GPOs with Samba" and "Disaster recovery of an Active Directory"',
// 'a workshop on *Setting up Samba as printserver*' (sambaXP 2021, 2022): names the chair sets off.
const MARKED_NAMES = regex(
  'gi',
  String.raw`\b(?:topics?|(?:workshop|tutorial|talk|session|presentation|bof)s?\s+(?:on|about))\s+`,
  String.raw`((?:["“*][^"”*\n]{3,120}["”*](?:\s*,?\s*(?:and\s+)?)?)+)`,
);

/** Topics a call states in prose: quoted suggestions, "agenda will be X", "X wants to talk about Y". */
export function proseTopics(text: string): string[] {
  const labelled = labelledTopics(text);
  if (labelled.length) return labelled;
  const out: string[] = [];
  for (const m of text.matchAll(QUOTED_LINE)) out.push(m[1]!);
  for (const s of sentencesOf(text)) {
    const marked = [...s.matchAll(MARKED_NAMES)].flatMap((m) =>
      [...m[1]!.matchAll(/["“*]([^"”*]+)["”*]/g)].map((q) => q[1]!.replace(/\s+/g, ' ').trim()),
    );
    if (marked.length) {
      out.push(...marked);
      continue;
    }
    const first = FIRST_ITEM.exec(s);
    if (first) {
      const items = s.slice(first.index + first[0].length).split(NEXT_ITEM);
      out.push(...items.map((item) => trimTopic(item.replace(/^an?\s+/i, ''))));
      continue;
    }
    const include = TOPICS_INCLUDE.exec(s);
    const included = include ? (include[1] ?? include[2]!) : '';
    if (include && !NOT_CONTENT.test(included.trim())) {
      out.push(...namedInTurn(included));
      continue;
    }
    const is = AGENDA_IS.exec(s);
    // "A draft agenda is at https://...", "the agenda is formed by consensus": where it lives or
    // how it is made, not what it holds.
    if (is && !NOT_CONTENT.test(is[1]!.trim())) {
      out.push(trimTopic(is[1]!));
      continue;
    }
    const hope = HOPING.exec(s);
    if (hope) {
      out.push(trimTopic(hope[1]!));
      continue;
    }
    // Someone's request the chair relays ("I added a slot re X", "X - maybe worth discussing").
    const phrases = proposalPhrases(s).filter((p) => p.topic !== '' && !isPointer(p.topic));
    if (phrases.length) {
      out.push(...phrases.map((p) => p.topic));
      continue;
    }
    // "We'll be talking about X - shoot me an email if you'd like an invite": the topics before the dash.
    const head = s.split(/\s+[-–—]+\s+/)[0]!;
    const will = BOILERPLATE_WORDS.test(head) ? null : WILL_TALK.exec(head);
    // The call's own boilerplate ("please send any topic") names none.
    if (BOILERPLATE_WORDS.test(s)) {
      if (will) out.push(...namedInTurn(will[1]!));
      continue;
    }
    const shares = CHAIR_SHARES.exec(s);
    if (shares) out.push(trimTopic(shares[1]!));
    const has = HAVE_PRESENT.exec(s);
    if (has) out.push(`${trimTopic(has[2]!)} (${has[1]!})`);
    const a = thisCall(s);
    out.push(...a);
    if (will && !shares && !has && !a.length) out.push(...namedInTurn(will[1]!));
  }
  return out;
}

/**
 * What a sentence says this call takes up ("For the meeting this week, we will focus on new text covering
 * the remaining major points from Sessions, the ticket covering MPI_INFO_ENV before Init, and - if there is
 * time left - tool UIDs.", the MPI Forum's chair, 2019): one topic, or one per item of a series. A chair's
 * call states it beside any list (rules/chair-call.ts).
 */
export function thisCall(sentence: string): string[] {
  // "... the new time for all Review Club sessions going forward" (git 2023): a name, not the verb.
  const a = THIS_CALL.exec(sentence);
  // "Only 3 projects will show up today, so review 4 and 5 can go from the list" (OSGeo 2017): items by number.
  if (!a || /^\p{Lu}/u.test(a[1]!) || /^(?:items?\s+|#)?\d/i.test(a[2]!)) return [];
  const what = a[2]!.replace(/\s+[-–—]\s+[^-–—]{1,40}?\s+[-–—]\s+/g, ' ');
  // A series of three or more: "A, B, and C", "A, B and C" (not "A, and continue our discussion on B").
  const series = /^[^,]+(?:,(?!\s*and\b)\s*[^,]+)+,?\s+and\s+[^,]+$/.test(what.replace(/[.!?]\s*$/, ''));
  return (series ? namedInTurn(what) : [trimTopic(what)]).filter((t) => t !== '' && !isPointer(t));
}

// "Some of the latest upstream proposals", "a wide variety of topics about X Window System technologies", "mmap
// support ... and whatever else comes", "For more info, see the meeting logs" (guest_memfd 2025, the X Developer's
// Meeting 2004, I2P 2004): beside a list, a sentence that names topics only in general or points elsewhere.
const ONLY_IN_GENERAL = /\b(?:topics?|proposals|things|stuff|whatever|info(?:rmation)?|see)\b/i;

// Beside a list, only a sentence that names the call by when it meets: not "for this session I propose to focus on X" (a
// member's tagged proposal, LSF/MM 2020) nor "Today ... who actively review patches" (a summit's report, 2017).
const THIS_MEETING = /\b(?:this\s+(?:week|call|meeting)|tomorrow|next\s+week)\b/i;

/** The topics a chair's call names in sentences about this call, beside its lists. */
export function thisCallTopics(text: string): string[] {
  return sentencesOf(text)
    .filter((s) => THIS_MEETING.test(s))
    .flatMap(thisCall)
    .filter((t) => !ONLY_IN_GENERAL.test(t));
}

/**
 * The topics of "merging (bcachefs is in linux-next now), going over bugs/areas to focus on, and
 * generally coordinating": one per comma, and per "and" before another "-ing" activity; asides in
 * parentheses and the call's routine left out.
 */
function namedInTurn(phrase: string): string[] {
  const flat = phrase.replace(/\s*\([^()]*\)/g, '');
  return flat
    .split(/,?\s+as\s+well\s+as\s+|,\s*(?:and\s+)?|\s+and\s+(?=(?:generally\s+)?\w+ing\b)/i)
    .map((p) => trimTopic(p.replace(/^(?:going\s+over|talking\s+about|discussing|looking\s+at)\s+/i, '')))
    .filter((p) => p !== '' && !ROUTINE.test(p));
}
