import { SIGN_OFF, signsAsAuthor } from '../extract/chair-mail.js';
import { proseTopics, thisCallTopics } from '../reading/chair-prose.js';
import { timetableTopics } from '../reading/timetable-lines.js';
import { indentedLists, spacedLists } from '../reading/indented-list.js';
import { timedLines } from '../reading/timed-lines.js';
import { labelledLines } from '../reading/labelled-lines.js';
import { itemTopics } from '../reading/item-topics.js';
import { presenterTables } from '../reading/presenter-table.js';
import { announcedTalks } from '../reading/proposal-form.js';
import { makeCandidate, present, type RuleEnv } from '../extract/rule-env.js';
import { introducesTopics, lastSentence } from '../reading/intros.js';
import {
  agendaBlock,
  agendaSection,
  apartFromLinks,
  headedSubLists,
  introducesNoAgenda,
  listsSections,
  saysItIsTheAgenda,
  theAgendaList,
  withHeadingItemIntros,
} from '../reading/agenda-blocks.js';
import { dateMentions, namesOnlyWhen } from '../placement/date-mentions.js';
import { headedTopics } from '../reading/headed-topics.js';
import { forwardSchedule, NO_TOPIC } from '../reading/forward-schedule.js';
import { callPeers } from '../extract/call-detect.js';
import { mentionDate } from '../placement/mentions.js';
import { listBlocks, type ListBlock, type ListItem } from '../reading/list-blocks.js';
import { regex } from '../extract/patterns.js';
import { namesSessionFormat } from '../reading/session-format.js';
import { normaliseTitle } from '../wording/title.js';
import { topicWords } from '../wording/topic-match.js';
import type { Candidate } from '../extract/types.js';

