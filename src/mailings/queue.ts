import type { MeetingConfig } from '../config/meetings.js';
import { ConveneError } from '../errors.js';
import { buildCallForItems, buildChairCopy, buildChairReminder, buildHeldNote, numbersJson } from '../digest/build-mails.js';
import { composeEml, type Outgoing } from '../digest/compose.js';
import { sealMail } from '../mail/seal.js';
import { messageIdSecret } from '../store/secrets.js';
import { callForItemsMessage, chairMessage, failureReportMessage } from '../digest/messages.js';
import type { Occurrence } from '../meetings/types.js';
import type { OutboxRow } from '../send/outbox-store.js';
import { settingsOf, stampOf, type MailingDeps } from './deps.js';
import { prepareDigest } from './digest-plan.js';
import { dueOf } from './due.js';
import { agendaSnapshot, meetingInfo } from './ports.js';

export type { MailingDeps } from './deps.js';

export interface Queued {
  readonly row: OutboxRow | null;
  readonly created: boolean;
  readonly kind: string;
  readonly note?: string;
}

/**
 * Queue one composed mail under its outbox key, once: a second call returns the row already there.
 * It is sealed (mail/seal.ts) for delivery proof, and retried until `until` (its call's start), or
 * for outbox.retryFor after it was due if sooner.
 */
export async function queue(deps: MailingDeps, o: Outgoing, due: number | null, until: number | null, modelJson?: string): Promise<Queued> {
  if (o.to.length === 0)
    throw new ConveneError('CONFIG', `config: digest.to: no recipients for the ${o.key.kind} mail of ${o.key.meeting}`);
  const existing = deps.store.byKey(o.key.meeting, o.key.occurrence, o.key.kind, o.key.revision);
  if (existing) return { row: existing, created: false, kind: o.key.kind };
  const eml = sealMail(await composeEml(o), o.messageId, messageIdSecret(deps.db));
  const retryMs = deps.config.outboxRetryMs;
  const giveUpAt = retryMs === undefined ? until : Math.min(until ?? Infinity, (due ?? deps.now()) + retryMs);
  const { row, created } = deps.store.enqueue(
    {
      meeting: o.key.meeting,
      occurrence: o.key.occurrence,
      kind: o.key.kind,
      revision: o.key.revision,
      messageId: o.messageId,
      subject: o.subject,
      from: o.from,
      recipients: o.to,
      due,
      giveUpAt,
      eml,
      ...(o.html ? { html: o.html } : {}),
      ...(modelJson ? { modelJson } : {}),
    },
    deps.now(),
  );
  return { row, created, kind: o.key.kind };
}

/** Queue the digest (or the cancel proposal) of an occurrence. At most one per revision. */
export async function queueDigest(
  deps: MailingDeps,
  meeting: MeetingConfig,
  occ: Occurrence,
  options: { update?: boolean; due?: number } = {},
): Promise<Queued> {
  if (!options.update) {
    const done = deps.store.byKey(meeting.id, occ.key, 'digest', 0) ?? deps.store.byKey(meeting.id, occ.key, 'cancel-proposal', 0);
    if (done) return { row: done, created: false, kind: done.kind };
  }
  const plan = prepareDigest(deps, meeting, occ, options);
  if (plan.kind === 'digest' && options.update && plan.model.changes.length === 0) {
    throw new ConveneError('INPUT', `digest: nothing changed since revision ${plan.model.revision - 1} of ${occ.key}; no update sent`);
  }
  if (!plan.outgoing) return { row: null, created: false, kind: plan.kind, note: 'empty agenda and no chair configured: nothing sent' };
  const settings = settingsOf(deps.config, meeting);
  const due = options.due ?? dueOf('digest', occ, meeting, settings.timing) ?? deps.now();
  const queued = await queue(deps, plan.outgoing, due, occ.start, plan.kind === 'digest' ? JSON.stringify(plan.model) : plan.numbers);
  const info = meetingInfo(meeting);
  if (plan.kind === 'digest' && plan.model.held > 0 && info.chair && !options.update) {
    const model = buildHeldNote({
      meeting: info,
      occurrence: occ,
      agenda: agendaSnapshot(deps.db, meeting, occ),
      settings,
      digestDue: due,
    });
    await queue(deps, chairMessage('held-note', model, occ.key, settings, stampOf(deps)), due, occ.start, numbersJson(model));
  }
  return queued;
}

/**
 * Queue the call for agenda items to the list and, when the meeting has a chair, the chair's
 * own copy: what is on the table so far, numbered for review by reply (issue 10).
 */
export async function queueCallForItems(deps: MailingDeps, meeting: MeetingConfig, occ: Occurrence, due: number): Promise<Queued> {
  const settings = settingsOf(deps.config, meeting);
  const info = meetingInfo(meeting);
  const digestDue = dueOf('digest', occ, meeting, settings.timing) ?? occ.start;
  const input = { meeting: info, occurrence: occ, agenda: agendaSnapshot(deps.db, meeting, occ), settings, digestDue };
  const call = await queue(deps, callForItemsMessage(buildCallForItems(input), occ.key, settings, stampOf(deps)), due, occ.start);
  if (info.chair) {
    const copy = buildChairCopy(input);
    await queue(deps, chairMessage('chair-copy', copy, occ.key, settings, stampOf(deps)), due, occ.start, numbersJson(copy));
  }
  return call;
}

/** Queue the chair's reminder of the items awaiting review. */
export async function queueChairReminder(deps: MailingDeps, meeting: MeetingConfig, occ: Occurrence, due: number): Promise<Queued> {
  const settings = settingsOf(deps.config, meeting);
  const info = meetingInfo(meeting);
  if (!info.chair) return { row: null, created: false, kind: 'chair-reminder', note: 'no chair configured' };
  const digestDue = dueOf('digest', occ, meeting, settings.timing) ?? occ.start;
  const model = buildChairReminder({ meeting: info, occurrence: occ, agenda: agendaSnapshot(deps.db, meeting, occ), settings, digestDue });
  return queue(deps, chairMessage('chair-reminder', model, occ.key, settings, stampOf(deps)), due, occ.start, numbersJson(model));
}

/** Queue a report of a mail that failed for good to the meeting's chair. */
export async function queueFailureReport(
  deps: MailingDeps,
  meeting: MeetingConfig,
  failed: OutboxRow,
  error: string,
  partial = false,
): Promise<Queued> {
  const info = meetingInfo(meeting);
  if (!info.chair) return { row: null, created: false, kind: 'failure-report', note: 'no chair configured' };
  const o = failureReportMessage(failed, info.chair, error, settingsOf(deps.config, meeting), stampOf(deps), partial);
  return queue(deps, o, deps.now(), deps.now() + 7 * 86_400_000);
}
