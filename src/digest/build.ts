import type { DigestSettings } from '../config/digest.js';
import type { Occurrence } from '../meetings/types.js';
import { localDate } from '../time/time-zone.js';
import { notableThreads, topicOf } from './activity.js';
import { callTimes, type CallTimes } from './times.js';
import type { AgendaEntry, AgendaSnapshot, MeetingInfo, ThreadActivity } from './types.js';

export interface ItemView {
  readonly number: number;
  readonly id: string;
  readonly title: string;
  readonly proposer: string;
  readonly presenter: string;
  readonly duration: string;
  readonly link: string;
  readonly late: boolean;
  /** Added by the chair: shown as such, never as "proposed by" whoever ran the command. */
  readonly byChair: boolean;
}

export interface ThreadView {
  readonly subject: string;
  readonly starter: string;
  readonly messages: number;
  readonly participants: number;
  /** "3 people, 7 messages" */
  readonly summary: string;
  readonly link: string;
}

/** Everything the digest templates render; built by a pure function from its inputs. */
export interface DigestModel {
  readonly meeting: { readonly id: string; readonly name: string; readonly zone: string };
  readonly chair: string;
  readonly occurrence: {
    readonly key: string;
    readonly date: string;
    readonly start: number;
    readonly end: number;
    readonly sequence: number;
  };
  readonly subject: string;
  readonly revision: number;
  readonly updated: boolean;
  readonly changes: readonly string[];
  readonly times: CallTimes;
  readonly join: string;
  /** The final agenda: the standing items first (the meeting's own order), then the chair's, numbered. */
  readonly items: readonly ItemView[];
  readonly standing: readonly ItemView[];
  readonly carriedOver: readonly ItemView[];
  readonly awaiting: readonly ItemView[];
  /** "Also proposed, not yet decided": carried over, then awaiting review, at most UNDECIDED_SHOWN. */
  readonly undecided: readonly ItemView[];
  /** How many more undecided items there are than `undecided` shows. */
  readonly undecidedMore: number;
  /** Items awaiting review that holdUnreviewed kept out of the digest. */
  readonly held: number;
  /** `first`: no previous call; the window starts at the first proposal for this one. */
  readonly since: {
    readonly from: string;
    readonly first: boolean;
    /** At most five threads, ranked by participants and replies (activity.ts). */
    readonly threads: readonly ThreadView[];
  };
  /** For the body's unsubscribe line (RFC 2369 URLs as configured): the first https page and mailto address. */
  readonly unsubscribe: { readonly url: string; readonly mail: string };
  /** Nothing to discuss: no digest; the chair gets a proposal to cancel instead. */
  readonly empty: boolean;
}

export interface DigestInput {
  readonly meeting: MeetingInfo;
  readonly occurrence: Occurrence;
  readonly previous?: Occurrence;
  readonly agenda: AgendaSnapshot;
  readonly activity: readonly ThreadActivity[];
  readonly settings: DigestSettings;
  readonly revision: number;
  /** For an update: the model that was sent last, to say what changed. */
  readonly sent?: DigestModel;
  readonly limits?: { readonly threads?: number; readonly undecided?: number };
  /** Start of the "since the last call" window when there is no previous call. */
  readonly since?: number;
  /** The thread of the call for items: the agenda being collected, not news. */
  readonly callThreadId?: number | null;
}

export const THREADS_SHOWN = 5;
export const UNDECIDED_SHOWN = 5;
/** At most this many of one sender's unreviewed proposals reach the public digest (issue 13 item 5: 300 spam proposals). */
export const PER_SENDER = 2;

/** The first `limit` items of each proposer, in order: one sender cannot fill the digest. */
function perSender<T extends { readonly proposer?: string }>(items: readonly T[], limit: number): T[] {
  const seen = new Map<string, number>();
  return items.filter((i) => {
    if (!i.proposer) return true;
    const key = (/<([^<>]+)>/.exec(i.proposer)?.[1] ?? i.proposer).toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n <= limit;
  });
}

