/**
 * The mails review by reply sends (issue 10): the confirmation to the chair, and the notice to
 * the list that a call is cancelled (by reply or `convene meeting cancel`). Queued through the
 * outbox like every other mail, under keys of their own, so each goes out once.
 */
import type { MeetingConfig } from '../config/meetings.js';
import { buildCancellation, buildConfirmation, numbersJson, type ReviewReport } from '../digest/build-mails.js';
import { cancellationMessage, confirmationMessage } from '../digest/messages.js';
import type { Occurrence } from '../meetings/types.js';
import { settingsOf, stampOf, type MailingDeps } from './deps.js';
import { dueOf } from './due.js';
import { agendaSnapshot, meetingInfo, nextOf } from './ports.js';
import { queue, type Queued } from './queue.js';

const DAY = 86_400_000;

/** The chair's command mail a confirmation answers. */
export interface CommandMailRef {
  /** The review record's number: the confirmation's outbox revision. */
  readonly revision: number;
  /** The chair, as the command mail's author: the confirmation's only recipient. */
  readonly to: string;
  readonly messageId: string;
  readonly references: readonly string[];
}

/** Queue the answer to a chair's command mail: what was done, and the agenda as it now stands, numbered anew. */
export async function queueConfirmation(
  deps: MailingDeps,
  meeting: MeetingConfig,
  occ: Occurrence,
  mail: CommandMailRef,
  report: ReviewReport,
): Promise<Queued> {
  const settings = settingsOf(deps.config, meeting);
  const digestDue = dueOf('digest', occ, meeting, settings.timing) ?? occ.start;
  const model = buildConfirmation(
    { meeting: meetingInfo(meeting), occurrence: occ, agenda: agendaSnapshot(deps.db, meeting, occ), settings, digestDue },
    report,
    deps.store.byKey(meeting.id, occ.key, 'digest', 0) !== undefined,
  );
  const o = confirmationMessage(model, mail.to, occ.key, mail.revision, mail, settings, stampOf(deps));
  return queue(deps, o, deps.now(), deps.now() + 2 * DAY, numbersJson(model));
}

/**
 * Queue the notice that `occ` (already cancelled: its sequence raised) is off, to the list, with
 * a METHOD:CANCEL calendar object, in the thread of the call for items and the digest when they
 * went out. Not when the list is not configured, nor once the call's time has passed.
 */
export async function queueCancellation(deps: MailingDeps, meeting: MeetingConfig, occ: Occurrence): Promise<Queued> {
  const settings = settingsOf(deps.config, meeting);
  if (settings.to.length === 0)
    return { row: null, created: false, kind: 'cancellation', note: 'no digest.to configured: the list was not told' };
  if (deps.now() >= occ.start) return { row: null, created: false, kind: 'cancellation', note: 'the call had started: no notice sent' };
  const sent = (kind: string): string | undefined => {
    const row = deps.store.byKey(meeting.id, occ.key, kind, 0);
    return row && row.state === 'sent' ? row.messageId : undefined;
  };
  const thread = [sent('call-for-items'), sent('digest')].filter((id): id is string => !!id);
  const model = buildCancellation(
    { meeting: meetingInfo(meeting), occurrence: occ, agenda: agendaSnapshot(deps.db, meeting, occ), settings, digestDue: occ.start },
    nextOf(deps.db, meeting, occ) ?? null,
  );
  return queue(deps, cancellationMessage(model, occ, settings, stampOf(deps), thread), deps.now(), occ.start);
}
