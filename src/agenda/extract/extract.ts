import { callMeetingForMessage } from './call-detect.js';
import { cancellationOf } from './cancellation.js';
import { authorAddress } from './chair-mail.js';
import { namedDates } from '../placement/mentions.js';
import type { ExtractContext } from './context.js';
import { isMinutes, isSupportOnly, skipReason } from './exclusions.js';
import { compileMeetings, meetingsForList, routeMeeting, type CompiledMeeting } from './meeting-match.js';
import { proposerOf, type RuleEnv } from './rule-env.js';
import { callReplyRule } from '../rules/call-reply.js';
import { chairCallRule } from '../rules/chair-call.js';
import { deferralRule } from '../rules/deferral.js';
import { inlineRule } from '../rules/inline.js';
import { quotedCallRule } from '../rules/quoted-call.js';
import { subjectTagRule } from '../rules/subject-tag.js';
import { ownProse } from '../reading/text.js';
import { normaliseTitle } from '../wording/title.js';
import type { AgendaMessage, Candidate, ExtractResult, Support } from './types.js';

/** The rules in priority order: when two find the same title in one message, the first wins. */
const RULES = [subjectTagRule, chairCallRule, quotedCallRule, callReplyRule, inlineRule, deferralRule] as const;

const compiled = new WeakMap<ExtractContext['meetings'], CompiledMeeting[]>();

/** The facts every rule reads, computed once per message (exported for the rules' own tests). */
export function makeEnv(
  msg: AgendaMessage,
  ctx: ExtractContext,
  meetings: readonly CompiledMeeting[] = compileMeetings(ctx.meetings),
): RuleEnv {
  const text = ownProse(msg.bodyText);
  const listening = meetingsForList(meetings, msg.listId);
  const thread = ctx.threadInfo(msg);
  return {
    msg,
    ctx,
    meetings: listening,
    thread,
    text,
    // A member's mail under the call's own subject answers it, though its mailer dropped the threading.
    isReply:
      msg.parentMid !== null ||
      msg.inReplyTo.length > 0 ||
      /^\s*(?:\[[^\]]{1,40}\]\s*)*(?:re|aw|sv|antw|fwd?)\s*:/i.test(msg.subject) ||
      thread.callLost === true,
    isMinutes: isMinutes(
      msg,
      text,
      listening.flatMap((m) => (m.calls ? [m.calls] : [])),
    ),
    callMeeting: callMeetingForMessage(msg, text, thread, listening),
    author: authorAddress(msg),
    mentions: namedDates(
      msg.subject,
      msg.date,
      thread,
      text,
      listening.flatMap((m) => m.aliases),
    ),
  };
}

/**
 * Find the agenda items a message proposes, and the items it supports. PURE: everything it
 * knows about the archive comes through ctx (thread facts, existing items); no clock, no db.
 */
export function extract(msg: AgendaMessage, ctx: ExtractContext): ExtractResult {
  const skipped = ctx.ownMail?.(msg.mid) ? 'convene' : skipReason(msg);
  if (skipped) return { candidates: [], supports: [], skipped };
  let all = compiled.get(ctx.meetings);
  if (!all) {
    all = compileMeetings(ctx.meetings);
    compiled.set(ctx.meetings, all);
  }
  const meetings = meetingsForList(all, msg.listId);
  if (meetings.length === 0) return { candidates: [], supports: [], skipped: 'no meeting listens to this list' };

  const env = makeEnv(msg, ctx, meetings);
  const { thread, text, isReply } = env;

  if (isReply && isSupportOnly(text)) {
    const meeting = routeMeeting([thread.rootSubject ?? '', msg.subject], meetings, thread.callMeetingId);
    const supports: Support[] = meeting
      ? [{ meetingId: meeting.id, threadId: msg.threadId, parentMid: msg.parentMid, messageId: msg.mid, supporter: proposerOf(msg) }]
      : [];
    return { candidates: [], supports, skipped: 'support' };
  }

  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  let tagged = false;
  for (const rule of RULES) {
    // A tagged topic is one item: its own prose ("I'd like to propose a session on X") and any
    // outline of points it lists restate that topic.
    if (tagged) break;
    const found = rule(env);
    if (rule === subjectTagRule && found.length) tagged = true;
    for (const c of found) {
      const key = `${c.meetingId}\u0000${normaliseTitle(c.title)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(c);
    }
  }
  const cancelled = cancellationOf(env);
  return {
    candidates,
    supports: [],
    ...(cancelled ? { cancels: [cancelled] } : {}),
    ...(candidates.length === 0 ? { skipped: env.isMinutes ? 'minutes' : env.callMeeting ? 'call without topics' : 'no proposal' } : {}),
  };
}