// Timetable and list entries that are logistics, not topics.
const LOGISTICS = regex(
  'i',
  // "Proposals for agenda topics should be sent before February 22 to:": a CFP's instructions.
  String.raw`\b(?:should|must|need\s+to)\s+be\s+(?:sent|submitted|posted)\b|\brequests?\s+to\s+attend\b|`,
  // "December 1st, 2024: Submission deadline", "Announcement of accepted talks and schedule", "10
  // minutes (for example, a short demo)" (FOSDEM's eBPF devroom call, 2024): its dates and talk sizes.
  String.raw`\bsubmission\s+deadline\b|\bannouncement\s+of\s+(?:the\s+)?accepted\b|\bnotification\s+of\s+acceptance\b|`,
  // "have a lot of fun meeting like minded people" (the first PyPy sprint's goals, 2003).
  String.raw`^have\s+(?:a\s+lot\s+of\s+|lots\s+of\s+|some\s+)?fun\b|`,
  // "Normal admin and WG status [15 minutes]", "Group Admin (Chairs)" (the IETF CCAMP chairs' agendas,
  // 2004): a working group's standing business at every session.
  String.raw`^(?:(?:normal|group|wg)\s+)?admin(?:istrivia)?\b|^(?:wg|working\s+group)\s+status\b|`,
  String.raw`^status\s+of\s+(?:the\s+)?(?:wg|working\s+group)\b|`,
  // "Does the 1500-1700 UTC time range work well enough for everyone?", "What day(s):" (ceph-devel 2019,
  // planning calls): when to meet.
  String.raw`^what\s+(?:day|time|date)(?:s|\(s\))?\W*$|\btime\s+(?:range|slot|zone)s?\s+work\b|`,
  // "1. Welcome", "2. Formalize Agenda", "6. Any Other Business (AOB)", "7. Date of Next Meeting", "8. Close"
  // (the XSF board's agendas, 2026): the order of business every formal meeting keeps.
  String.raw`^(?:call\s+to\s+order|(?:formali[sz]e|approv(?:e|al\s+of)|adopt(?:ion\s+of)?|confirm(?:ation\s+of)?)\s+(?:the\s+)?agenda|`,
  String.raw`(?:date|time)(?:\s+and\s+(?:time|place|venue))?\s+of\s+(?:the\s+)?next\s+meeting|close|adjourn(?:ment)?|`,
  String.raw`any\s+other\s+business\s*\(aob\))\W*$|`,
  // "Status quo about Pending Actions (Lothar 5min)" (the TDF board's agenda, 2020): the actions every meeting reviews.
  String.raw`^(?:status(?:\s+quo)?\s+(?:of|about|on)\s+)?(?:the\s+)?(?:pending|open|outstanding)\s+(?:actions|action\s+items)\b|`,
  // "Happy New Year!" heading the first agenda of January (the LLVM RISC-V sync-up, 2022): a greeting.
  String.raw`^(?:happy\s+new\s+year|merry\s+christmas|happy\s+holidays|season'?s\s+greetings|welcome\s+back)\W*$|`,
  // "01) Agree on meeting date, time and meeting lead." (the OpenEmbedded TSC's first agenda, 2011).
  String.raw`^(?:agree|decide|settle)\s+on\s+(?:the\s+)?(?:next\s+)?(?:meeting|call)\s+(?:date|time|day|place|venue|lead|chair)\b|`,
  String.raw`^\d{1,3}\s*(?:min(?:ute)?s?|hours?)(?:\s*\(.*\))?$|`,
  // "Location: Google, London", "Event dates: ...", "Cost: Free", "CFP link", "Register to attend"
  // (Tracing Summit 2022 call): the event's facts, listed with its topics.
  // "Date", "Venue", "Attendees", "Next Steps" as the headings of a sprint's announcement (Mapnik 2010);
  // "Unsubscribe <password> address", a list's footer (ILUGC 2002).
  String.raw`^(?:location|venue|(?:event\s+)?dates?|cost|price|fees?|where|when|attendees|participants|`,
  String.raw`next\s+steps|feedback|accommodations?|travel|sponsors?)\s*(?::|$)|\bunsubscribe\b|`,
  String.raw`\blink\s*(?::\s*(?:\[\d+\]|<?https?:\S+?>?))?$|^register\b|`,
  // "Pause" (the Real-Time Summit's schedule, 2019): the break in Europe's English.
  String.raw`^<.*>$|^(?:tbd|tba|pause)$|\b(?:breakfast|lunch|break|coffee|refreshments|dinner|`,
  String.raw`reception|photo(?:graph)?|welcome|agenda\s+bashing|closing(?=\s*(?:remarks|session|words|address|$))|wrap[- ]?up|`,
  String.raw`keynote|registration|social|adjourn|roll\s+call|attendance|`,
  String.raw`open\s+slot|free\s+time|evening\s+event|party|transportation|plenary|room\s+(?:not\s+)?available|`,
  String.raw`get(?:ting)?\s+settled|settle\s+in|get(?:ting)?\s+(?:everyone|everybody)\s+(?:installed|seated|set\s+up)|`,
  String.raw`laptops?\s+hooked)\b|`,
  // "Introductions", "Welcome and intros": the round of names. Not "GUI Programming in Perl/Tk - Intro"
  // (ILUGC 2004, the month's talk) nor "Introduction to X".
  // "Hans: Quick introduction" (Media Summit 2024, a timetable line with its presenter first).
  String.raw`^(?:[a-z][\w'.-]*(?:\s+[a-z][\w'.-]*){0,2}\s*:\s*)?(?:welcome\s*(?:and|&|,)\s*)?(?:(?:short|quick|brief)\s+)?`,
  String.raw`intro(?:duction)?s?\b(?!\s+(?:to|of|on|about)\b)`,
);

/**
 * Rule 5: the chair's own calls, reminders and posted agendas (call-detect.ts decides which mail
 * that is): each topic of its lists, read by structure (list-blocks.ts) wherever they stand,
 * except lists that are the call's logistics or the last call's notes; a timetable; or topics
 * stated in prose. They are for the call the message announces (`announces`), never late. One
 * that restates an existing item is marked carriedOver so the store links it instead of adding it.
 */
