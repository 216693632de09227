import type { AgendaMessage } from '../extract/types.js';
import { asksForItems } from '../extract/call-detect.js';
import { foreignGroups } from '../extract/group-names.js';
import { meetingsNamedIn, routeMeeting, type CompiledMeeting } from '../extract/meeting-match.js';
import { onlyTheMeeting, subjectProposal, withoutWhereItGoes } from '../extract/subject-meeting.js';
import { isPointer, proposalPhrases } from '../wording/phrases.js';
import { sentencesOf, trimTopic } from '../wording/sentences.js';
import { makeCandidate, present, type RuleEnv } from '../extract/rule-env.js';
import { listAt } from '../reading/text.js';
import { titleFromSubject } from '../wording/title.js';
import type { Candidate } from '../extract/types.js';
import { regex } from '../extract/patterns.js';
import { namesOnlyWhen } from '../placement/date-mentions.js';

// "agenda+ X" (the W3C convention convene adopts), at the start of a line.
const AGENDA_PLUS = /^\s*agenda\+\s*:?\s*(\S.*)$/gim;
// "add X to the agenda", "put X on the (next call's) agenda".
const ADD_TO_AGENDA = regex(
  'i',
  String.raw`\b(?:add(?:ed)?|put|place|include|schedule)\s+(.{2,160}?)\s+(?:to|`,
  String.raw`on|in(?:to)?)\s+(?:the\s+|our\s+|this\s+week'?s\s+|`,
  // "add GFP_KILLABLE to list of the topics" (linux-mm 2016): the list of topics is the agenda.
  String.raw`next\s+week'?s\s+|tomorrow'?s\s+)?(?:(?:[\w'-]+\s+){0,4}?agenda|list\s+of\s+(?:the\s+)?(?:topics|items)|topics?\s+list)\b`,
);
// "an item", "a few more points", "the following item": no topic named where the phrase has it.
const VAGUE_ITEM = regex(
  'i',
  String.raw`^(?:(?:a|an|one|two|the|some|a\s+few|few|a\s+couple\s+of|(?:the\s+)?following)\s+)?`,
  String.raw`(?:more\s+)?(?:item|point|topic|thing|note)s?$`,
);
// What follows "add the following item to the agenda": ': X', '"X"', 'items" X"'.
const NAMED_AFTER = /^\s*(?:items?|topics?)?\s*(?:[:"“”-]|--)\s*["“”]?\s*([^"“”\n]{3,160}?)\s*["“”]?\s*$/;
// "get (this|me) on the agenda ... -- X", "I would like to get on the agenda list".
const GET_ON_AGENDA = /\b(?:get|be|have\s+\w+|put\s+me)\s+on\s+the\s+agenda\b(?:[^\n-]*?(?:--|–|—|:)\s*(.{5,160}))?/i;
// "Submitting this via the Kernel Summit track", "I'd like to propose this for the next call".
// "a thing to be discussed in KS", "worth discussing at the summit": the thread's subject, put to a named meeting.
const TO_BE_DISCUSSED = regex(
  'i',
  String.raw`\b(?:(?:to|should|could|would|might|must|needs?\s+to)\s+be\s+(?:discussed|raised|covered|brought\s+up)|`,
  String.raw`(?:would|could|might)\s+be\s+a\s+(?:great|good|nice|fine)\s+topic|`,
  // "Maybe a topic for the next community call?", "We invite discussion of this on this month's
  // Xen Community Call" (xen-devel 2020, in patch threads).
  String.raw`(?:maybe|perhaps|possibly)\s+a\s+(?:good\s+)?topic|(?:invite|welcome|encourage)\s+(?:discussion|comments|feedback)\s+`,
  String.raw`(?:of|on|about)\s+(?:this|it)|`,
  String.raw`worth\s+(?:discussing|raising|bringing\s+up|a\s+(?:discussion|session|slot|topic))|`,
  // "If possible, have a discussion in the Kernel Summit." (LKML 2005, "[RFD] FS behavior (I/O failure) in kernel summit").
  String.raw`(?:have|hold)\s+a\s+discussion|`,
  // "Maybe we can briefly discuss this at the kernel summit" (linux-media 2010, the BKL removal).
  String.raw`(?:can|could|should|might)\s+(?:briefly\s+|quickly\s+|also\s+)?(?:discuss|talk\s+about|cover)\s+(?:this|it|that)|`,
  // "This RFC also serves as a base for discussion at upcoming LPC2019 BPF Microconference" (bpf 2019).
  String.raw`serves?\s+as\s+(?:a\s+|the\s+)?(?:base|basis|starting\s+point)\s+for\s+(?:the\s+)?discussions?|`,
  // "Maybe something to discuss on the community call later today?", "More details on the Xen
  // community call this week": the thread's subject, put to the call named.
  String.raw`(?:something|a\s+(?:good\s+)?(?:topic|thing|point))\s+to\s+(?:discuss|talk\s+about|raise|bring\s+up|cover)|`,
  // "discussing api design proposal could also be sth for BPF office hour" (bpf 2021-01).
  // "it hopefully might be something for this year as well" names a time, not the meeting.
  String.raw`(?:could|would|might|may)\s+(?:also\s+)?be\s+(?:sth|something|material|a\s+(?:good\s+)?(?:candidate|thing))`,
  String.raw`(?=\s+for\s+(?!(?:this|next|last)\s+(?:year|release|cycle|time)\b))|`,
  String.raw`more\s+(?:details|on\s+(?:this|that|it)|about\s+(?:this|that|it))|`,
  // "I'll likely sign up for the bpf office hours next week", "We'll probably touch on that tomorrow
  // at BPF office hours" (bpf 2022, 2023): the thread, taken to the meeting named.
  String.raw`sign(?:ed|ing)?\s+up|(?:touch|talk)(?:ed|ing)?\s+on\s+(?:this|that|it)|`,
  // "Don't forget to mention this on the next community call", "I propose we raise this in the next
  // community call" (xen-devel 2023-11, 2024-01, the community manager in the thread).
  // "I wanted to kick off a discussion of this topic in preparation for discussion at IETF 117" (IETF BPF WG 2023).
  String.raw`(?:in\s+preparation\s+for|ahead\s+of)\s+(?:a\s+|the\s+|further\s+)?discussion|`,
  // "I routinely mention it at the maintainers summit" is a habit, no proposal.
  String.raw`(?:(?:forget|remember|sure|want|like|need)\s+to|(?:propose|suggest)\s+(?:that\s+)?we|let'?s|please|should|could|will|'ll)\s+`,
  String.raw`(?:mention|raise|bring\s+up|present)\s+(?:this|it|that)|`,
  // "Let's talk about it on the call tomorrow, but that's the current proposal" (Open MPI devel 2013,
  // a merge proposal put to the weekly teleconference).
  String.raw`let'?s\s+(?:discuss|talk\s+about)\s+(?:this|it|that))`,
  String.raw`\s+(?:(?:today|tomorrow|next\s+week|this\s+week|later)\s+)?(?:in|at|during|on|for)\b`,
);
// "Lets plan on discussing extending the BTLs at the June developer meeting", "We can talk through
// the interface changes on tomorrow's teleconference", "Let's nail it down on tomorrow's call" (Open
// MPI devel 2012-2014): a plan for a meeting the sentence names; its object is the topic, or the thread's.
const PLAN_AT_MEETING = regex(
  'i',
  // "I'd like to take a look at implementing this at the sprint next week" (Mapnik 2010).
  String.raw`\b(?:let'?s|we\s+(?:can|could|should|will|'ll)|i\s+(?:can|could|will|'ll)|(?:i|we)(?:'d|\s+would)\s+like\s+to)\s+`,
  String.raw`(?:plan\s+(?:on|to)\s+)?(?:(?:nail|pin)\s+(?:it|this|that)\s+down|(?:discuss(?:ing)?|talk(?:ing)?\s+(?:about|through)|`,
  String.raw`cover(?:ing)?|go(?:ing)?\s+(?:over|through)|decid(?:e|ing)\s+on|(?:take\s+a\s+)?look\s+at|work\s+on)\s+(.+))`,
);
/**
 * What a plan for a meeting is about: its object, or '' (the thread's subject) when the object only
 * points back ("discuss it a bit more in Kangrejos", rust-for-linux 2025), says when ("discuss next
 * Tuesday during the roundup") or is no topic ("talk through all the details and answer any questions").
 */
function planned(object: string | undefined): string {
  const t = object === undefined ? '' : trimTopic(object);
  const back = /^(?:it|this|that|these|those|them)\b|\b(?:it|this|that)$|^(?:all\s+)?(?:the\s+)?details\b|^(?:any\s+)?questions\b/i.test(t);
  return back || isPointer(t) || namesOnlyWhen(t) ? '' : t;
}

// "TIMEOUT: Tuesday call, May 25", "TIMEOUT: Teleconf on Tue, 27 April 2010", "WHEN: After next
// con call, May 20, 2014" (the RFC form on devel@open-mpi.org, 2009-2014): a proposal whose deadline
// or discussion is set at a named call is put to that call. The value may stand on the line below its label.
const DECIDED_AT = /^\s*(?:timeout|deadline|decision|discussion|when)\s*:\s*(.*)$/i;
const SUBMIT_THIS = /\b(?:submit(?:ting|ted)?|propos(?:e|ing)|send(?:ing)?|bring(?:ing)?)\s+(?:this|it)\s+(?:via|to|for|as|at|under)\b/i;
// A header that introduces proposed items: "Proposed agenda items:", "Topics for the next call:".
const LIST_HEADER = regex(
  'im',
  String.raw`^\s*(?:proposed\s+(?:agenda\s+)?(?:items?|topics?)|`,
  String.raw`(?:my\s+|some\s+|more\s+|additional\s+)?agenda\s+(?:items?|`,
  String.raw`proposals?)|(?:proposed\s+)?topics?\s+for\s+(?:the\s+)?(?:next|`,
  String.raw`upcoming|coming)\s+[\w\s'-]{0,40}?|`,
  // "Please put on the agenda:" over its list (Open MPI devel 2012): the verb with no object of its own.
  String.raw`(?:.*\b)?(?:add|put|place|include)\s+(?:on|to|in(?:to)?)\s+(?:the\s+|our\s+|[\w'-]+'s\s+)?(?:[\w'-]+\s+){0,4}?agenda)\s*:\s*$`,
);
const ASKS_THE_AGENDA = regex(
  'i',
  String.raw`\b(?:may|can|could)\s+(?:i|we)\s+(?:please\s+)?(?:know|see|get|have)\s+(?:the\s+)?(?:agenda|topics)\b|`,
  String.raw`\bwhat(?:'s|\s+is|\s+are|\s+will\s+be)\s+(?:the\s+)?(?:agenda|topics)\b`,
);
// A sentence ties a phrase to a meeting when it names the agenda, a call/meeting or the summit.
const MEETING_WORD =
  /\b(?:agenda|call|meeting|summit|session|office\s+hours?|sync(?:-up)?|wg|workgroup|working\s+group|work\s+group|conference)\b/i;

/**
 * Rule 3: inline proposals anywhere in a message's own text: `agenda+ X` lines, "add X to the
 * agenda", "can we discuss X at the next call", "Proposed agenda items:" with a list, and a new
 * thread whose subject proposes a topic for a named meeting. "this"/"it" means the thread's
 * subject. Not run on calls (rule 5) or minutes (rule 4).
 */
export function inlineRule(env: RuleEnv): Candidate[] {
  if (env.callMeeting || env.isMinutes) return [];
  const { msg, text } = env;
  const out: (Candidate | null)[] = [];
  const subjectTitle = titleFromSubject(msg.subject);
  const route = (sentence: string): CompiledMeeting | null => {
    // "... for the next TSC meeting": another group's agenda is not ours, even on a one-meeting list.
    const named = meetingsNamedIn(`${sentence}\n${msg.subject}`, env.meetings);
    if (named.length === 0 && foreignGroups(`${sentence}\n${msg.subject}`, env.meetings).length > 0) return null;
    // "I will call into the security WG meeting tomorrow. ... I would like to get on the agenda":
    // a proposal naming no meeting, in mail (or the mail it quotes) that names only another
    // group, is for that group.
    const whole = `${text}\n${msg.quotedText}`;
    if (named.length === 0 && meetingsNamedIn(whole, env.meetings).length === 0 && foreignGroups(whole, env.meetings).length > 0)
      return null;
    return routeMeeting([sentence, msg.subject, text, msg.quotedText], env.meetings, env.thread.callMeetingId, msg.date ?? undefined);
  };
  const add = (topic: string, sentence: string, confidence: number): void => {
    const pointer = topic === '' || isPointer(topic);
    // "discuss it" in a call's thread points at the call, which is no topic.
    if (pointer && (env.thread.parentIsCall || env.thread.rootIsCall)) return;
    // "please propose a topic" in a call for proposals points at nothing: its subject is no topic.
    if (pointer && asksForItems(msg.subject)) return;
    const meeting = route(sentence);
    const title = pointer && meeting ? withoutWhereItGoes(subjectTitle, meeting) : topic;
    if (!meeting || title === '') return;
    // "so I can put it on the agenda" under "XFS BoF at LSFMM": the thread is the meeting itself.
    if (pointer && onlyTheMeeting(subjectTitle, meeting)) return;
    const made = makeCandidate(env, meeting.id, 'inline', title, confidence);
    // One sentence read two ways ("that would be a great topic for the next call") is one topic.
    if (made && !out.some((c) => c?.title === made.title)) out.push(made);
  };

  for (const m of text.matchAll(AGENDA_PLUS)) add(m[1]!, m[0], 0.95);

  const lines = text.split('\n');
  const lists = introducedLists(lines);
  // "I would like to add two topics to the SVSM meeting agenda:" and a list (svsm-devel 2024): the
  // list holds the topics (read below), the sentence points at no subject.
  const introducesList = (sentence: string): boolean => /:\s*$/.test(sentence) && lists.some((l) => l.header.includes(sentence.trim()));

  for (const sentence of sentencesOf(text)) {
    // "May I know the Agenda or the topics to be discussed in the forthcoming Monthly meet" (ILUGC
    // 2004): a member asking what is on, which proposes nothing.
    if (ASKS_THE_AGENDA.test(sentence)) continue;
    const a = ADD_TO_AGENDA.exec(sentence);
    // "add X to your agenda": someone else's meeting, unless this is our call's thread.
    const yours = /\byour\s+(?:[\w'-]+\s+){0,2}agenda\b/i.test(sentence) && !env.thread.callMeetingId;
    if (a && !yours && !/^(?:any|anything|other|more|your|items?|topics?)\b/i.test(a[1]!)) {
      // "I'll add an item / a few more points to the agenda": the thread's subject is the topic. So
      // is it of "Can you please add me to Tuesday's agenda?" (Open MPI devel 2014): the person asks for a slot.
      const vague = VAGUE_ITEM.test(a[1]!.trim()) || /^(?:me|us|myself|him|her|them)$/i.test(a[1]!.trim());
      // "I like to add following item to today agenda items" Tracking Yocto security fixes"": the
      // item named after the agenda, else the thread's subject.
      const named = vague ? NAMED_AFTER.exec(sentence.slice(a.index! + a[0].length)) : null;
      if (vague && !named && introducesList(sentence)) continue;
      add(named ? trimTopic(named[1]!) : vague ? '' : trimTopic(a[1]!), sentence, 0.85);
      continue;
    }
    const g = GET_ON_AGENDA.exec(sentence);
    if (g) {
      add(g[1] ? trimTopic(g[1]) : '', sentence, 0.8);
      continue;
    }
    const named = meetingsNamedIn(sentence, env.meetings).length > 0;
    const plan = named ? PLAN_AT_MEETING.exec(sentence) : null;
    if (plan) add(planned(plan[1]), sentence, 0.7);
    else if (named && (SUBMIT_THIS.test(sentence) || TO_BE_DISCUSSED.test(sentence))) add('', sentence, 0.7);
  }

  for (const [i, line] of lines.entries()) {
    const d = DECIDED_AT.exec(line);
    const value = d ? d[1]!.trim() || (lines[i + 1] ?? '').trim() : '';
    if (value && meetingsNamedIn(value, env.meetings).length > 0) add('', value, 0.7);
  }

  // "Is there another meeting scheduled for the PCAWG testing group?  I'd like to give a tutorial on
  // calling the workflows we have in Dockstore" (docktesters 2016): the sentence before, in the same
  // paragraph, ties the wish to the meeting. Not a meeting named after it ("... I wonder if we should
  // have a better list for this). And it's on topic as we discussed it on the maintainers summit", ksummit 2021).
  const paragraphs = text.split(/\n\s*\n/).map((par) => sentencesOf(par));
  const tied = (sentence: string): string => {
    const par = paragraphs.find((ss) => ss.includes(sentence)) ?? [];
    const before = par[par.indexOf(sentence) - 1];
    return before === undefined ? sentence : `${before} ${sentence}`;
  };
  for (const p of proposalPhrases(text)) {
    const where = tied(p.sentence);
    if (!MEETING_WORD.test(where) && meetingsNamedIn(where, env.meetings).length === 0) continue;
    if (/\bagenda\b/i.test(p.sentence) && ADD_TO_AGENDA.test(p.sentence)) continue; // counted above
    add(p.topic, p.sentence, 0.75);
  }

  for (const { header, items } of lists) for (const item of items) add(withoutFootnoteMarks(item, text), `${header} ${item}`, 0.85);

  const proposed = env.isReply ? null : subjectProposal(msg, subjectTitle, env.meetings);
  if (proposed) out.push(makeCandidate(env, proposed.meeting.id, 'inline', proposed.topic, 0.7));
  return present(out);
}

/**
 * The lists a line introduces: "Proposed agenda items:", "Topics for the next call:", or a line
 * adding unnamed items to the agenda ("I would like to add two topics to the SVSM meeting agenda:").
 */
function introducedLists(lines: readonly string[]): { header: string; items: string[] }[] {
  const out: { header: string; items: string[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const a = /:\s*$/.test(line) ? ADD_TO_AGENDA.exec(line) : null;
    if (!LIST_HEADER.test(line) && !(a && VAGUE_ITEM.test(a[1]!.trim()))) continue;
    const { items, end } = listAt(lines, i + 1);
    if (items.length) out.push({ header: line.trim(), items });
    if (end > i) i = end - 1;
  }
  return out;
}

/**
 * "What does TPM locality[1] mean" with "[1]" and its link below the list (svsm-devel 2024): a
 * footnote mark, dropped only when the footnote is there, so "array[0] access" keeps its index.
 */
function withoutFootnoteMarks(item: string, text: string): string {
  return item.replace(/(?<=\p{L})\[(\d{1,2})\]/gu, (mark, n: string) => (new RegExp(String.raw`^\s*\[${n}\]`, 'm').test(text) ? '' : mark));
}
