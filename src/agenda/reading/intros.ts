/**
 * What introduces a list of topics (issue 8, "Chairs' lists not seen"): "The current topics:",
 * "The agenda includes:", "Tentative agenda", "We will be covering the following items:",
 * "I have a couple:". Only the sentence right before the list counts, so "Access, agenda, and
 * notes are in the wiki" two sentences earlier does not make a list of join details an agenda,
 * and "so far we are discussing:" (an outline of one topic) is no agenda either; sentences that
 * only ask for more ("Let me know if I missed any.") stand aside for the one before them.
 */
import { regex } from '../extract/patterns.js';

const AGENDA_INTRO = regex(
  'i',
  // "schedule" the noun, not "do we need to schedule something on the orchestrator" (ceph-devel 2019).
  String.raw`\b(?:topics?|agenda|items?|a\s+couple(?:\s+of\s+(?:things|points))?|(?<!\bto\s)schedule(?!\s+(?:something|it|them|a|an|one))|`,
  String.raw`discussions?|points|proposals|`,
  // "I'll kick things off with one suggestion:" (the ext4 BoF's call, LSF/MM/BPF 2024).
  // "Current responses:" (the Driver and H/W APIs Workshop's chair, netdev 2024): the topics sent in.
  // "I'd like to do the following talks:" (the ClangBuiltLinux meet-up 2019, answering its call for
  // presentations); not "We're particularly interested in talks that:" (what a talk should be like).
  // "Highlights at a Glance" over a conference's talks (sambaXP 2025).
  String.raw`suggestions?|subjects|subjects?\s+(?:that|which|we)|(?:current|received)\s+(?:responses|submissions)|submissions|highlights|`,
  // "* Index" over "1) Net status 2) 0.5 progress ..." (I2P's weekly status notes, 2005): the
  // contents of the mail that is the meeting's agenda.
  String.raw`(?:following|these|my|two|three|some|a\s+few)\s+(?:talks|presentations)|index|(?:table\s+of\s+)?contents)\b|`,
  // "This year's keynote presentations will be:" over "* Name (Org): Title" (PIRL 2019's call for
  // participation): the talks the meeting holds, named right above them.
  // "Current presentations for the X Developer's Meeting include:" (Jim Gettys' announcement, 2004):
  // the same, with the meeting named between.
  String.raw`\b(?:keynotes?|talks|presentations|sessions|lectures)(?:\s+(?:for|at|of)\s+[^.!?:]{1,60}?)?`,
  String.raw`\s+(?:will\s+be|are|include)\s*:\s*$|`,
  // "The goals for Committers and Cartographers will be:" (Mapnik's code sprint, 2010): a sprint's goals,
  // announced right above them, are its agenda; not "we might list out the high level goals." (Open MPI 2008).
  // "Goals of the first Minimal PyPython Marathon" boxed between rules (the first PyPy sprint's call, 2003).
  String.raw`\bgoals\b[^.!?:]*(?::|\s[-=_~*]{3,})\s*$|`,
  // "The tasks to be done are" over "1.Preparing letters to colleges/schools 2. Discussing about roles"
  // (ILUGC 2004, the volunteers' meet called in the same mail): what the meeting is to settle.
  String.raw`\b(?:tasks|things|issues|matters|questions)\s+(?:to\s+(?:be\s+)?(?:done|do|discuss(?:ed)?|decided?|settled?)|`,
  String.raw`for\s+(?:the|this|today'?s|tomorrow'?s)\s+(?:meet(?:ing)?|call))\b|`,
  // "a valuable forum for key engineering areas such as:" (LPC 2025, the Observability MC's call).
  String.raw`\b(?:areas|themes)(?:\s+of\s+(?:interest|focus))?(?:\s+(?:such\s+as|including|like))?\s*:\s*$`,
);
// "In this meeting we'll likely discuss:" (the guest_memfd call's invitations, 2024): an adverb may
// stand before the verb.
const HEDGE = String.raw`(?:(?:likely|probably|also|then|mostly|briefly)\s+)?`;
// "We will cover:", "we'll be discussing the following." A finished sentence that names its own
// object ("Note that at this call we will be discussing a new monthly time for the call.") does not
// introduce the list under it (xen-devel 2021-07: that list was the call's logistics).
const WILL_DISCUSS = regex(
  'i',
  String.raw`\b(?:we|i)(?:'ll|\s+will|\s+are\s+going\s+to)\s+${HEDGE}(?:be\s+)?`,
  String.raw`(?:cover|discuss|go(?:ing)?\s+over|talk(?:ing)?\s+about)\w*\b`,
);
// "... we will be discussing:", "I'd like to cover:": a list announced by the verb right before it.
// Only a future or a wish: "so far we are discussing:" lists the points of a running debate.
const ANNOUNCING_VERB = regex(
  'i',
  String.raw`\b(?:will|'ll|going\s+to|like\s+to|want\s+to|plan\s+to|to)\s+${HEDGE}(?:be\s+)?`,
  String.raw`(?:discuss(?:ing)?|cover(?:ing)?|talk(?:ing)?\s+about|go(?:ing)?\s+over|review(?:ing)?|focus(?:ing)?\s+on)`,
  // "A few things I'd like to talk about are:" (Nick Piggin's call for a VM/FS meetup, linux-mm 2007): the same,
  // said of the things.
  String.raw`(?:\s+(?:are|is|include|would\s+be|will\s+be))?`,
  // "We would like to discuss current problems in memory management, for example:" (LPC 2022, the
  // Kernel Memory Management MC's call): the list gives the examples.
  String.raw`(?:\s+[^.!?:]{1,100}?,?\s+(?:for\s+example|for\s+instance|e\.g\.|such\s+as|including))?\s*:\s*$`,
);