export function chairCallRule(env: RuleEnv): Candidate[] {
  const meeting = env.callMeeting;
  if (!meeting || env.isMinutes) return [];
  const { text } = env;
  const schedule = forwardSchedule(text, localDateOf(env.msg.date));
  const scheduled = new Set(schedule.map((s) => s.line));
  const topics: string[] = [];
  const own = subjectTopic(env.msg.subject, localDateOf(env.msg.date));
  if (own) topics.push(own);
  const lines = text.split('\n');
  const blocks = withHeadingItemIntros(listBlocks(text), lines).flatMap((b) => apartFromLinks(b, lines));
  topics.push(...headedTopics(text, blocks));
  // A chair's call whose one list stands with no intro ("* D113798 add loop unrolling ..." opening the
  // LLVM RISC-V sync-up's call, 2021): that list is its agenda.
  const bare = !blocks.some(agendaBlock) ? blocks.filter((b) => b.intro.trim() === '') : [];
  const isTheAgenda = saysItIsTheAgenda(env.msg.subject, text);
  for (const block of blocks.flatMap((b) => [b, ...headedSubLists(b)])) {
    const agenda =
      agendaBlock(block) || listsSections(block, lines) || (bare.length === 1 && bare[0] === block) || agendaSection(block, isTheAgenda);
    if (!agenda || block.items.some((i) => scheduled.has(i.line))) continue;
    // "\t\t\t- Ted" under "This is the planned agenda": a sign-off, not a one-item list.
    const only = block.items.length === 1 ? block.items[0]!.text : null;
    if (only !== null && ((SIGN_OFF.test(only) && signOffPlace(text, block)) || signsAsAuthor(only, env.msg))) continue;
    topics.push(...listed(block));
  }
  // "Current Filesystem Topics:" over "Alex Elder<TAB>Upstream maintainer for XFS" rows (LSF10/MM 2010).
  const tables = presenterTables(text).filter((t) => introducesTopics(t.intro));
  for (const table of tables) topics.push(...table.rows.map((r) => `${r.topic} (${r.presenter})`));
  topics.push(...announcedTalks(text).map((t) => `${t.title} (${t.presenter})`));
  // "ASON [20 minutes]" over "Protection and recovery [20 minutes]" (the IETF CCAMP chairs' outline,
  // 2004): lines that each give their time are the agenda, whatever the words before them.
  topics.push(...timedLines(text));
  // "*OBJECTIVE*: X" on three lines (Ubuntu Women 2009), MeetBot's "#topic X": a label the writer repeats.
  topics.push(...labelledLines(text));
  // "Here's what we initially proposed:" over indented lines with no markers (LPC 2019); a table's
  // short rows are read above.
  for (const list of [...indentedLists(text), ...spacedLists(text)])
    if (
      (introducesTopics(list.intro) || PROPOSED.test(list.intro)) &&
      !introducesNoAgenda(list.intro) &&
      !tables.some((t) => t.intro === list.intro.trim())
    )
      topics.push(...list.items);
  topics.push(...timetableTopics(lines, BOILERPLATE));
  // Nothing read as the agenda yet (the subject's own topic aside): the numbered list of a mail that says it is the agenda is.
  const nothingYet = (): boolean => topics.length === (own ? 1 : 0);
  const said = nothingYet() ? theAgendaList(blocks, isTheAgenda) : undefined;
  if (said) topics.push(...listed(said));
  // "More subjects:" over a list says the prose before it named subjects too (OLS 2007's NUMA BoF).
  const more = blocks.some((b) => MORE_OF_THEM.test(lastSentence(b.intro)));
  if (nothingYet() || more) topics.push(...proseTopics(text));
  // "For the meeting this week, we will focus on X, Y and Z" beside a list of possible topics (the MPI Forum, 2019).
  else topics.push(...thisCallTopics(text));
  // "CDM next Wednesday: multi-site rbd and cephfs; rados progress events" over a list of those
  // topics: the subject sums the list up and is no topic of its own.
  if (own && topics.length > 1 && sumsUp(own, topics.slice(1))) topics.shift();
  // A slot the chair offers ("- 2024-12-09 (Mon) 18:00 PT (not yet reserved)") names no topic.
  const usable = (t: string): boolean =>
    t !== '' && !LOGISTICS.test(t) && !BOILERPLATE.test(t) && !NOTHING_YET.test(t) && !namesOnlyWhen(t) && !namesSessionFormat(t);
  const carried = (t: string): boolean => env.ctx.existingItem(meeting.id, normaliseTitle(t)) !== null;
  const out = topics
    .map((t) => t.trim())
    .filter(usable)
    .map((t) => makeCandidate(env, meeting.id, 'chair-call', t, 0.85, { announces: true, followUp: env.isReply, carriedOver: carried(t) }));
  // A forward schedule's topics are for the calls their lines name, of this meeting or of another the
  // same mail calls (the store keeps each line only where its day has a call).
  const hosts = schedule.length ? [meeting, ...callPeers(env.msg, meeting, env.meetings)] : [];
  const later = hosts.flatMap((host) =>
    schedule
      .filter((s) => usable(s.title))
      .map((s) =>
        makeCandidate(env, host.id, 'chair-call', s.title, 0.8, {
          mentions: [s.mention],
          carriedOver: env.ctx.existingItem(host.id, normaliseTitle(s.title)) !== null,
        }),
      ),
  );
  return dedupe(present([...out, ...later]));
}

