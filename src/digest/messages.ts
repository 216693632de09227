import type { DigestSettings } from '../config/digest.js';
import { displayName } from '../mail/mailbox.js';
import type { CallModel } from './build-mails.js';
import type { DigestModel } from './build.js';
import { buildIcs } from './calendar.js';
import type { Outgoing } from './compose.js';
import { listHeaders, messageIdFor, occurrenceUid, threadHeaders, type MailKey, type Stamp } from './headers.js';
import { renderHtml, renderText } from './render.js';

/** The parts of a digest mail before composing: also what `digest preview` prints. */
export function digestMessage(model: DigestModel, settings: DigestSettings, stamp: Stamp, callId?: string): Outgoing {
  const key: MailKey = { meeting: model.meeting.id, occurrence: model.occurrence.key, kind: 'digest', revision: model.revision };
  const chair = /<([^<>]+)>/.exec(model.chair)?.[1];
  const ics = buildIcs({
    uid: occurrenceUid(model.meeting.id, model.occurrence.key, settings.from),
    sequence: model.occurrence.sequence,
    start: model.occurrence.start,
    end: model.occurrence.end,
    zone: model.meeting.zone,
    summary: model.meeting.name,
    description: [
      ...model.standing.map((i) => `- ${i.title}`),
      ...model.items.map((i) => `${i.number}. ${i.title}${i.presenter ? ` [${i.presenter}]` : ''}`),
      ...(model.join ? ['', `Join: ${model.join}`] : []),
    ].join('\n'),
    ...(model.join ? { url: model.join } : {}),
    ...(chair ? { organizer: { name: displayName(model.chair) || chair, email: chair } } : {}),
    stamp: stamp.now,
  });
  return envelope(key, settings, stamp, {
    to: settings.to,
    subject: model.subject,
    text: renderText('digest.txt', model, settings.templates),
    html: renderHtml('digest.html', model, settings.templates),
    ics,
    headers: { ...listHeaders(key, settings, true), ...threadHeaders(callId) },
  });
}

/** The call for agenda items, to the list. Its deterministic Message-ID is what the digest replies to. */
export function callForItemsMessage(model: CallModel, occurrenceKey: string, settings: DigestSettings, stamp: Stamp): Outgoing {
  const key: MailKey = { meeting: model.meeting.id, occurrence: occurrenceKey, kind: 'call-for-items', revision: 0 };
  return envelope(key, settings, stamp, {
    to: settings.to,
    subject: model.subject,
    text: renderText('call-for-items.txt', model, settings.templates),
    headers: listHeaders(key, settings, true),
  });
}

/** A mail to the chair only: the review reminder or the proposal to cancel. */
export function chairMessage(
  kind: 'chair-reminder' | 'cancel-proposal' | 'held-note',
  model: CallModel,
  occurrenceKey: string,
  settings: DigestSettings,
  stamp: Stamp,
): Outgoing {
  const key: MailKey = { meeting: model.meeting.id, occurrence: occurrenceKey, kind, revision: 0 };
  return envelope(key, settings, stamp, {
    to: [model.chair],
    subject: model.subject,
    // The held note is the reminder's text: the same list of items awaiting review.
    text: renderText(kind === 'cancel-proposal' ? 'cancel-proposal.txt' : 'chair-reminder.txt', model, settings.templates),
    headers: listHeaders(key, settings, false),
  });
}

/**
 * Tell the chair that a mail could not be sent (or, `partial`, went out but some recipients were
 * refused). Queued once sending works again (send/outbox.ts): never through a transport that is failing.
 */
export function failureReportMessage(
  failed: { meeting: string; occurrence: string; kind: string; revision: number; id: number; subject: string; messageId: string },
  chair: string,
  error: string,
  settings: DigestSettings,
  stamp: Stamp,
  partial = false,
): Outgoing {
  const key: MailKey = { meeting: failed.meeting, occurrence: failed.occurrence, kind: 'failure-report', revision: failed.id };
  const what = `The ${failed.kind} mail for ${failed.meeting} (${failed.occurrence}, revision ${failed.revision})`;
  return envelope(key, settings, stamp, {
    to: [chair],
    subject: `convene could not send${partial ? ' to everyone' : ''}: ${failed.subject}`,
    text:
      `${what} ${partial ? 'was sent, but the server refused some recipients' : 'was not sent'}.\n\n` +
      `Subject: ${failed.subject}\nMessage-ID: <${failed.messageId}>\nError: ${error}\n\n` +
      "See the daemon's log; `convene status` and `convene outbox list` show the outbox.\n",
    headers: listHeaders(key, settings, false),
  });
}

/**
 * What every mail we send shares: it comes from settings.from, is dated by the injected clock,
 * and its Message-ID is derived from its key and the archive's secret, so a resend or a
 * crash-restart makes the same id (headers.ts messageIdFor).
 */
function envelope(
  key: MailKey,
  settings: DigestSettings,
  stamp: Stamp,
  parts: Omit<Outgoing, 'key' | 'messageId' | 'from' | 'date'>,
): Outgoing {
  return { key, messageId: messageIdFor(key, settings.from, stamp.secret), from: settings.from, ...parts, date: stamp.now };
}
