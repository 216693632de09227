/**
 * What introduces a list of topics (issue 8, "Chairs' lists not seen"): "The current topics:",
 * "The agenda includes:", "Tentative agenda", "We will be covering the following items:",
 * "I have a couple:". Only the sentence right before the list counts, so "Access, agenda, and
 * notes are in the wiki" two sentences earlier does not make a list of join details an agenda,
 * and "so far we are discussing:" (an outline of one topic) is no agenda either.
 */
import { regex } from './patterns.js';

const AGENDA_INTRO = regex(
  'i',
  String.raw`\b(?:topics?|agenda|items?|a\s+couple(?:\s+of\s+(?:things|points))?|schedule|`,
  String.raw`(?:we|i)(?:'ll|\s+will|\s+are\s+going\s+to)\s+(?:be\s+)?(?:cover|discuss|go(?:ing)?\s+over|talk(?:ing)?\s+about)\w*)\b`,
);

/** The last sentence of an intro: what stands right before the list. */
export function lastSentence(intro: string): string {
  return (intro.split(/(?<=[.!?])\s+/).at(-1) ?? '').slice(-160);
}

/** True when the words before a list introduce topics or an agenda. */
export function introducesTopics(intro: string): boolean {
  return AGENDA_INTRO.test(lastSentence(intro));
}
