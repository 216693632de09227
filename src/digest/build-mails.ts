import type { DigestSettings } from '../config/digest.js';
import { displayName } from '../mail/mailbox.js';
import type { Occurrence } from '../meetings/types.js';
import { localDate } from '../time/time-zone.js';
import { itemViewer, linker, unsubscribeLine, type ItemView } from './build.js';
import { callTimes, zoneTime, type CallTimes, type ZoneTime } from './times.js';
import type { AgendaSnapshot, MeetingInfo } from './types.js';

/** An item in a mail to the chair, with its short number: what "accept 3" names in a reply. */
export interface ChairItem extends ItemView {
  readonly ref: number;
}

/** One short number of a mail to the chair and the item id it stands for (kept with the mail). */
export interface ShortNumber {
  readonly ref: number;
  readonly id: string;
}

/** What the outbox keeps with a mail to the chair: its short numbers (outbox model_json). */
export function numbersJson(model: Pick<CallModel, 'numbers'>): string {
  return JSON.stringify({ numbers: model.numbers });
}

/** The short numbers kept with a mail to the chair, or null when the row has none (or not ours). */
export function numbersFrom(modelJson: string | null): ShortNumber[] | null {
  if (!modelJson) return null;
  try {
    const v = JSON.parse(modelJson) as { numbers?: unknown };
    if (!Array.isArray(v.numbers)) return null;
    return v.numbers.filter(
      (n): n is ShortNumber =>
        typeof n === 'object' && n !== null && Number.isInteger((n as ShortNumber).ref) && typeof (n as ShortNumber).id === 'string',
    );
  } catch {
    return null;
  }
}

/** The model of the call for agenda items, the mails to the chair and the cancellation notice. */
export interface CallModel {
  readonly meeting: { readonly id: string; readonly name: string; readonly zone: string };
  readonly chair: string;
  /** The chair's name without the address, for greetings. */
  readonly chairName: string;
  readonly date: string;
  readonly subject: string;
  readonly times: CallTimes;
  readonly join: string;
  /** When the agenda closes: the digest's due time, in the meeting's zone. */
  readonly deadline: ZoneTime;
  readonly standing: readonly ItemView[];
  /** Numbered for the chair in one sequence: awaiting review, then carried over, then the draft agenda. */
  readonly awaiting: readonly ChairItem[];
  readonly carriedOver: readonly ChairItem[];
  readonly accepted: readonly ChairItem[];
  /** The short numbers this mail shows (review-mail reads them back from the outbox row). */
  readonly numbers: readonly ShortNumber[];
  readonly tags: readonly string[];
  readonly listAddress: string;
  /** The held-items note: the agenda went out without the proposals listed (digest.holdUnreviewed). */
  readonly heldBack: boolean;
  /** For the unsubscribe line of the mails to the list (DigestModel.unsubscribe). */
  readonly unsubscribe: { readonly url: string; readonly mail: string };
}

export interface CallInput {
  readonly meeting: MeetingInfo;
  readonly occurrence: Occurrence;
  readonly agenda: AgendaSnapshot;
  readonly settings: DigestSettings;
  readonly digestDue: number;
}

function base(input: CallInput, subject: (m: MeetingInfo, date: string) => string): CallModel {
  const { meeting, occurrence: occ, settings, agenda } = input;
  const view = itemViewer(linker(settings.archiveUrl));
  const times = callTimes(occ.start, occ.zone, settings.zones, undefined, occ.end);
  let next = 0;
  const numbered = (list: AgendaSnapshot['items']): ChairItem[] => list.map((e, i) => ({ ...view(e, i), ref: ++next }));
  const awaiting = numbered(agenda.awaitingReview);
  const carriedOver = numbered(agenda.carriedOver);
  const accepted = numbered(agenda.items);
  return {
    meeting: { id: meeting.id, name: meeting.name, zone: occ.zone },
    chair: meeting.chair ?? '',
    chairName: displayName(meeting.chair ?? ''),
    date: localDate(occ.start, occ.zone),
    subject: subject(meeting, times.local.date),
    times,
    join: settings.join ?? '',
    deadline: zoneTime(input.digestDue, occ.zone),
    standing: agenda.standing.map(view),
    awaiting,
    carriedOver,
    accepted,
    numbers: [...awaiting, ...carriedOver, ...accepted].map((i) => ({ ref: i.ref, id: i.id })),
    tags: meeting.subjectTags,
    listAddress: settings.to[0] ?? '',
    unsubscribe: unsubscribeLine(settings.unsubscribe),
    heldBack: false,
  };
}

/** The call for agenda items, sent to the list. Replies to it feed the extractor. */
export function buildCallForItems(input: CallInput): CallModel {
  return base(input, (m, d) => `Call for agenda items: ${m.name}, ${d}`);
}

/**
 * The chair's copy of the call for items: what is on the table already, numbered, and how to
 * review it by replying. Its own mail, to the chair alone: a reply to the list's call is never a
 * command mail.
 */
export function buildChairCopy(input: CallInput): CallModel {
  return base(input, (m, d) => `Call for agenda items sent: ${m.name}, ${d} (your copy)`);
}

/** The reminder to the chair: the items awaiting review before the digest goes out. */
export function buildChairReminder(input: CallInput): CallModel {
  return base(input, (m, d) => `Reminder: ${input.agenda.awaitingReview.length} agenda item(s) to review for ${m.name}, ${d}`);
}

/** Sent to the chair instead of an empty digest (the Xen community call's practice). */
export function buildCancelProposal(input: CallInput): CallModel {
  return base(input, (m, d) => `Nothing on the agenda: cancel ${m.name}, ${d}?`);
}

/** With holdUnreviewed: tell the chair which proposals the digest left out. */
export function buildHeldNote(input: CallInput): CallModel {
  return {
    ...base(input, (m, d) => `${input.agenda.awaitingReview.length} proposal(s) held back from the ${m.name} agenda, ${d}`),
    heldBack: true,
  };
}

/** What the chair's command mail did, line by line, for the confirmation. */
export interface ReviewReport {
  /** The command lines that were applied, each with what it did. */
  readonly applied: readonly string[];
  /** Lines that were commands but could not be applied, each with why. */
  readonly failed: readonly string[];
  /** Lines that are not commands: reported back, never guessed. */
  readonly notUnderstood: readonly string[];
  /** The subject of the chair's mail, for the confirmation's own ("Re: ..."). */
  readonly replySubject: string;
  readonly cancelled: boolean;
  readonly digestSent: boolean;
}

export interface ConfirmationModel extends CallModel {
  readonly report: ReviewReport;
  /** The digest had gone out before these changes: they reach the list with `send` (an update). */
  readonly alreadyMailed: boolean;
}

/** The answer to a chair's command mail: what changed, what was not understood, the agenda as it now stands. */
export function buildConfirmation(input: CallInput, report: ReviewReport, alreadyMailed = false): ConfirmationModel {
  const subject = /^\s*re\s*:/i.test(report.replySubject) ? report.replySubject : `Re: ${report.replySubject}`;
  return { ...base(input, () => subject), report, alreadyMailed: alreadyMailed && !report.digestSent };
}

export interface CancellationModel extends CallModel {
  /** The next call, when there is one. */
  readonly next: ZoneTime | null;
}

/** The short notice to the list that a call is cancelled (with a METHOD:CANCEL calendar object). */
export function buildCancellation(input: CallInput, next: Occurrence | null): CancellationModel {
  return {
    ...base(input, (m, d) => `Cancelled: ${m.name}, ${d}`),
    next: next ? zoneTime(next.start, next.zone, undefined, next.end) : null,
  };
}
