/**
 * Prose cut into the units the proposal phrases read: sentences (a paragraph's wrapped lines joined),
 * and a captured topic trimmed where it stops naming a topic (the call it is for, a reason, an
 * audience). Shared by every rule that reads proposals written as sentences.
 */
import { regex } from '../extract/patterns.js';

/** Sentences of a text: paragraphs with line wraps joined, split at . ? ! followed by space. */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  // A paragraph's lines that each address someone ("@Juergen: ...") are sentences of their own.
  for (const para of text.split(/\n\s*\n|\n(?=\s*@[\p{L}][\p{L}.-]*\s*:)/u)) {
    // One indented line after a colon, the margin text resuming after it, is a name set apart
    // ("a new feature:\n    TDX Live Migration\nHe wanted 1h"): it ends the sentence.
    const flat = para
      .replace(/:\n([ \t]+)([^\n]*[^\s.?!:])\n(?=\S)/g, ': $2.\n')
      .replace(/\s*\n\s*/g, ' ')
      .replace(/[’‘]/g, "'")
      .trim();
    if (!flat) continue;
    for (const s of flat.split(/(?<=[.?!])\s+(?=[A-Z"(])/)) if (s.trim()) out.push(s.trim());
  }
  return out;
}

// Where a topic phrase stops: the place/time it is for, a reason, or the sentence end.
const TOPIC_END = regex(
  'i',
  String.raw`\s+(?:at|in|during|on|for|over)\s+(?:the\s+|our\s+|this\s+|a\s+|`,
  String.raw`next\s+|tomorrow'?s?\s+|today'?s?\s+)?(?:next\s+|`,
  String.raw`upcoming\s+|coming\s+|\d{4}-\d{2}-\d{2}\s+)?(?:\w+\s+){0,4}(?:call|`,
  String.raw`meeting|summit|session|office\s+hours?|sync(?:-up)?|wg|workgroup|`,
  // "on tomorrow's teleconference", "at the Tues telecon" (Open MPI devel): the call, in one word.
  // "... at the sprint next week" (Mapnik 2010), "at the BoF", "at the hackfest".
  String.raw`working\s+group|conference|tele?con(?:f(?:erence)?)?|con-?call|sprint|bof|hack-?fest|hackathon|workshop|meet(?:up)?)\b.*$|`,
  String.raw`\s+or\s+(?:during|`,
  String.raw`at|in|on)\b.*$|\s+(?:in|on|over|via)\s+(?:the\s+)?(?:mail(?:ing)?\s+(?:chain|`,
  String.raw`list|thread)|list|e-?mail|review)\b.*$|\s+with\s+(?:more\s+)?(?:anybody|anyone|everybody|people|`,
  String.raw`folks|everyone|others|you)\b.*$|\s*(?:[-–—]\s+we|`,
  // "presenting more information about -fanalyze to kernel and toolchain developers there": the audience.
  String.raw`\s+to\s+(?:the\s+)?(?:[\w+-]+\s+){0,4}(?:developers|hackers|folks|people|audience|community|maintainers|attendees)\b.*$|`,
  String.raw`,\s+(?:as|since|because|so|which|if|but|or|please)\b|`,
  String.raw`\s+please\b|\s+(?:because|since)\b).*$|[.?!;]+\s*$`,
);

/** Trim a captured topic at the place/time it names and at the sentence's end. */
export function trimTopic(raw: string): string {
  // "I'd like to discuss also, as time permits, handling of EXIF files" (linux-media 2011).
  let t = raw.trim().replace(/^(?:(?:also|too|additionally),?\s+)?(?:(?:as|if)\s+time\s+(?:permits|allows),?\s+)?/i, '');
  // "(among other topics already suggested) the following topics": an aside before the object.
  t = t.replace(/^\([^()]{0,80}\)\s*/, '');
  // "a discussion topic on "Energy model accuracy" that I hope to present": the name in quotes.
  const quoted = /^["“]([^"”\n]{3,100})["”](?=\s*$|\s*[,.;:!?]|\s+(?:that|which|who|i|we|as|at|for|in|on)\b)/i.exec(t);
  if (quoted) t = quoted[1]!;
  for (let i = 0; i < 3; i++) {
    const next = t.replace(TOPIC_END, '').trim();
    if (next === t) break;
    t = next;
  }
  return t.replace(/^(?:about|on|the\s+topic\s+of)\s+/i, '').trim();
}

/** "we'll", "I will", "we're going to", "I am going to": the writer saying what is to come (a pattern fragment). */
export const WRITER_WILL = String.raw`\b(?:we|i)(?:'ll|\s+will|'re\s+going\s+to|\s+are\s+going\s+to|'m\s+going\s+to|\s+am\s+going\s+to)`;
