/**
 * Topics a chair's call states in prose rather than in a list (rules/chair-call.ts asks for them
 * when the call lists none): quoted suggestions on lines of their own, "the agenda will be mostly
 * X", "this week we'll focus on X", "I'll share some details from X", "we'll have Ackerley give us
 * an overview of X", and requests the chair relays ("Thomas wants to talk about X").
 */
import { proposalPhrases, sentencesOf, trimTopic } from './phrases.js';
import { regex } from './patterns.js';

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
const THIS_CALL = regex(
  'i',
  String.raw`\b(?:this\s+(?:week|call|time|meeting|session)|today|tomorrow|next\s+week|for\s+this\s+call)\b.*?\b(?:to\s+)?`,
  String.raw`(?:discuss(?:ing)?|talk\s+about|cover|review|focus\s+on)\s+(.+)`,
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
const NOT_CONTENT = regex(
  'i',
  String.raw`^(?:at|in|on|here|available|attached|below|above|linked|posted|kept|maintained|formed|decided|set|determined|built|`,
  String.raw`made|published|finali[sz]ed|subject\s+to|tbd|still|not|being|going|to\s+be|usually|always|open|empty)\b`,
);
// A quoted suggestion standing on its own line.
const QUOTED_LINE = /^\s*["“]([^"”\n]{8,160})["”]\s*$/gm;

/** Topics a call states in prose: quoted suggestions, "agenda will be X", "X wants to talk about Y". */
export function proseTopics(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(QUOTED_LINE)) out.push(m[1]!);
  for (const s of sentencesOf(text)) {
    const is = AGENDA_IS.exec(s);
    // "A draft agenda is at https://...", "the agenda is formed by consensus": where it lives or
    // how it is made, not what it holds.
    if (is && !NOT_CONTENT.test(is[1]!.trim())) {
      out.push(trimTopic(is[1]!));
      continue;
    }
    // Someone's request the chair relays ("I added a slot re X", "X - maybe worth discussing").
    const phrases = proposalPhrases(s).filter((p) => p.topic !== '');
    if (phrases.length) {
      out.push(...phrases.map((p) => p.topic));
      continue;
    }
    // The call's own boilerplate ("please send any topic") names none.
    if (/\b(?:please|send|any\s+topic|if\s+you|anything\s+else)\b/i.test(s)) continue;
    const shares = CHAIR_SHARES.exec(s);
    if (shares) out.push(trimTopic(shares[1]!));
    const has = HAVE_PRESENT.exec(s);
    if (has) out.push(`${trimTopic(has[2]!)} (${has[1]!})`);
    const a = THIS_CALL.exec(s);
    if (a) out.push(trimTopic(a[1]!));
  }
  return out;
}