/** The topics of a list read as the agenda. */
function listed(block: ListBlock): string[] {
  // "- Further topics to discuss are:" among the items heads the ones after it (LPC 2025 CoCo MC).
  // An item with points under it ("Load Balancing:" over its kinds) is a topic all the same.
  // Not an item that ends in a colon after sentences of its own ("End-to-end encryption. XTLS seems to be ... See recent
  // threads on the Security list:", its links gone; XMPP Summit 2009): a topic whose pointer lost what it pointed at.
  const heading = (i: ListItem): boolean => /:\s*$/.test(i.text) && i.detail === '' && i.text.split(/\s+/).length <= 12;
  return block.items.filter((i) => !heading(i)).flatMap((i) => itemTopics(i));
}

/** A subject topic that shares a content word with a listed topic restates the list. */
function sumsUp(own: string, listed: readonly string[]): boolean {
  const words = topicWords(own);
  return listed.some((t) => [...topicWords(t)].some((w) => words.has(w)));
}

/**
 * "[ANNOUNCE] PUCK Agenda - 2024.01.03 - Post-copy for guest_memfd()": the topic after the date; "BoF
 * at LPC: Documenting the Heterogeneous Memory Model Architecture", 'BoF at LPC "New hardware with
 * modern I2C address conflicts"' (LPC 2021, 2019): a session's announcement titled by its topic.
 */
function subjectTopic(subject: string, ref: string): string | null {
  const last = dateMentions(subject, ref).at(-1);
  const title = last
    ? /^\s*[-–—:]\s+([^()\s].*)$/.exec(subject.slice(last.index + last.text.length))?.[1]
    : SESSION_TITLE.exec(subject)?.[1];
  // "Workgroup - Wednesday April 15 - 10:00 AM CST": the call's time, not a topic; "- CANCELED",
  // "- No topic, but still a go": no topic either.
  // "Call June 6th: @15:00 UTC Call for agenda items": the time, and the call itself.
  if (!title || /^(?:at\s+|@\s*)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|[A-Z]{2,5}\b|$)/i.test(title) || NO_TOPIC.test(title)) return null;
  // "[ANN] Media Summit May 13th: Draft Agenda (v1)": the mail is the agenda, the subject names no topic.
  if (AGENDA_ITSELF.test(title)) return null;
  return title.trim();
}

