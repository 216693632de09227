import { routeMeeting } from '../extract/meeting-match.js';
import { makeCandidate, present, type RuleEnv } from '../extract/rule-env.js';
import { listBlocks } from '../reading/list-blocks.js';
import { markerOf } from '../reading/list-marker.js';
import { indentedLists } from '../reading/indented-list.js';
import { lastSentence } from '../reading/intros.js';
import { annotate } from '../reading/annotations.js';
import { markedLine } from '../reading/text.js';
import type { Candidate } from '../extract/types.js';
import { regex } from '../extract/patterns.js';
import { sentencesOf } from '../wording/sentences.js';

// "carried over", "carry forward", "on the agenda for the next call", "deferred to the next
// meeting", "continue (the discussion) next time": the notes' ways of moving an item on.
// Not "[Although not discussed, I presume ...]" (OpenBMC 2023): an aside, no item left over.
const DEFERRED = regex(
  'i',
  String.raw`\(?\s*(?:[-–—:]\s*)?\b(?:carr(?:y|ied)[- ](?:over|`,
  String.raw`forward)(?:\s+to\s+(?:the\s+)?next\s+(?:call|meeting|`,
  String.raw`week|time))?|(?:stays?|remains?|keep\s+it|kept|put|`,
  String.raw`left)\s+on\s+the\s+agenda(?:\s+for\s+(?:the\s+)?next\s+(?:call|`,
  String.raw`meeting|week|time))?|(?:add(?:ed)?\s+(?:it\s+|this\s+)?to\s+the\s+agenda\s+for|`,
  String.raw`on\s+the\s+agenda\s+for)\s+(?:the\s+)?next\s+(?:call|`,
  String.raw`meeting|week|time)|(?:deferred|postponed|pushed|`,
  // "... are deferred to the next dev call" (the Airflow dev call's notes, 2026): the call named by its kind.
  String.raw`moved)\s+to\s+(?:the\s+)?next\s+(?:[\w-]+\s+)?(?:call|meeting|`,
  String.raw`week|time|session)|(?:to\s+be\s+)?(?:continued|revisited|`,
  String.raw`discussed\s+further|further\s+discussion)\s+(?:at|in|during)\s+(?:the\s+)?next\s+(?:week'?s?\s+)?(?:call|`,
  String.raw`meeting|session)|(?:will\s+)?continue\s+(?:discussing|`,
  String.raw`the\s+discussion|this)\s+(?:at|in|during)?\s*(?:the\s+)?next\s+(?:call|`,
  String.raw`meeting|time)|(?<!\b(?:although|though|while|if|even)\s+)not\s+(?:discussed|covered|reached)(?:\s+(?:today|`,
  String.raw`this\s+time))?|(?:in|at)\s+the\s+next\s+(?:meeting|`,
  String.raw`call)\s*,?\s+we\s+will\s+(?:discuss|review|look\s+at|`,
  String.raw`decide)|(?:next\s+time\s+we\s+meet)|(?:we\s+)?keep\s+(?:this|it)\s+open)\b[^\n()]*\)?\s*[.;]?`,
);

/** The line without its deferral phrase, nor the verb left before it ("X is deferred to the next dev call", Airflow 2026). */
function withoutDeferral(line: string): string {
  return line
    .replace(DEFERRED, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s+(?:is|are|was|were|has\s+been|have\s+been|will\s+be|gets?|got)$/i, '');
}

/**
 * Rule 4: notes of a past call that say an item is carried over or on the agenda for the next
 * call seed the next occurrence. The title is the line without the deferral phrase, or, when the
 * line is only the phrase ("- carried over"), the list item it sits under.
 */
export function deferralRule(env: RuleEnv): Candidate[] {
  if (!env.isMinutes) return [];
  const meeting = routeMeeting([env.msg.subject, env.text], env.meetings, env.thread.callMeetingId);
  if (!meeting) return [];
  const lines = env.text.split('\n');
  const out: (Candidate | null)[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!DEFERRED.test(line)) continue;
    const after = FORWARD.exec(line);
    let title = after ? continuation(lines, i, after.index + after[0].length) : withoutDeferral(line);
    // "ANSWER: Yes, this is worthwhile. Add to the agenda for next time.": a verdict on the item above.
    if (title.replace(/[^\p{L}]/gu, '').length < 6 || VERDICT.test(title)) title = parentItem(lines, i);
    out.push(makeCandidate(env, meeting.id, 'deferral', title, 0.7, { carriedOver: true }));
  }
  // A phrase wrapped across lines ("... and the status next time we\n meet."): read each list
  // point with its wrapped lines joined, where no single line held the phrase.
  for (const block of listBlocks(env.text)) {
    for (const item of block.items) {
      const points = [item.text, ...item.detail.split('\n')].filter((p) => p.trim() !== '');
      const joined = points.join(' ');
      if (!DEFERRED.test(joined) || [item.text, ...item.detail.split('\n')].some((l) => DEFERRED.test(l))) continue;
      const at = points.findIndex((_, k) => DEFERRED.test(points.slice(0, k + 1).join(' ')));
      const where = points.slice(Math.max(0, at - 1), at + 1).join(' ');
      const title = withoutDeferral(where);
      out.push(
        makeCandidate(env, meeting.id, 'deferral', title.replace(/[^\p{L}]/gu, '').length < 6 ? item.text : title, 0.7, {
          carriedOver: true,
        }),
      );
    }
  }
  // "Agenda for next week:" closing the notes (OLPC's roadmap meeting, 2008-11-19): the chair sets the
  // next call's agenda in the notes of this one.
  for (const title of nextAgenda(env.text)) out.push(makeCandidate(env, meeting.id, 'deferral', title, 0.7, { carriedOver: true }));
  return present(out);
}