// "Those changes will be discussed on the tracks below:" (the V4L/DVB miniconf's schedule, LPC
// 2010): the same, said of the topics.
const WILL_BE_DISCUSSED = regex(
  'i',
  String.raw`\b(?:will|shall|going\s+to|to)\s+be\s+(?:discussed|covered|presented|addressed|talked\s+about)\b[^.!?:]{0,60}:\s*$`,
);

// "Note that currently I have:", "So far we have", "What I have so far is at <the agenda pad>": what the
// agenda holds now, above the list copied from it (xen-devel 2019); "This is what I've got so far:"
// (the Boot-Time SIG's reminder, 2025, under "will be available in the above document"); "For now we
// have:" (netdev 0x14's XDP workshop call, 2020).
const HOLDS_NOW = regex(
  'i',
  String.raw`\b(?:currently|so\s+far|for\s+now|at\s+the\s+moment|right\s+now)\s+(?:i|we)\s+have\s*:?\s*$|`,
  String.raw`\bwhat\s+(?:i|we)(?:\s+have|'ve)?\s+(?:have|got)\s+so\s+far\b`,
);

// "In this microconference we want to discuss ongoing developments around Linux support for memory
// encryption and confidential computing in general." right above the list of what in particular
// (LPC 2025 Confidential Computing MC call).
const WANT_TO_DISCUSS = String.raw`\b(?:we|i)\s+(?:want|plan|would\s+like|intend|hope)\s+to\s+(?:discuss|cover|talk\s+about)\b`;
const IN_GENERAL = regex(
  'i',
  String.raw`^\s*in\s+this\s+(?:[\w-]+\s+)?(?:conference|microconference|mc|session|track|summit|meeting|call),?\s+${WANT_TO_DISCUSS}|`,
  String.raw`${WANT_TO_DISCUSS}.*\bin\s+general\s*[.:]?\s*$`,
);

// "We are welcoming 30 minute presentations on topics covering, but not limited to:" (the Tracing
// Summit's call, 2022), "We are looking for proposals for topics in the following areas" (the
// Real-Time Linux Summit's, 2024): what the talks a programme committee will pick may be about, not
// topics put to the meeting (a microconference's "Topics of interest include:" are its leads' own).
const TALK_SCOPE = regex(
  'i',
  String.raw`\b(?:welcom\w*|looking\s+for|seeking|soliciting|invit\w*|accept\w*)\s+(?:[\w-]+\s+){0,4}?`,
  String.raw`(?:presentations?|talks?|proposals?|submissions?|papers?)\b.*\b(?:covering|in\s+the\s+following\s+areas|`,
  String.raw`in\s+areas\s+such\s+as)\b`,
);

