import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { digestFor, type DigestSettings } from '../config/digest.js';
import type { MeetingConfig } from '../config/meetings.js';
import type { Config } from '../config/types.js';
import { ConveneError } from '../errors.js';
import { threadActivity } from '../digest/activity.js';
import { buildCallForItems, buildCancelProposal, buildChairReminder, buildHeldNote } from '../digest/build-mails.js';
import { buildDigest, type DigestModel } from '../digest/build.js';
import { composeEml, type Outgoing } from '../digest/compose.js';
import { callForItemsMessage, chairMessage, digestMessage, failureReportMessage } from '../digest/messages.js';
import type { Occurrence } from '../meetings/types.js';
import { buildNotes } from '../notes/build.js';
import { renderNotes } from '../notes/render.js';
import type { OutboxStore, OutboxRow } from '../send/outbox-store.js';
import type { Db } from '../store/db.js';
import { dueOf } from './due.js';
import { agendaSnapshot, meetingInfo, nextOf, previousOf } from './ports.js';

export interface ActionDeps {
  readonly db: Db;
  readonly config: Config;
  readonly store: OutboxStore;
  readonly now: () => number;
}

/** What preparing the digest of an occurrence decided. */
export type DigestPlan =
  | { readonly kind: 'digest'; readonly model: DigestModel; readonly outgoing: Outgoing }
  | { readonly kind: 'cancel-proposal'; readonly model: DigestModel; readonly outgoing: Outgoing | null };

export interface Queued {
  readonly row: OutboxRow | null;
  readonly created: boolean;
  readonly kind: string;
  readonly note?: string;
}

function settingsOf(config: Config, meeting: MeetingConfig): DigestSettings {
  return digestFor(config.digest, meeting.id);
}

/**
 * Decide and render the digest of one occurrence (nothing is written): the digest itself, or,
 * when the agenda is empty, the proposal to cancel sent to the chair. `update` builds the next
 * revision against the last one queued, with what changed.
 */
export function prepareDigest(deps: ActionDeps, meeting: MeetingConfig, occ: Occurrence, options: { update?: boolean } = {}): DigestPlan {
  const settings = settingsOf(deps.config, meeting);
  const info = meetingInfo(meeting);
  const previous = previousOf(deps.db, meeting, occ);
  const agenda = agendaSnapshot(deps.db, meeting, occ);
  const now = deps.now();
  // "Since the last call": the previous occurrence; for a first call, since the first proposal
  // on its agenda (the topic-collection period), else the two weeks before it.
  const since = previous?.start ?? Math.min(agenda.firstProposedAt ?? Infinity, occ.start - 14 * 86_400_000);
  const activity = threadActivity(deps.db, since, Math.min(now, occ.start), meeting.lists);
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
  });
  if (model.empty && !options.update) {
    if (!info.chair) return { kind: 'cancel-proposal', model, outgoing: null };
    const call = buildCancelProposal({ meeting: info, occurrence: occ, agenda, settings, digestDue: now });
    return { kind: 'cancel-proposal', model, outgoing: chairMessage('cancel-proposal', call, occ.key, settings, now) };
  }
  const callRow = deps.store.byKey(meeting.id, occ.key, 'call-for-items', 0);
  const callId = callRow && callRow.state === 'sent' ? callRow.messageId : undefined;
  return { kind: 'digest', model, outgoing: digestMessage(model, settings, now, callId) };
}

async function queue(deps: ActionDeps, o: Outgoing, due: number | null, giveUpAt: number | null, modelJson?: string): Promise<Queued> {
  if (o.to.length === 0)
    throw new ConveneError('CONFIG', `config: digest.to: no recipients for the ${o.key.kind} mail of ${o.key.meeting}`);
  const existing = deps.store.byKey(o.key.meeting, o.key.occurrence, o.key.kind, o.key.revision);
  if (existing) return { row: existing, created: false, kind: o.key.kind };
  const eml = await composeEml(o);
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
  deps: ActionDeps,
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
  const queued = await queue(deps, plan.outgoing, due, occ.start, plan.kind === 'digest' ? JSON.stringify(plan.model) : undefined);
  const info = meetingInfo(meeting);
  if (plan.kind === 'digest' && plan.model.held > 0 && info.chair && !options.update) {
    const model = buildHeldNote({
      meeting: info,
      occurrence: occ,
      agenda: agendaSnapshot(deps.db, meeting, occ),
      settings,
      digestDue: due,
    });
    await queue(deps, chairMessage('held-note', model, occ.key, settings, deps.now()), due, occ.start);
  }
  return queued;
}

/** Queue the call for agenda items to the list. */
export async function queueCallForItems(deps: ActionDeps, meeting: MeetingConfig, occ: Occurrence, due: number): Promise<Queued> {
  const settings = settingsOf(deps.config, meeting);
  const info = meetingInfo(meeting);
  const digestDue = dueOf('digest', occ, meeting, settings.timing) ?? occ.start;
  const model = buildCallForItems({ meeting: info, occurrence: occ, agenda: agendaSnapshot(deps.db, meeting, occ), settings, digestDue });
  return queue(deps, callForItemsMessage(model, occ.key, settings, deps.now()), due, occ.start);
}

/** Queue the chair's reminder of the items awaiting review. */
export async function queueChairReminder(deps: ActionDeps, meeting: MeetingConfig, occ: Occurrence, due: number): Promise<Queued> {
  const settings = settingsOf(deps.config, meeting);
  const info = meetingInfo(meeting);
  if (!info.chair) return { row: null, created: false, kind: 'chair-reminder', note: 'no chair configured' };
  const digestDue = dueOf('digest', occ, meeting, settings.timing) ?? occ.start;
  const model = buildChairReminder({ meeting: info, occurrence: occ, agenda: agendaSnapshot(deps.db, meeting, occ), settings, digestDue });
  return queue(deps, chairMessage('chair-reminder', model, occ.key, settings, deps.now()), due, occ.start);
}

/** Queue a report of a mail that failed for good to the meeting's chair. */
export async function queueFailureReport(deps: ActionDeps, meeting: MeetingConfig, failed: OutboxRow, error: string): Promise<Queued> {
  const info = meetingInfo(meeting);
  if (!info.chair) return { row: null, created: false, kind: 'failure-report', note: 'no chair configured' };
  const o = failureReportMessage(failed, info.chair, error, settingsOf(deps.config, meeting), deps.now());
  return queue(deps, o, deps.now(), deps.now() + 7 * 86_400_000);
}

/** Render the notes skeleton of an occurrence. */
export function notesFor(deps: Pick<ActionDeps, 'db' | 'config'>, meeting: MeetingConfig, occ: Occurrence): string {
  const settings = settingsOf(deps.config, meeting);
  const next = nextOf(deps.db, meeting, occ);
  return renderNotes(
    buildNotes({
      meeting: meetingInfo(meeting),
      occurrence: occ,
      ...(next ? { next } : {}),
      agenda: agendaSnapshot(deps.db, meeting, occ),
    }),
    settings.templates,
  );
}

/** The notes job: write the skeleton to <outbox>/notes/<meeting>-<date>.md. Returns the path. */
export function writeNotes(deps: Pick<ActionDeps, 'db' | 'config'>, meeting: MeetingConfig, occ: Occurrence): string {
  const dir = join(deps.config.outboxDir, 'notes');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${occ.key.replace(/[^A-Za-z0-9.-]+/g, '-')}.md`);
  writeFileSync(path, notesFor(deps, meeting, occ));
  return path;
}
