import type { DigestSettings } from '../config/digest.js';
import { displayName } from '../mail/mailbox.js';
import type { CallModel, CancellationModel, ConfirmationModel } from './build-mails.js';
import type { DigestModel } from './build.js';
import { buildIcs } from './calendar.js';
import type { Outgoing } from './compose.js';
import { listHeaders, messageIdFor, occurrenceUid, threadHeaders, type MailKey, type Stamp } from './headers.js';
import { renderHtml, renderText } from './render.js';

/** The calendar entry of a call: PUBLISH with the agenda, or CANCEL when the call is off. */
function callIcs(
  m: { meeting: { id: string; name: string; zone: string }; chair: string },
  occ: { key: string; start: number; end: number; sequence: number },
  description: string,
  settings: DigestSettings,
  stamp: Stamp,
  cancelled = false,
): string {
  // RFC 5546 wants an ORGANIZER in PUBLISH and CANCEL: the chair, else convene itself.
  const organizer = m.chair || settings.from;
  const email = /<([^<>]+)>/.exec(organizer)?.[1] ?? organizer.trim();
  return buildIcs({
    uid: occurrenceUid(m.meeting.id, occ.key, settings.from),
    sequence: occ.sequence,
    start: occ.start,
    end: occ.end,
    zone: m.meeting.zone,
    summary: m.meeting.name,
    description,
    ...(settings.join && !cancelled ? { url: settings.join } : {}),
    organizer: { name: displayName(organizer) || email, email },
    cancelled,
    stamp: stamp.now,
  });
}

/**
 * The parts of a digest mail before composing: also what `digest preview` prints. It replies to
 * the call for items; an update (revision > 0) replies to the first digest, in the same thread.
 */
export function digestMessage(
  model: DigestModel,
  settings: DigestSettings,
  stamp: Stamp,
  callId?: string,
  firstDigestId?: string,
): Outgoing {
  const key: MailKey = { meeting: model.meeting.id, occurrence: model.occurrence.key, kind: 'digest', revision: model.revision };
  const description = [
    ...model.standing.map((i) => `- ${i.title}`),
    ...model.items.map((i) => `${i.number}. ${i.title}${i.presenter ? ` [${i.presenter}]` : ''}`),
    ...(model.join ? ['', `Join: ${model.join}`] : []),
  ].join('\n');
  return envelope(key, settings, stamp, {
    to: settings.to,
    subject: model.subject,
    text: renderText('digest.txt', model, settings.templates),
    html: renderHtml('digest.html', model, settings.templates),
    ics: callIcs(model, model.occurrence, description, settings, stamp),
    headers: { ...listHeaders(key, settings, true), ...threadHeaders(callId, model.revision > 0 ? firstDigestId : undefined) },
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

const CHAIR_TEMPLATE = {
  'chair-copy': 'chair-copy.txt',
  'chair-reminder': 'chair-reminder.txt',
  // The held note is the reminder's text: the same list of items awaiting review.
  'held-note': 'chair-reminder.txt',
  'cancel-proposal': 'cancel-proposal.txt',
} as const;

/**
 * A mail to the chair only, with the agenda numbered for review by reply: the copy of the call
 * for items, the reminder, the held-items note, or the proposal to cancel.
 */
export function chairMessage(
  kind: keyof typeof CHAIR_TEMPLATE,
  model: CallModel,
  occurrenceKey: string,
  settings: DigestSettings,
  stamp: Stamp,
): Outgoing {
  const key: MailKey = { meeting: model.meeting.id, occurrence: occurrenceKey, kind, revision: 0 };
  return envelope(key, settings, stamp, {
    to: [model.chair],
    subject: model.subject,
    text: renderText(CHAIR_TEMPLATE[kind], model, settings.templates),
    headers: listHeaders(key, settings, false),
  });
}

/**
 * The answer to a chair's command mail, to that chair, in the thread of their mail. `revision`
 * is the command mail's own number (review-mail's record of it), so each answer has its own key
 * and Message-ID, and a reply to the answer is itself a review (it shows the numbers anew).
 */
export function confirmationMessage(
  model: ConfirmationModel,
  to: string,
  occurrenceKey: string,
  revision: number,
  replyTo: { messageId: string; references: readonly string[] },
  settings: DigestSettings,
  stamp: Stamp,
): Outgoing {
  const key: MailKey = { meeting: model.meeting.id, occurrence: occurrenceKey, kind: 'review-confirmation', revision };
  return envelope(key, settings, stamp, {
    to: [to],
    subject: model.subject,
    text: renderText('review-confirmation.txt', model, settings.templates),
    headers: { ...listHeaders(key, settings, false), ...threadHeaders(...replyTo.references, replyTo.messageId) },
  });
}

/**
 * The cancellation notice to the list, with a METHOD:CANCEL calendar object (same UID, SEQUENCE
 * raised by the cancellation), in the thread of the call for items when that went out.
 */
export function cancellationMessage(
  model: CancellationModel,
  occ: { key: string; start: number; end: number; sequence: number },
  settings: DigestSettings,
  stamp: Stamp,
  thread: readonly string[],
): Outgoing {
  const key: MailKey = { meeting: model.meeting.id, occurrence: occ.key, kind: 'cancellation', revision: 0 };
  return envelope(key, settings, stamp, {
    to: settings.to,
    subject: model.subject,
    text: renderText('cancellation.txt', model, settings.templates),
    ics: callIcs(model, occ, `Cancelled: ${model.meeting.name}, ${model.times.local.date}`, settings, stamp, true),
    icsMethod: 'CANCEL',
    headers: { ...listHeaders(key, settings, true), ...threadHeaders(...thread) },
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
      "convene will not try it again. Whoever runs convene finds why in the daemon's log and `convene outbox list`, " +
      'and can send it again with `convene outbox retry`.\n',
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
