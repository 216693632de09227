/**
 * Phrases that propose a topic only in answer to a call for agenda items (rules/call-reply.ts):
 * "I'd like to add X", "I would be interested in X", "I'd like to join the discussion about X", "I'll work
 * on X", and in a direct answer "What about X?".
 * Elsewhere "we want to add a function to X" is code and "what about the locking?" is review.
 */
import type { Phrase } from './phrases.js';
import { sentencesOf, trimTopic } from './sentences.js';
import { regex } from '../extract/patterns.js';
import { topicWords } from './topic-match.js';

// "if there's a waiting list I'd like to add enabling cgroups memory accounting": in answer to a
// call (or its agenda), adding is proposing. Elsewhere "we want to add a function to X" is code.
const LIKE_TO_ADD = regex(
  'i',
  // "I would maybe add to the list GPU/accel interoperability" (dri-devel 2024, in the BoF's thread).
  String.raw`\b(?:i'?d|i\s+would|we'?d|we\s+would)\s+(?:also\s+|maybe\s+|perhaps\s+)?(?:like\s+to\s+)?add\s+`,
  String.raw`(?:to\s+the\s+(?:list|agenda)\s+)?`,
  String.raw`(?!that\b|to\b|my\b|more\b|some\s+(?:context|comments?|notes?)\b|a\s+(?:comment|note|few\s+words)\b)(.+)`,
);

// "I would be interested in the general idea on handling complex cameras": in answer to a call, a
// wish to discuss (linux-media 2019); "I'm interested" alone is support (call-reply.ts's LOGISTICS).
const WOULD_BE_INTERESTED = regex(
  'i',
  String.raw`\b(?:i|we)(?:'d|\s+would)\s+(?:also\s+|really\s+|definitely\s+)?be\s+(?:very\s+|most\s+)?interested\s+in\s+`,
  // "(if anyone disagrees I'd be very interested in hearing counter-arguments)": an aside, no topic.
  String.raw`(?:discussing\s+|talking\s+about\s+|hearing\s+about\s+)?(?!(?:hearing|seeing|knowing|your|any|feedback|comments)\b)(.+)`,
);

// "I would like to attend remotely the discussion about OMPIO as well", "I would like to participate
// in PMI and modex discussions remotely" (Open MPI 2014, answering "Are there any other topics that
// people wanted to remote in to?"): the discussion the writer asks to join is a topic for the meeting.
const JOIN_DISCUSSION = regex(
  'i',
  String.raw`\b(?:i|we)(?:'d|\s+would)\s+(?:also\s+|really\s+)?(?:like|love|want)\s+to\s+`,
  String.raw`(?:attend|join|participate\s+in|take\s+part\s+in|listen\s+(?:in\s+)?(?:on|to)|`,
  String.raw`dial\s+in(?:to|\s+(?:to|for))?|remote\s+in(?:to|\s+(?:to|for))?)\s+(?:remotely\s+|virtually\s+)?(?:the\s+)?`,
  // "I would like to join both discussions" (USB mini-summit 2011) names none of its own.
  String.raw`(?!(?:both|all|these|those|either|any|the\s+other|this|that)\b)`,
  String.raw`(?:discussions?\s+(?:about|on|of|regarding|around)\s+([^.!?\n]{2,80}?)|([^.!?\n]{2,80}?)\s+(?:discussions?|sessions?))`,
  String.raw`(?:\s+(?:remotely|virtually|via\s+\w+))?(?:\s+as\s+well|\s+too)?\s*(?:[.!]|$)`,
);

// "What about NVMeoF as file system backing store?" (linux-fsdevel 2024, answering the kdevops BoF's
// call): a direct answer's question names a topic; not one about when ("What about next Tuesday?").
// 'How about a "Debian Woody burn fest" or something.' (ILUGC 2002, answering "Agenda?"); not "how
// about we ..." (a question about what to do, proposalPhrases reads it).
const WHAT_ABOUT =
  /\b(?:what|how)\s+about\s+(?!(?:we|you|i|they|next|this)\b)([^?.\n]{2,100}?)(?:\s+or\s+something(?:\s+like\s+that)?)?\s*[?.!]/gi;
const WHEN = /^(?:next|this|tomorrow|today|\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|the\s+(?:time|date|call|meeting|slot)\b)/i;
/** The topics a direct answer asks about ("What about X?", "How about X or something."), when X is no day or time. */
export function whatAbout(text: string): Phrase[] {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return [...flat.matchAll(WHAT_ABOUT)]
    .filter((m) => !WHEN.test(m[1]!))
    .map((m) => ({ topic: trimTopic(m[1]!.replace(/^(?:a|an|the)\s+(?=["“])/i, '')), sentence: m[0] }));
}

// "Count me in. I'll probably try and do some more work on Twisted Names." (twisted-python 2013, answering
// the sprint's call): what the writer will work on is what they bring. Elsewhere it is news of their work.
const WILL_WORK_ON = regex(
  'i',
  // Not "Not sure what I'll work on yet" (twisted-python 2010): what is still open. Not "we'll work on
  // allowing the admin to disable services" (OpenBMC 2020, the chair's highlights): the team's plan.
  String.raw`(?<!\b(?:what|which|where)\s+)\bi(?:'ll|\s+will|'d\s+like\s+to|\s+would\s+like\s+to|`,
  String.raw`\s+plan\s+to|'m\s+planning\s+to|\s+hope\s+to)\s+`,
  String.raw`(?:probably\s+|likely\s+|mostly\s+|also\s+)?(?:(?:try|aim)\s+(?:and|to)\s+)?(?:be\s+working|work|hack|`,
  String.raw`do\s+(?:some\s+)?(?:more\s+)?(?:work|hacking))\s+on\s+(?!(?:it|this|that|them|something|yet|next|first|later|then)\b)(.+)`,
);

/** "I'd like to add X", "I would be interested in X", "I would like to join the X discussion": what a reply to a call adds. */
export function addPhrases(text: string): Phrase[] {
  return sentencesOf(text).flatMap((sentence) => {
    const m =
      LIKE_TO_ADD.exec(sentence) ?? WOULD_BE_INTERESTED.exec(sentence) ?? JOIN_DISCUSSION.exec(sentence) ?? WILL_WORK_ON.exec(sentence);
    const topic = m?.[1] ?? m?.[2];
    return topic !== undefined ? [{ topic: trimTopic(topic), sentence }] : [];
  });
}

/**
 * True when a reply's opening talks about what it quotes: "Memory pools and queue API are more of
 * stack features." under a call listing "extension to memory pools" and "new APIs for managing
 * queues" (netdev 2024) comments on listed topics; it puts none of its own.
 */
export function aboutWhatIsQuoted(opening: string, quoted: string): boolean {
  // "API" and "APIs": topicWords folds plurals of words, not of acronyms.
  const words = (line: string): string[] => [...topicWords(line)].map((w) => w.replace(/s$/, ''));
  const own = words(opening);
  if (own.length < 2 || quoted.trim() === '') return false;
  const there = new Set(quoted.split('\n').flatMap(words));
  return own.filter((w) => there.has(w)).length * 2 > own.length;
}
