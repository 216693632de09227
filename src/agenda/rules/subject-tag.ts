import { hasReplyPrefix, withoutReplyPrefix } from '../../mail/subject.js';
import { isChairMail } from '../extract/chair-mail.js';
import { introducesTopics, lastSentence } from '../reading/intros.js';
import { listBlocks } from '../reading/list-blocks.js';
import { isPointer, proposalPhrases } from '../wording/phrases.js';
import { besideMeetingNames, stripTags, subjectHasTag, type CompiledMeeting } from '../extract/meeting-match.js';
import { makeCandidate, present, type RuleEnv } from '../extract/rule-env.js';
import { normaliseTitle, titleFromSubject } from '../wording/title.js';
import type { Candidate } from '../extract/types.js';

/**
 * Rule 1: a subject tag on a message that starts a topic. One item per thread; a tagged series
 * ([1/4]..[4/4]) gives one item per part, its [0/4] cover letter none. A reply whose subject is
 * new (a topic posted in answer to the call for topics) starts a topic too; "Re:" and forwards of
 * a tagged subject are discussion or resends, not new items.
 */
export function subjectTagRule(env: RuleEnv): Candidate[] {
  const { msg, thread } = env;
  // "[CFP LPC 2020] Scheduler Microconference" from its chairs is the call itself: its list is read
  // as the call's (rule 5), not as one tagged topic. So is a chair's call that happens to carry a
  // tag another meeting asks for ("[ANNOUNCEMENT / CFP] LPC 2025 Devicetree Microconference CFP"
  // where the Observability MC's proposals are tagged "[ANNOUNCEMENT]").
  if (env.callMeeting && isChairMail(msg, env.callMeeting) === true) return [];
  const tagged = env.meetings.filter((m) => subjectHasTag(msg.subject, m));
  // A tagged subject that asks for proposals ("[ANNOUNCEMENT / CFP] LPC 2025 Devicetree
  // Microconference CFP") is a call, whoever sent it: never one topic titled "... CFP" (a tag that
  // says "CFP", "[CFP LPC 2020]", is the proposals' own: only the words outside brackets count).
  if (tagged.length === 0 || CALL_FOR_PROPOSALS.test(msg.subject.replace(/\[[^\]]*\]/g, ' '))) return [];
  // A reply to a proposal the archive lacks (it went to another list too: "Re: [LSF/MM/BPF TOPIC]
  // DAMON ..." on bpf, the proposal on linux-mm) stands for it, as the lost call's replies do.
  const forLost = thread.parentLost === true && hasReplyPrefix(msg.subject) && !FORWARD.test(msg.subject);
  if ((hasReplyPrefix(msg.subject) || FORWARD.test(msg.subject)) && !forLost) return []; // discussion of a topic, or a resend
  const subject = forLost ? withoutReplyPrefix(msg.subject) : msg.subject;
  const series = seriesPart(subject);
  if (series && series.part === 0) return []; // a cover letter introduces the parts
  if (!series && !forLost && !startsTopic(subject, thread.parentSubject)) return [];
  // "[LSF/MM/BPF ATTEND] BPF track" asks to attend; the topics are those its "Topics I'd like to
  // discuss:" list names, when it has one (bpf 2020).
  // "[ATTEND][TOPIC] blktests" proposes one topic, whose outline its list is.
  const listed = ATTEND.test(subject) && !TOPIC_TAG.test(subject) ? topicsListed(env.text) : [];
  if (listed.length) return present(tagged.flatMap((m) => listed.map((t) => makeCandidate(env, m.id, 'subject-tag', t, 0.85))));
  return present(
    tagged.map((m) => {
      const title = titleFromSubject(stripSeries(stripTags(subject, m)));
      const topic = topicOf(title, m, env.text);
      return makeCandidate(env, m.id, 'subject-tag', topic, series ? 0.9 : 0.95, { subject: topic === title });
    }),
  );
}

