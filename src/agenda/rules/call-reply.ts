import { asksForItems } from '../extract/call-detect.js';
import { isChairMail } from '../extract/chair-mail.js';
import { formTopics, isRuleLine, restatesCall } from '../reading/proposal-form.js';
import { namesSessionFormat } from '../reading/session-format.js';
import { isSupportOnly } from '../extract/exclusions.js';
import { saysCancelled } from '../extract/cancellation.js';
import { listBlocks } from '../reading/list-blocks.js';
import { continuesQuotedList, openingList, paragraphTopics } from '../reading/reply-outline.js';
import { regex } from '../extract/patterns.js';
import { meetingsNamedIn, namedDateIn, routeMeeting } from '../extract/meeting-match.js';
import { isPointer, proposalPhrases } from '../wording/phrases.js';
import { aboutWhatIsQuoted, addPhrases, whatAbout } from '../wording/reply-phrases.js';
import { makeCandidate, present, type RuleEnv } from '../extract/rule-env.js';
import { contentLines, firstSentence, listAt, stripGreeting } from '../reading/text.js';
import { renamedSubject } from '../wording/title.js';
import { LOGISTICS, openingNamesNoTopic, PLEASANTRY } from '../wording/reply-opening.js';
import type { Candidate } from '../extract/types.js';

// A line that introduces a list of topics: "Topics:", "I'd like to add these items:", "My agenda items:".
// "I'd love to hear about:", "I've offered to present the following (as a last resort <wink>):" (the
// Python Language Summit 2016, a committer's answer to the call): the writer's wishes and offers.
// "More issues:" over "- aio once again", "- refactoring the dio code ..." (Christoph Hellwig's answer to the
// call for a VM/FS meetup, linux-mm 2007): what the writer adds to the call's own list.
const LIST_HEADER = regex(
  'i',
  String.raw`\b(?:topics?|agenda|items?|discuss|propos\w*|suggest\w*|talk about|hear about|(?<!\bat\s)present|`,
  String.raw`(?:more|other|additional|further)\s+(?:issues|subjects|areas|things))\b[^\n]{0,80}:\s*$`,
);
// Deeper in the thread a list must be offered as topics ("More topics (if we have time):", "I'd like
// to add:"), not a list that takes a topic apart ("I think there's two different main topics here:").
const OFFERED_LIST_HEADER = regex(
  'i',
  String.raw`\b(?:(?:more|other|additional|further|new|my|our)\s+`,
  String.raw`(?:topics?|items?|agenda\s+items?|proposals?|suggestions?|issues|subjects)|`,
  String.raw`agenda|propos\w*|suggest\w*|(?:i'?d|we'?d|i\s+would|we\s+would)\s+(?:also\s+)?like\s+to\s+(?:add|discuss|talk\s+about)|`,
  String.raw`(?:i|we)\s+(?:also\s+)?have\s+(?:a|an|one|two|some)\s+(?:more\s+)?(?:topics?|items?))\b`,
);
// "We have a topic for the call:" and, after it, the topic on a line (a paragraph) of its own.
const ONE_TOPIC_HEADER = /\b(?:a|one|the\s+following)\s+(?:topic|item)\b[^\n]{0,80}:\s*$/i;
// "- What it is and what it can do", "- Where should it be hosted?": a list of questions under "I'd
// like to talk about:" is the outline of one topic named before it (linux-media 2024), not topics.
// "- minimal size per filesystem - do we want it?" names its topic before the question: no outline.
const QUESTION_ITEM =
  /^(?:what|where|when|why|how|which|who|whether|is|are|can|could|should|do|does)\b|^(?![^?]*\s[-–—:]\s)[^?]*\?\s*(?:\(.*\))?\s*$/i;