/** True when a list is what a call for presentations says talks may cover, not topics. */
export function scopesTalks(intro: string): boolean {
  return TALK_SCOPE.test(lastSentence(intro));
}

// "Here are a few gems from the list:", "Here is what we have:": presents the list, says nothing of it.
const PRESENTS = /^(?:here\s+(?:are|is)|below\s+(?:are|is))\b[^.!?]{0,80}:\s*$/i;

// "I'd be interested in hearing if there are any other issues ...", "Maybe this thread will allow
// those who will not be at the OLS to give us some input." (OLS 2006's NUMA BoF): sentences after
// the one that introduces the list that only ask for more.
const INVITES_MORE = regex(
  'i',
  String.raw`\b(?:interested\s+in\s+hearing|let\s+(?:me|us)\s+know|feel\s+free|please\s+(?:send|add|reply|suggest|propose)|`,
  String.raw`(?:other|more|additional|further)\s+(?:topics|ideas|suggestions|issues|items)\s+(?:are\s+)?welcome|`,
  String.raw`those\s+who\s+(?:will\s+not|won't|can(?:no|')t|are\s+not|aren't)\s+(?:be\s+)?(?:at|attend|there|present))\b`,
);

const sentencesOfIntro = (intro: string): string[] => intro.split(/(?<=[.!?])\s+/);

/** The last sentence of an intro: what stands right before the list. */
export function lastSentence(intro: string): string {
  return (sentencesOfIntro(intro).at(-1) ?? '').slice(-160);
}

/** True when the words before a list introduce topics or an agenda. */
export function introducesTopics(intro: string): boolean {
  // "... add anything to the agenda below:", then "Airflow 3.3 and related Development Updates" on its line over
  // the list (the Airflow dev call's chair, 2026): a section's heading between the words that introduce and the list.
  const headed = /^(.*:)\s+(\p{Lu}(?:[^:.!?]|\.(?=\d)){2,60})$/su.exec(intro);
  if (headed && headed[2]!.split(/\s+/).length <= 8 && introducesTopics(headed[1]!)) return true;
  // "The Agenda has been published. Here are a few gems from the list:" (sambaXP 2024): a sentence
  // that only presents the list names what it is in the sentence before.
  const sentences = sentencesOfIntro(intro);
  const invites = sentences.findLastIndex((s) => !INVITES_MORE.test(s)) + 1;
  // Unless the asking sentence says itself what the list is ("If you would like to discuss a particular topic, please
  // let me know if you want to add anything to the agenda below:", the Airflow dev call's chair, 2026).
  const listIsTheAgenda = /\b(?:agenda|topics)\s+(?:below|as\s+follows)\s*:\s*$/i.test(sentences.at(-1) ?? '');
  if (invites > 0 && invites < sentences.length && sentences.length - invites <= 3 && !listIsTheAgenda)
    return introducesTopics(sentences.slice(0, invites).join(' '));
  if (PRESENTS.test(sentences.at(-1) ?? '') && AGENDA_INTRO.test(sentences.at(-2) ?? '')) return true;
  const last = lastSentence(intro);
  const will = WILL_DISCUSS.exec(last);
  const after = will ? last.slice(will.index + will[0].length) : '';
  const willIntroduce = will !== null && (!/[.!?]\s*$/.test(last) || /^\s*(?:the\s+following|these|below)\b/i.test(after));
  return (
    AGENDA_INTRO.test(last) ||
    willIntroduce ||
    ANNOUNCING_VERB.test(last) ||
    WILL_BE_DISCUSSED.test(last) ||
    HOLDS_NOW.test(last) ||
    IN_GENERAL.test(last)
  );
}
