import type { ExtractContext, ThreadInfo } from './context.js';
import type { CompiledMeeting } from './meeting-match.js';
import type { NamedDate } from '../placement/mentions.js';
import { topicTitle } from '../wording/topic-title.js';
import type { AgendaMessage, Candidate, RuleName } from './types.js';

/** Everything a rule looks at, computed once per message by extract(). */
export interface RuleEnv {
  readonly msg: AgendaMessage;
  readonly ctx: ExtractContext;
  /** The meetings listening to this message's list. */
  readonly meetings: readonly CompiledMeeting[];
  readonly thread: ThreadInfo;
  /** The author's own prose: no quotes, signature, diffs, list footer or top-posted original. */
  readonly text: string;
  /** Has a reply prefix or a parent. */
  readonly isReply: boolean;
  /** Minutes/notes of a past call (only deferrals). */
  readonly isMinutes: boolean;
  /** The message is the chair's call, reminder or posted agenda of this meeting (rule 5), or null. */
  readonly callMeeting: CompiledMeeting | null;
  /** The lower-case address of its author (the original one when a list rewrote From). */
  readonly author: string;
  /** Dates the message names for a call (subject, the call it answers, meeting sentences). */
  readonly mentions: readonly NamedDate[];
}

/** The proposer as "Name <addr>". */
export function proposerOf(msg: AgendaMessage): string {
  return msg.fromName ? `${msg.fromName} <${msg.fromAddr}>` : `<${msg.fromAddr}>`;
}

/**
 * A Candidate from a raw proposal line: annotations pulled out, shaped into a title a chair would
 * print (topic-title.ts). Returns null when nothing title-like is left (a bare link, a one-word line).
 */
export function makeCandidate(
  env: RuleEnv,
  meetingId: string,
  rule: RuleName,
  rawTitle: string,
  confidence: number,
  extra: { announces?: boolean; followUp?: boolean; carriedOver?: boolean; mentions?: readonly NamedDate[]; subject?: boolean } = {},
): Candidate | null {
  const a = topicTitle(rawTitle, { subject: extra.subject === true });
  if (!a) return null;
  const title = a.title;
  return {
    meetingId,
    occurrenceStart: null,
    // A topic with a date of its own (a forward schedule's line) is placed by that date alone.
    ...((extra.mentions ?? env.mentions).length ? { mentions: extra.mentions ?? env.mentions } : {}),
    ...(extra.announces ? { announces: true } : {}),
    ...(extra.followUp ? { followUp: true } : {}),
    title,
    rule,
    confidence,
    messageId: env.msg.mid,
    threadId: env.msg.threadId,
    proposer: proposerOf(env.msg),
    date: env.msg.date,
    ...(a.presenter !== undefined ? { presenter: a.presenter } : {}),
    ...(a.durationMinutes !== undefined ? { durationMinutes: a.durationMinutes } : {}),
    links: a.links,
    ...(extra.carriedOver ? { carriedOver: true } : {}),
  };
}

/** Drop nulls. */
export function present<T>(items: readonly (T | null)[]): T[] {
  return items.filter((x): x is T => x !== null);
}
