import type { DigestSettings } from '../config/digest.js';
import { displayName } from '../mail/mailbox.js';
import type { Occurrence } from '../meetings/types.js';
import { localDate } from '../time/time-zone.js';
import { itemViewer, linker, type ItemView } from './build.js';
import { callTimes, zoneTime, type CallTimes, type ZoneTime } from './times.js';
import type { AgendaSnapshot, MeetingInfo } from './types.js';

/** The model of the call for agenda items, the chair's reminder and the cancel proposal. */
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
  readonly carriedOver: readonly ItemView[];
  readonly awaiting: readonly ItemView[];
  readonly accepted: readonly ItemView[];
  readonly tags: readonly string[];
  readonly listAddress: string;
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
  const times = callTimes(occ.start, occ.zone, settings.zones);
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
    carriedOver: agenda.carriedOver.map(view),
    awaiting: agenda.awaitingReview.map(view),
    accepted: agenda.items.map(view),
    tags: meeting.subjectTags,
    listAddress: settings.to[0] ?? '',
  };
}

/** The call for agenda items, sent to the list. Replies to it feed the extractor. */
export function buildCallForItems(input: CallInput): CallModel {
  return base(input, (m, d) => `Call for agenda items: ${m.name}, ${d}`);
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
  return base(input, (m, d) => `${input.agenda.awaitingReview.length} proposal(s) held back from the ${m.name} agenda, ${d}`);
}
