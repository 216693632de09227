import type { MeetingConfig } from '../config/meetings.js';
import { ConveneError } from '../errors.js';
import { buildCancelProposal, numbersJson } from '../digest/build-mails.js';
import { buildDigest, type DigestModel } from '../digest/build.js';
import type { Outgoing } from '../digest/compose.js';
import { chairMessage, digestMessage } from '../digest/messages.js';
import type { Occurrence } from '../meetings/types.js';
import { threadActivity } from '../thread/activity.js';
import { settingsOf, stampOf, type MailingDeps } from './deps.js';
import { agendaSnapshot, meetingInfo, previousOf, threadOfMessage } from './ports.js';

/** What preparing the digest of an occurrence decided. */
export type DigestPlan =
  | { readonly kind: 'digest'; readonly model: DigestModel; readonly outgoing: Outgoing }
  | {
      readonly kind: 'cancel-proposal';
      readonly model: DigestModel;
      readonly outgoing: Outgoing | null;
      /** The proposal's short numbers, kept with it in the outbox (the chair may answer it). */
      readonly numbers?: string;
    };

/**
 * Decide and render the digest of one occurrence (nothing is written): the digest itself, or,
 * when the agenda is empty, the proposal to cancel sent to the chair. `update` builds the next
 * revision against the last one queued, with what changed.
 */
export function prepareDigest(deps: MailingDeps, meeting: MeetingConfig, occ: Occurrence, options: { update?: boolean } = {}): DigestPlan {
  const settings = settingsOf(deps.config, meeting);
  const info = meetingInfo(meeting);
  const previous = previousOf(deps.db, meeting, occ);
  const agenda = agendaSnapshot(deps.db, meeting, occ);
  const now = deps.now();
  // "Since the last call": the previous occurrence; for a first call, since the first proposal
  // on its agenda (the topic-collection period), else the two weeks before it.
  const since = previous?.start ?? Math.min(agenda.firstProposedAt ?? Infinity, occ.start - 14 * 86_400_000);
  const activity = threadActivity(deps.db, since, Math.min(now, occ.start), meeting.lists);
  const callRow = deps.store.byKey(meeting.id, occ.key, 'call-for-items', 0);
  const callId = callRow && callRow.state === 'sent' ? callRow.messageId : undefined;
  const last = deps.store.revisions(meeting.id, occ.key, 'digest')[0];
  let revision = 0;
  let sent: DigestModel | undefined;
  if (options.update) {
    if (!last || !last.modelJson)
      throw new ConveneError('INPUT', `digest: no digest was sent for ${occ.key} yet; send one first (without --update)`);
    revision = last.revision + 1;
    sent = JSON.parse(last.modelJson) as DigestModel;
  }
  const model = buildDigest({
    meeting: info,
    occurrence: occ,
    ...(previous ? { previous } : {}),
    since,
    agenda,
    activity,
    settings,
    revision,
    ...(sent ? { sent } : {}),
    callThreadId: callId ? threadOfMessage(deps.db, callId) : null,
  });
  if (model.empty && !options.update) {
    if (!info.chair) return { kind: 'cancel-proposal', model, outgoing: null };
    const call = buildCancelProposal({ meeting: info, occurrence: occ, agenda, settings, digestDue: now });
    const outgoing = chairMessage('cancel-proposal', call, occ.key, settings, stampOf(deps));
    return { kind: 'cancel-proposal', model, outgoing, numbers: numbersJson(call) };
  }
  // An update replies to the first digest: one thread for the call's agenda (issue 10).
  const first = options.update ? deps.store.byKey(meeting.id, occ.key, 'digest', 0)?.messageId : undefined;
  return { kind: 'digest', model, outgoing: digestMessage(model, settings, stampOf(deps), callId, first) };
}