// "What do people think about guard() vs scoped_guard()?": in answer to a call, a question put to
// everyone on it is a topic for it (netdev 2024-05-07, after a patch link to "discuss and poll about").
const OPINIONS = regex(
  'i',
  String.raw`\bwhat\s+do\s+(?:people|folks|others|you\s+all|you\s+guys|everyone|everybody|we\s+all)\s+`,
  String.raw`think\s+(?:about|of)\s+([^?\n]{3,120}?)\s*(?:\?|\.(?:\s|$))`,
);
const SEVERAL_OF_MINE = regex(
  'i',
  String.raw`\b(?:i|we)\s+(?:also\s+)?have\s+(?:some|a\s+few|a\s+couple\s+of|two|three|several|more|other)\s+`,
  String.raw`(?:\w+\s+){0,2}?(?:topics|items|proposals|subjects)\b`,
);
// "Things I'd be interested in hearing / talking about that haven't yet been mentioned." a paragraph
// or two above the list (git 2019, to the contributor summit's call): the writer's topics.
const MY_WISHES = regex(
  'i',
  String.raw`\b(?:things|topics|items|stuff)\s+(?:that\s+)?(?:i|we)(?:'d|\s+would)\s+(?:(?:also|really)\s+)?`,
  // "There are two topics I'd be keen to discuss, both in the KVM + memory-management realm:" (LPC 2023).
  String.raw`(?:be\s+interested\s+in|be\s+keen\s+to\s+(?:talk|discuss|present|cover)|`,
  String.raw`like\s+to\s+(?:talk|hear|discuss|present|cover|(?:hold|have)\s+a\s+discussion))\b`,
);
/** The text of up to `count` paragraphs right above line `start`. */
function paragraphsBefore(lines: readonly string[], start: number, count: number): string {
  let seen = 0;
  let i = start - 1;
  while (i >= 0 && lines[i]!.trim() === '') i--;
  const from = i;
  for (; i >= 0; i--) if (lines[i]!.trim() === '' && lines[i + 1]!.trim() !== '' && ++seen === count) break;
  return lines.slice(i + 1, from + 1).join(' ');
}
/** The intro's last sentence, however long ("I have some topics which ..., e.g."). */
const wholeLastSentence = (intro: string): string => intro.split(/(?<=[.!?])\s+(?=\p{Lu})/u).at(-1) ?? '';
// "*Call for Participation*" on a line of its own: the mail is another event's call.
const ANOTHER_CALL = /^[\s*_=#-]*call\s+for\s+(?:participation|participants|papers|proposals|speakers|presentations|talks)[\s*_=#!:-]*$/im;
// A standalone quoted line, a paragraph of its own: the topic, as people quote a suggestion ("Move CI to
// GitLab."). Not quoted words that end a wrapped list item ("- can you count the number of times the
// minutes ask that\n  "discussions be carried on on the list"", the IETF CCAMP chair, 2004).
const QUOTED_LINE = /(?:^|\n[ \t]*\n)[ \t]*["“]([^"”\n]{8,160})["”][ \t]*(?=\n[ \t]*\n|\n?$)/;
// "Specific suggestions to improve San Diego agenda [Was RE: San Diego Agenda issues]" (the same thread):
// a subject about the agenda itself names no topic on it.
const ABOUT_THE_AGENDA = /\bagenda(?:\s+(?:issues?|planning|changes?|suggestions?|comments?|concerns?|problems?))?\s*(?:\[was\b.*)?$/i;

/**
 * Rule 2: a reply to a call for agenda items (convene's own call, or one matched by `calls`)
 * proposes the topics in its OWN text: a list after a topics header, proposal phrases ("I'd like
 * to discuss X"), a quoted suggestion, and, for a direct answer to the call, a one-line body or
 * the opening sentence. The quoted call never counts (bodyText holds only the author's text).
 */
export function callReplyRule(env: RuleEnv): Candidate[] {
  const { thread, msg } = env;
  if (!env.isReply || !(thread.parentIsCall || thread.rootIsCall) || env.isMinutes) return [];
  const text = env.text;
  // A reply that reposts the call ("Important Dates", "Submit Your Proposal" as its headings) proposes nothing.
  if (text === '' || isSupportOnly(text) || restatesCall(text)) return [];
  const meeting = routeMeeting([], env.meetings, thread.callMeetingId);
  // Another meeting's call sent in this call's thread (LSS Europe's call as a reply to LSS North
  // America's, 2025) announces that meeting; it answers nothing here. The chair's own next call in
  // the thread ("Mark your calendars", its "When?" and "Who?" headings; Mapnik 2010) is read as a
  // call (chair-call.ts), not as an answer.
  const fromCaller = thread.callFrom?.toLowerCase() === env.author;
  if (!meeting || (env.callMeeting && (env.callMeeting.id !== meeting.id || fromCaller))) return [];
  const namedDate = thread.callDate ?? namedDateIn(text, msg.date);
  // "Refereed Presentations: 45 minutes in length" (another event's call for papers in this thread) says how, not what.
  const make = (title: string, confidence: number): Candidate | null =>
    namesSessionFormat(title) ? null : makeCandidate(env, meeting.id, 'call-reply', title, confidence);

  // A direct answer: to the call itself, or in a call's thread whose parent is not stored.
  const direct = thread.parentIsCall || (thread.rootIsCall && thread.parentSubject === null);
  // A direct answer written as an outline of sections, one topic each: the lists and phrases
  // inside a section ("I am proposing a discussion on how to solve this:" over its options) are
  // about that section's topic.
  const outline = direct && !fromCaller ? openingList(text) : [];
  if (outline.length >= 2) return present(outline.map((t) => make(t, 0.7)));
  // A list introduced as topics is an explicit proposal anywhere in the call's thread ("More topics
  // (if we have time): - X"); only the opening-sentence guess below needs a direct answer.
  const lines = text.split('\n');
  const fromLists: string[] = [];
  let outlined = false;
  for (let i = 0; i < lines.length; i++) {
    if (!LIST_HEADER.test(lines[i]!) || (!direct && !OFFERED_LIST_HEADER.test(lines[i]!))) continue;
    const { items, end } = listAt(lines, i + 1);
    const single = items.length === 0 && ONE_TOPIC_HEADER.test(lines[i]!) ? titleLineAt(lines, i + 1) : null;
    const outline = items.length >= 2 && items.filter((t) => QUESTION_ITEM.test(t.trim())).length * 2 >= items.length;
    if (outline) outlined = true;
    else fromLists.push(...(single !== null ? [single] : items));
    if (end > i) i = end - 1;
  }
  // "I have some topics which overlap between live-patching and toolchain bits, e.g." over a bulleted
  // list, each item with its paragraph (LPC 2023, to the Live Patching MC's call): the writer's topics,
  // even when some are asked as questions ("How is this going to work with rust?").
  // "There are a few things I'd like to hold a discussion about..." over one list, "Also, other odd
  // topics:" over the next (LSF/MM 2013): both are the writer's.
  if (!outlined)
    for (const b of listBlocks(text))
      if (SEVERAL_OF_MINE.test(wholeLastSentence(b.intro)) || MY_WISHES.test(paragraphsBefore(lines, b.start, 2)))
        fromLists.push(...b.items.map((i) => i.text).filter((t) => !fromLists.some((f) => f.trim() === t.trim())));
  // Deeper in the thread, a list from the first line that goes on with the list the writer quotes.
  if (!direct && !fromCaller && !fromLists.length && continuesQuotedList(text, msg.quotedText)) fromLists.push(...openingList(text));
  if (fromLists.length) return present(fromLists.map((t) => make(t, 0.85)));
  // The proposal is the topic its questions outline; its name is in prose this rule cannot title.
  if (outlined) return [];
  // "Title: X / Presenter: Y / Description: ...", or a document headed by its title.
  const forms = formTopics(text);
  if (forms.length) return present(forms.map((f) => make(f.presenter ? `${f.title} (${f.presenter})` : f.title, 0.85)));
  // "I can think of a couple more areas ...:" over a paragraph per area (Media Summit 2022).
  const paragraphs = paragraphTopics(text);
  if (paragraphs.length) return present(paragraphs.map((t) => make(t, 0.8)));

  // A direct answer under a subject of its own names its topic there, as a new thread would; its
  // body argues for it ("I would like to discuss extending the API"). "GUI Design Workgroup - BMCWeb
  // login change" (OpenBMC 2020) is about a point of the call, under the meeting's name.
  const renamed = direct && !fromCaller ? renamedSubject(msg.subject, thread.parentSubject) : null;
  // "[Announce] Linux Security Summit Europe 2025 CfP" under a subject of its own asks for proposals:
  // another call, whose opening ("The Call for Participation ... is now open") is no topic either.
  if (renamed !== null && (asksForItems(renamed) || ABOUT_THE_AGENDA.test(renamed))) return [];
  if (renamed !== null && !LOGISTICS.test(renamed) && meetingsNamedIn(renamed, env.meetings).length === 0)
    return present([make(renamed, 0.8)]);
  const all = [...addPhrases(text), ...(direct ? whatAbout(text) : []), ...proposalPhrases(text)];
  const phrases = all.filter((p) => p.topic !== '' && !isPointer(p.topic));
  if (phrases.length) return present(phrases.map((p) => make(p.topic, 0.8)));
  if (all.length) return []; // "I'll be glad to talk about this": about a topic already listed

  const quoted = QUOTED_LINE.exec(text);
  if (quoted) return present([make(quoted[1]!, 0.7)]);

  // A direct answer to the call with no phrase: its opening states the topic, unless it is
  // about the call itself or comes from the call's own author (reminders, cancellations).
  // A call the archive lacks may have come from anyone: its replies give only explicit proposals.
  if (!direct) return [];
  // An answer that is a list from its first line ("- X\n- Y", no header) puts each item to the
  // call, whoever sends it: a co-chair's topics too (KVM/QEMU call 2024-07-09).
  const listedFirst = outline; // read above: a list from the first line, here of one item
  if (listedFirst.length) return present(listedFirst.map((t) => make(t, 0.7)));
  // Comments written between the quoted call's lines ("To be precise, this will be both hot plug and
  // hot unplug" under a quoted agenda item, linux-media 2015) are about what they follow, not topics.
  if (thread.callLost === true || fromCaller || msg.inlineReply === true) return [];
  // "4th sat is Bakrid, and there is a chennaipy meet on that day" under "ILUGC Meet Cancelled" (ILUGC
  // 2009): answers to a call taken off are about when, not what. A "Call for Participation" of another
  // event posted in answer (the NGO-in-a-Box workshop, the same thread) opens with that event's name.
  if (saysCancelled(thread.callSubject ?? '') || ANOTHER_CALL.test(text)) return [];
  const asked = OPINIONS.exec(text.replace(/\s*\n\s*/g, ' '));
  if (asked) return present([make(asked[1]!, 0.6)]);
  // Nor from a co-chair: "Just a reminder. Please do not forget to send the ATTEND request."
  if (isChairMail(msg, meeting) === true) return [];
  const body = stripGreeting(text).replace(PLEASANTRY, '');
  const first = contentLines(body)[0] ?? '';
  // "There was also:" followed by a list: the list's first item is the topic.
  const listed = first.trim().endsWith(':') ? listAt(body.split('\n'), body.split('\n').indexOf(first) + 1).items : [];
  if (listed.length) return present(listed.map((t) => make(t, 0.6)));
  const headed = headedAfterIntro(body);
  if (headed) return present([make(headed, 0.6)]);
  const opening = contentLines(body).length === 1 ? body.trim() : firstSentence(body);
  if (openingNamesNoTopic(opening) || aboutWhatIsQuoted(opening, msg.quotedText)) return [];
  // Only a reply sent before the call can put its opening to it: after the call it is follow-up.
  return present([makeCandidate(env, meeting.id, 'call-reply', opening, 0.5, { followUp: true })]);
}

// "Jai Luthra:" on a line of its own: who presents the topic on the next line.
const PRESENTER_LINE = /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}:$/u;

/**
 * "Adding mine:" or "I have the following topic to discuss, required for X:", then the topic as a
 * heading line of its own ("Rust V4L2 support:", or "Jai Luthra:" above "Per-stream V4L2 controls")
 * with its description under it (linux-media, replies to the Media Summit's requests for topics).
 */
function headedAfterIntro(body: string): string | null {
  const paragraphs = body.trim().split(/\n\s*\n/);
  if (paragraphs.length < 2 || !paragraphs[0]!.trim().endsWith(':')) return null;
  const lines = paragraphs.slice(1).join('\n\n').split('\n');
  let i = 0;
  // "-------%<---snip-------" above the proposal it cuts out.
  while (i < lines.length && (lines[i]!.trim() === '' || isRuleLine(lines[i]!))) i++;
  let presenter = '';
  if (PRESENTER_LINE.test(lines[i]?.trim() ?? '')) presenter = lines[i++]!.trim().slice(0, -1);
  const line = (lines[i] ?? '').trim().replace(/:$/, '');
  if (line === '' || line.length > 90 || line.split(/\s+/).length > 14 || /[.?!,;]$/.test(line)) return null;
  return presenter ? `${line} (${presenter})` : line;
}

/** The first non-blank line from `from` when it stands alone as a short paragraph: a title, not prose. */
function titleLineAt(lines: readonly string[], from: number): string | null {
  let i = from;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const line = lines[i]?.trim() ?? '';
  // "Openness Framework for ISPs" over a "-----" underline is a title too.
  const alone = (lines[i + 1] ?? '').trim() === '' || /^\s*[-=]{3,}\s*$/.test(lines[i + 1] ?? '');
  // "I'd like to add a topic for :" over "MAINTAINERS:" and its paragraphs (libcamera 2025): a short heading.
  const heading = /^([^.:]{2,60}):$/.exec(line)?.[1];
  if (heading !== undefined && alone && heading.split(/\s+/).length <= 6) return heading;
  return line !== '' && alone && line.length <= 100 && !/[.:]$/.test(line) ? line : null;
}