/** Build the digest model. Pure: no clock, no database. */
export function buildDigest(input: DigestInput): DigestModel {
  const { meeting, occurrence: occ, settings, agenda } = input;
  const link = linker(settings.archiveUrl);
  const view = itemViewer(link);
  const items = agenda.items.map(view);
  const carriedOver = agenda.carriedOver.map(view);
  const awaiting = settings.holdUnreviewed ? [] : perSender(agenda.awaitingReview, PER_SENDER).map(view);
  const undecided = [...carriedOver, ...awaiting];
  const shown = input.limits?.undecided ?? UNDECIDED_SHOWN;
  const date = localDate(occ.start, occ.zone);
  const updated = input.revision > 0;
  const times = callTimes(occ.start, occ.zone, settings.zones, input.previous?.start, occ.end);
  const listed = [...agenda.items, ...agenda.carriedOver, ...agenda.awaitingReview];
  const threads = notableThreads(input.activity, {
    excludeThreads: new Set([input.callThreadId, ...listed.map((e) => e.threadId)].filter((t): t is number => typeof t === 'number')),
    excludeTopics: new Set(listed.map((e) => topicOf(e.title))),
    limit: input.limits?.threads ?? THREADS_SHOWN,
  });
  const model: DigestModel = {
    meeting: { id: meeting.id, name: meeting.name, zone: occ.zone },
    chair: meeting.chair ?? '',
    occurrence: { key: occ.key, date, start: occ.start, end: occ.end, sequence: occ.sequence },
    subject: `${updated ? '[UPDATED] ' : ''}${meeting.name}: agenda for ${times.local.date}`,
    revision: input.revision,
    updated,
    changes: [],
    times,
    join: settings.join ?? '',
    items,
    standing: agenda.standing.map(view),
    carriedOver,
    awaiting,
    undecided: undecided.slice(0, shown),
    undecidedMore: Math.max(0, undecided.length - shown),
    held: settings.holdUnreviewed ? agenda.awaitingReview.length : 0,
    since: {
      from: input.previous ? localDate(input.previous.start, occ.zone) : input.since !== undefined ? localDate(input.since, occ.zone) : '',
      first: !input.previous,
      threads: threads.map((t) => ({
        subject: t.subject || '(no subject)',
        starter: t.starter,
        messages: t.messages,
        participants: t.participants,
        summary: `${plural(t.participants, 'person', 'people')}, ${plural(t.messages, 'message', 'messages')}`,
        link: t.rootMid ? link(t.rootMid) : '',
      })),
    },
    unsubscribe: unsubscribeLine(settings.unsubscribe),
    empty: items.length === 0 && carriedOver.length === 0 && awaiting.length === 0,
  };
  return input.sent ? { ...model, changes: changesSince(input.sent, model) } : model;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The first https unsubscribe URL and the first mailto address (without "mailto:" and any ?query). */
export function unsubscribeLine(urls: readonly string[]): { url: string; mail: string } {
  const mailto = urls.find((u) => /^mailto:/i.test(u)) ?? '';
  return { url: urls.find((u) => /^https:/i.test(u)) ?? '', mail: mailto.replace(/^mailto:/i, '').replace(/\?.*$/, '') };
}

/** What an update changes against the digest that was sent, one line each. */
export function changesSince(sent: DigestModel, now: DigestModel): string[] {
  const out: string[] = [];
  if (sent.occurrence.start !== now.occurrence.start)
    out.push(
      `The call moved: it is now ${now.times.local.date} at ${now.times.local.time} ` +
        `(was ${sent.times.local.date} at ${sent.times.local.time}).`,
    );
  const before = new Map(sent.items.map((i) => [i.id, i]));
  const after = new Map(now.items.map((i) => [i.id, i]));
  for (const i of now.items) {
    const old = before.get(i.id);
    if (!old) out.push(`Added: ${i.title}`);
    else {
      if (old.title !== i.title) out.push(`Renamed: ${old.title} → ${i.title}`);
      if (old.presenter !== i.presenter || old.duration !== i.duration) out.push(`Changed: ${i.title} (${describe(old)} → ${describe(i)})`);
    }
  }
  for (const i of sent.items) if (!after.has(i.id)) out.push(`Removed: ${i.title}`);
  const kept = (list: readonly ItemView[], other: Map<string, ItemView>): string[] => list.filter((i) => other.has(i.id)).map((i) => i.id);
  if (kept(sent.items, after).join('\n') !== kept(now.items, before).join('\n')) out.push('The order of the items changed.');
  if (sent.join !== now.join) out.push(`How to join changed: ${now.join}`);
  return out;
}

function describe(i: ItemView): string {
  return [i.presenter || 'no presenter', i.duration || 'no duration'].join(', ');
}

/** Agenda entries as the templates show them: numbered from 1 in list order, linked to the archive. */
export function itemViewer(link: (mid: string) => string): (e: AgendaEntry, i: number) => ItemView {
  return (e, i) => ({
    number: i + 1,
    id: e.id,
    title: e.title,
    proposer: e.proposer ?? '',
    presenter: e.presenter ?? '',
    duration: e.durationMinutes ? `${e.durationMinutes} min` : '',
    link: e.messageIds[0] ? link(e.messageIds[0]) : '',
    late: e.late === true,
    byChair: e.byChair === true,
  });
}

/** A function from message id to archive link, or to '' when no archiveUrl is configured. */
export function linker(template: string | undefined): (mid: string) => string {
  if (!template) return () => '';
  return (mid) => template.replace('{messageId}', midEscape(mid.replace(/^<|>$/g, '')));
}

/**
 * Escape a Message-ID for a URL path segment the way public-inbox does (PublicInbox::MID
 * mid_escape): everything but RFC 3986 pchar characters is percent-encoded, so "@" stays and
 * lore-style links look like the ones people paste, while "/", "?", "#" and "%" are encoded.
 */
export function midEscape(mid: string): string {
  return Array.from(new TextEncoder().encode(mid), (b) => {
    const c = String.fromCharCode(b);
    return b < 0x80 && /[A-Za-z0-9\-._~!$&'()*+,;=:@]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}