// What a subject may say besides the meeting's name and still name no topic: "[ATTEND] LSF/MM conference".
const ABOUT_ATTENDING = /^(?:the|this|year'?s|\d{4}|conference|summit|workshop|meeting|session|attend(?:ance|ing)?|request|to)$/i;

/**
 * The topic of a tagged proposal: its subject's title, unless that names only the meeting ("[ATTEND]
 * LSF/MM conference") or only a wish ("Other tracks I'm interested in"); then what the body names.
 */
function topicOf(title: string, meeting: CompiledMeeting, text: string): string {
  if (WISH_SUBJECT.test(title)) return areasListed(text) ?? wishOf(text) ?? title;
  return namesOnlyTheMeeting(title, meeting) ? (areasListed(text) ?? title) : title;
}

// "Other tracks I'm interested in", "Topics I'd like to discuss": a subject that says a wish, not its topic.
const WISH_SUBJECT = /^(?:other\s+|more\s+)?(?:tracks|topics|things|areas|sessions)\s+(?:i|we)(?:'m|\s+am|'d|\s+would|'re|\s+are)\b/i;

/** The first topic the body's prose puts forward ("I'm also interested in topics relating to X"), or null. */
function wishOf(text: string): string | null {
  return proposalPhrases(text).find((p) => p.topic !== '' && !isPointer(p.topic))?.topic ?? null;
}

function namesOnlyTheMeeting(title: string, meeting: CompiledMeeting): boolean {
  return besideMeetingNames(title, meeting)
    .split(/[\s,:;-]+/)
    .every((w) => w === '' || ABOUT_ATTENDING.test(w));
}

/**
 * "- mmap_sem locking: I have done some work ...", "- memcg page charging: while we ...": the
 * areas a request to attend lists, each named before its colon, as one title (linux-mm 2012,
 * "[ATTEND] LSF/MM conference"), or null when its list names none that way.
 */
function areasListed(text: string): string | null {
  const heads = listBlocks(text)
    .flatMap((b) => b.items.map((i) => /^([^:.?!]{3,60}):\s/.exec(i.text)?.[1]?.trim() ?? ''))
    .filter((h) => h !== '' && h.split(/\s+/).length <= 8);
  if (heads.length === 0) return null;
  return heads.length === 1 ? heads[0]! : `${heads.slice(0, -1).join(', ')} and ${heads.at(-1)!}`;
}

/** "[2/4]", "[PATCH v2 2/4]", "(2/4)": the part and total, or null. */
export function seriesPart(subject: string): { part: number; total: number } | null {
  const m = /[[(](?:[^\])]*\s)?(\d{1,3})\/(\d{1,3})[\])]/.exec(subject);
  if (!m) return null;
  const part = Number(m[1]);
  const total = Number(m[2]);
  return part <= total && total > 0 ? { part, total } : null;
}

function stripSeries(subject: string): string {
  return subject.replace(/[[(](\d{1,3})\/(\d{1,3})[\])]\s*/, '');
}

// Narrower than call-detect.ts asksForItems: a tagged proposal may well be titled "Topics for X" or "Agenda for X".
const CALL_FOR_PROPOSALS = /\bcfp\b|\bcall\s+for\s+(?:papers|proposals|topics|presentations|sessions|participation|agenda)\b/i;
const ATTEND = /\[[^\]]*\battend\b[^\]]*\]/i;
const TOPIC_TAG = /\[[^\]]*\btopic\b[^\]]*\]/i;

/**
 * The items of the lists a text introduces as the writer's own topics ("Topics I'd like to
 * discuss:"); not "I believe I could contribute to the following discussions:", which lists the
 * others' proposals the writer would attend (linux-mm 2016).
 */
function topicsListed(text: string): string[] {
  return listBlocks(text)
    .filter((b) => introducesTopics(b.intro) && OWN_WISH.test(lastSentence(b.intro)))
    .flatMap((b) => b.items.map((i) => i.text));
}

const OWN_WISH =
  /\b(?:i|we)(?:'d|\s+would)?\s+(?:like|want|plan|hope|intend)\s+to\s+(?:discuss|talk\s+about|present|cover|raise|propose)\b/i;

// A forward's prefix; a reply's is mail/subject.ts hasReplyPrefix.
const FORWARD = /^\s*(?:\[[^\]]{1,40}\]\s*)*(?:fwd?|wg)\s*(?:\[\d+\])?\s*:/i;

/** A message that is not a reply to the same subject: a thread starter, or a new topic posted in answer to the CFP. */
function startsTopic(subject: string, parentSubject: string | null): boolean {
  if (parentSubject === null) return true;
  return normaliseTitle(subject) !== normaliseTitle(parentSubject);
}