// A session's name, then its title after a colon or in quotes; not a reply ("Re:" has its colon).
const SESSION_TITLE = regex(
  'i',
  String.raw`^(?:\[[^\]]*\]\s*)*[^:"“]{0,60}?\b(?:bof|birds[- ]of[- ]a[- ]feather|session|workshop|tutorial|hackfest)\b`,
  String.raw`[^:"“]{0,40}?(?:\s*:\s+|\s+["“])([^"”]{4,}?)["”]?\s*$`,
);

const AGENDA_ITSELF = regex(
  'i',
  String.raw`^(?:(?:draft|final|preliminary|tentative|updated|proposed|revised|new|full|detailed)\s+)*`,
  String.raw`(?:agenda|schedule|program(?:me)?|timetable|reminder|invitation|call\s+for\s+\w+|details|logistics|information)\b`,
);

/** The date the message's own dates are read against (mentions.ts); an undated one reads none nearby. */
function localDateOf(date: number | null): string {
  return date === null ? '1970-01-01' : mentionDate(date);
}

// Items that hold a place on every agenda but name no topic.
const BOILERPLATE = regex(
  'i',
  String.raw`^(?:q\s*&\s*a|aob|any\s+other\s+business|open\s+(?:discussion|floor|forum|`,
  String.raw`questions)|other\s+topics?|anything\s+else.*|round\s*table|misc(?:ellaneous)?|`,
  String.raw`others?|tbd|questions?|end|(?:continued?|continuing)?\s*(?:the\s+)?discussions?)\W*$|`,
  // "Round table discussion: Bring any topics that need discussion" (OpenBMC GUI WG 2021): a slot, no topic.
  String.raw`^(?:round\s*table|open)(?:\s+discussion)?\s*[:-]\s*(?:bring|raise|any|other)\b|`,
  // "Answering questions from the community", "Questions from the community" (the TDF board's agendas,
  // 2023-2024): the open slot every meeting holds.
  String.raw`^(?:[^:]{1,30}:\s*)?(?:answering\s+)?questions\s+(?:from|of|by)\s+(?:the\s+)?`,
  String.raw`(?:community|members|audience|attendees|public)\W*(?:\([^()]*\)\s*)?$`,
);

// "1. (no topics scheduled)", "- None yet": the list says it is empty.
const NOTHING_YET = regex(
  'i',
  String.raw`^\W*(?:no\s+(?:topics?|items?|agenda(?:\s+items?)?)(?:\s+(?:scheduled|yet|so\s+far|planned|proposed|submitted))?|`,
  String.raw`none(?:\s+yet)?|nothing(?:\s+(?:yet|scheduled|planned))?|tbd|tba)\W*$|`,
  // "* Nothing under: D) New Series": that section of the agenda is empty.
  String.raw`^\W*nothing\s+(?:under|in|for)\b|`,
  // "No other topics were submitted, as always, please do submit things" (the LLVM RISC-V sync-up, 2020).
  String.raw`^\W*no\s+(?:other\s+|more\s+|further\s+|new\s+)?(?:topics?|items?|proposals?)\s+(?:were|was|have\s+been|has\s+been)\s+`,
  String.raw`(?:submitted|proposed|received|suggested|sent)\b`,
);

/** A one-line list placed as a signature: indented far right, or the last words of the text. */
function signOffPlace(text: string, block: ListBlock): boolean {
  const lines = text.split('\n');
  const line = lines[block.start] ?? '';
  return line.replace(/\t/g, '        ').search(/\S/) >= 8 || lines.slice(block.end + 1).every((l) => l.trim() === '');
}

const MORE_OF_THEM = /^(?:more|other|further|additional)\s+(?:subjects|topics|items)\s*:?\s*$/i;

const PROPOSED = /\b(?:we|i)\s+(?:have\s+|initially\s+|originally\s+|already\s+)*proposed\s*:\s*$/i;

function dedupe(cands: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return cands.filter((c) => {
    const k = `${c.meetingId}\u0000${normaliseTitle(c.title)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
