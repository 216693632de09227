import { isChairMail } from '../extract/chair-mail.js';
import type { RuleEnv } from '../extract/rule-env.js';
import type { Candidate } from '../extract/types.js';
import { chairCallRule } from './chair-call.js';
import { agendaBlock } from '../reading/agenda-blocks.js';
import { listBlocks } from '../reading/list-blocks.js';
import { topPostedOriginal, type TopPostedOriginal } from '../reading/top-posted.js';
import { callMeetingForSubject } from '../extract/call-detect.js';

/**
 * Rule 5 for a call the archive lacks: the chair's own follow-up to it ("Re: Security Working
 * Group meeting - Wednesday August 31 - new venue", the reminder itself not in the mirror; OpenBMC
 * 2022) quotes the call, and the quote is the only copy of its agenda. Its topics are read as the
 * call's, for the call its subject names. Only the chair's direct reply to the lost call counts:
 * the quote is then the chair's own call; anyone else's is cut to what they answer, and a reply
 * to an answer quotes the answer.
 */
export function quotedCallRule(env: RuleEnv): Candidate[] {
  const { thread, msg } = env;
  const original = topPostedOriginal(msg.bodyText);
  if (msg.quotedText.trim() === '' && original === null) return [];
  // The chair's own call that quotes the agenda another chair sent, the original not stored ("november
  // 21 meeting prep" from one OSGeo board member, quoting the other's agenda list under "Only 3 projects
  // will show up today", 2017): the quote is the agenda of the call this mail is.
  // Only a quote that holds an agenda list: "The topics will include what is Docker, ..." in a tutorial's
  // announcement a chair forwards (docktesters 2016) is that event's, not the call's.
  // (The quote's lists are read last: most replies fail the cheaper tests.)
  const chairs = env.callMeeting !== null && msg.parentMid === null && !env.isReply && isChairMail(msg, env.callMeeting) === true;
  if (chairs && listBlocks(msg.quotedText).some(agendaBlock))
    return chairCallRule({ ...env, msg: { ...msg, subject: '' }, text: msg.quotedText, isMinutes: false });
  const forwarded = original ? originalCall(env, original) : [];
  if (forwarded.length) return forwarded;
  if (thread.callLost !== true || thread.parentLost !== true) return [];
  // A reply deeper in the thread (References holds the call and more) quotes someone's answer to
  // the call, the call only within it: not the chair's copy (guest_memfd call 2024-11).
  if (msg.references.length > 1) return [];
  const meeting = env.meetings.find((m) => m.id === thread.callMeetingId);
  if (!meeting || isChairMail(msg, meeting) !== true) return [];
  // The reply's own subject ("Re: ... - results") names no topic of the quoted call; the call was
  // sent before the call it announces, whenever the chair followed it up ("Re: ... November 13",
  // sent on November 26), so its topics go on the call the subject names.
  const sent = sentBefore(env.mentions.find((m) => m.source === 'subject')?.dates[0], msg.date);
  const quoted = { ...msg, subject: '', date: sent };
  return chairCallRule({ ...env, msg: quoted, text: msg.quotedText, callMeeting: meeting, isMinutes: false, isReply: false });
}

const DAY_MS = 86_400_000;

/** The lost call's send time: half a day before the local date its follow-up's subject names, if that date has passed. */
function sentBefore(named: string | undefined, date: number | null): number | null {
  if (named === undefined || date === null) return date;
  const day = Date.parse(`${named}T00:00:00Z`);
  return day <= date && date - day < 60 * DAY_MS ? day - DAY_MS / 2 : date;
}

/**
 * A member's answer on top of the whole call, the call itself not stored ("I'll be there too! Should
 * we book a room?" over "-----Original Message-----", "From: Daniel Morissette", "Subject: MapServer
 * BOF at FOSS4G?", mapserver-dev 2007): the original keeps its header, so it is the chair's call when
 * that header names a chair of the meeting its subject calls, and it holds an agenda list.
 */
function originalCall(env: RuleEnv, original: TopPostedOriginal): Candidate[] {
  const { msg } = env;
  if (env.callMeeting || msg.parentMid !== null || !listBlocks(original.text).some(agendaBlock)) return [];
  const meeting = callMeetingForSubject(original.subject, env.meetings);
  const author = { ...msg, fromAddr: original.fromAddr, fromName: original.fromName, headers: {} };
  if (!meeting || isChairMail(author, meeting) !== true) return [];
  return chairCallRule({
    ...env,
    msg: { ...author, subject: '' },
    text: original.text,
    callMeeting: meeting,
    isMinutes: false,
    isReply: false,
  });
}