const NEXT_AGENDA = regex(
  'i',
  String.raw`\b(?:(?:proposed\s+|draft\s+|tentative\s+)?agenda\s+for\s+(?:the\s+)?next\s+(?:week|meeting|call|time)|`,
  String.raw`next\s+(?:week|meeting|call)'?s\s+agenda)\b[^.!?]*:?\s*$`,
);
// "5 minutes - Set agenda for next week and review action items": the call's routine, no topic.
const ROUTINE_ITEM = /^(?:set|review|agree\s+on)\s+(?:the\s+)?agenda\b|^(?:roll\s+call|adjourn|any\s+other\s+business|aob)\b/i;

/** The items listed under "Agenda for next week:" in a call's notes, the call's routine left out. */
function nextAgenda(text: string): string[] {
  const marked = listBlocks(text).map((b) => ({ intro: b.intro, items: b.items.map((i) => i.text) }));
  const listed = [...marked, ...indentedLists(text)].filter((l) => NEXT_AGENDA.test(lastSentence(l.intro))).flatMap((l) => l.items);
  return [...listed, ...paragraphItems(text)].filter((t) => !ROUTINE_ITEM.test(annotate(t).title));
}

// The notes' close: "Greg S", "Thanks,", "More information about the Devel mailing list".
const CLOSE = /^(?:[\p{Lu}][\p{L}.'-]*(?:\s+[\p{Lu}][\p{L}.'-]*){0,2}|thanks|regards|cheers|best|more\s+information\b.*)[,.!]?$/iu;

/**
 * Under "Agenda for next week:" on a paragraph of its own, one paragraph per item ("10 minutes - XO Camp
 * status and updates.", then "15 minutes - Status and action items for ..." over two more lines): each
 * item is its paragraph's first sentence, up to the notes' close.
 */
function paragraphItems(text: string): string[] {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim());
  const at = paragraphs.findIndex((p) => !p.includes('\n') && NEXT_AGENDA.test(p) && /:\s*$/.test(p));
  if (at < 0) return [];
  const items: string[] = [];
  for (const para of paragraphs.slice(at + 1)) {
    // A marked list under the heading is listBlocks' to read.
    if (para === '' || CLOSE.test(para) || para.split('\n').length > 4 || markerOf(para.split('\n')[0]!) !== null) break;
    items.push(sentencesOf(para)[0]!);
  }
  return items;
}

// "In the next meeting, we will discuss X": X follows the phrase, possibly on the next lines.
const FORWARD = /\b(?:in|at)\s+the\s+next\s+(?:meeting|call)\s*,?\s+we\s+will\s+(?:discuss|review|look\s+at|decide)\s*/i;

/** The text after column `col` of line i up to the sentence's end, across wrapped lines. */
function continuation(lines: readonly string[], i: number, col: number): string {
  let text = lines[i]!.slice(col);
  for (let j = i + 1; j < lines.length && j < i + 4 && !/[.!?]\s*$/.test(text) && lines[j]!.trim() !== ''; j++)
    text += ` ${lines[j]!.trim()}`;
  return (/^(.*?[.!?])(?:\s|$)/.exec(text)?.[1] ?? text).replace(/\s+/g, ' ').trim();
}

// A line that judges the item above rather than naming one.
const VERDICT = /^(?:(?:answer|a|result|decision|outcome)\s*:\s*)?(?:yes|no|agreed|ok(?:ay)?|sure|sounds\s+good|good\s+idea)\b/i;

/**
 * The item a "- carried over" note belongs to: the nearest earlier list item less indented than
 * line i, or, for a note that is no list item itself, one at its own indent ("4. X" then "ANSWER: ...").
 */
function parentItem(lines: readonly string[], i: number): string {
  const indent = lines[i]!.search(/\S/);
  const own = markedLine(lines[i]!) !== null;
  for (let j = i - 1; j >= 0 && j >= i - 20; j--) {
    const mk = markedLine(lines[j]!);
    if (mk && (mk.indent < indent || (!own && mk.indent <= indent))) return mk.text;
    if (!mk && lines[j]!.trim() !== '' && lines[j]!.search(/\S/) < indent) return lines[j]!.trim();
  }
  return '';
}
