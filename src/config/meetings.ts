/**
 * The `meetings` section: one entry per regular call. Every default lives here. Errors name the
 * key ("config: meetings[0].zone: ..."). Times are wall-clock times in the meeting's IANA zone;
 * UTC offsets are refused because a call pinned to an offset drifts by an hour for everyone who
 * lives under daylight saving.
 */
import { isZero, parseDuration, type Duration } from '../time/duration.js';
import { formatLocal, parseLocal, type PlainDateTime } from '../time/plain-date-time.js';
import { checkZone } from '../time/zone-name.js';
import type { Obj } from './validate.js';
import { CONFIG_KEYS } from './keys.js';
import { scheduleZone, validateSchedule, type MeetingSchedule } from './schedule.js';
import { asObject, fail, onlyKeys, optString, optStringList } from './validate.js';

export type { MeetingSchedule } from './schedule.js';

export interface MeetingAgendaConfig {
  /** Subject tags: case-insensitive substrings, or "/regex/flags". */
  readonly subjectTags: readonly string[];
  /** How people name this meeting in subjects and prose ("mirage call"). */
  readonly aliases: readonly string[];
  /** Subject patterns of the chair's calls, reminders and posted agendas (substring or "/regex/flags"). */
  readonly calls: readonly string[];
  /** Proposals arriving less than this before a call go to the next one, marked late. Default PT24H. */
  readonly cutoff: Duration;
}

/** When the daemon's per-occurrence jobs run, before the call's start (null: job disabled). */
export interface MeetingJobsConfig {
  /** The call for agenda items. Default P7D before. */
  readonly callForItems: Duration | null;
  /** The chair's reminder with items awaiting review. Default P2D before. */
  readonly chairReminder: Duration | null;
  /** The digest. Default P1D before: the previous calendar day at the call's local time. */
  readonly digest: Duration | null;
}

export interface MeetingConfig {
  readonly id: string;
  readonly name: string;
  /** Canonical IANA zone name. */
  readonly zone: string;
  readonly schedule?: MeetingSchedule;
  /** Explicit occurrences (local times in `zone`), instead of or beside a schedule. */
  readonly dates: readonly PlainDateTime[];
  /** Length of each call. Default PT1H. */
  readonly duration: Duration;
  /** "Name <addr>": the chair who gets the reminders. */
  readonly chair?: string;
  /**
   * Everyone who runs the call ("Name <addr>" or an address): their calls, reminders and posted
   * agendas are the chair's mail (issue 8: a member's mail is never a chair's call). Includes `chair`.
   */
  readonly chairs: readonly string[];
  /** List-Ids this meeting listens to; empty: every list. */
  readonly lists: readonly string[];
  readonly standingItems: readonly string[];
  readonly agenda: MeetingAgendaConfig;
  readonly jobs: MeetingJobsConfig;
  /** Per-meeting digest overrides, validated by the digest module. */
  readonly digest?: Obj;
  /** The entry as written, for modules that own further keys. */
  readonly raw: Obj;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MAILBOX = /<[^<>@\s]+@[^<>\s]+>\s*$|^[^<>@\s]+@[^<>\s]+$/;

export const MEETING_DEFAULTS = {
  duration: 'PT1H',
  cutoff: 'PT24H',
  callForItems: 'P7D',
  chairReminder: 'P2D',
  digest: 'P1D',
} as const;

/** Validate the meetings list; ids must be unique. */
export function validateMeetings(value: unknown): MeetingConfig[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail('meetings', 'must be a list');
  const out = value.map((m, i) => validateMeeting(m, `meetings[${i}]`));
  const seen = new Set<string>();
  out.forEach((m, i) => {
    if (seen.has(m.id)) fail(`meetings[${i}].id`, `"${m.id}" is used by an earlier meeting`);
    seen.add(m.id);
  });
  return out;
}

function validateMeeting(value: unknown, key: string): MeetingConfig {
  if (value === undefined || value === null) fail(key, 'must be a mapping');
  const o = asObject(value, key);
  onlyKeys(o, key, CONFIG_KEYS.meeting);
  const id = optString(o, 'id', key);
  if (id === undefined || id === '') fail(`${key}.id`, 'is required');
  if (!ID.test(id)) fail(`${key}.id`, `"${id}" must be letters, digits, ".", "_" or "-" (it appears in occurrence keys and Message-IDs)`);

  const zoneText = optString(o, 'zone', key) ?? scheduleZone(o.schedule);
  if (zoneText === undefined) fail(`${key}.zone`, 'is required (an IANA zone such as Europe/London)');
  const zone = zoneOf(zoneText, `${key}.zone`);
  const schedule = validateSchedule(o.schedule, `${key}.schedule`, zone, (z) => zoneOf(z, `${key}.schedule`) === zone);

  const dates = (optStringList(o, 'dates', key) ?? []).map((d, j) => {
    const l = parseLocal(d);
    if (!l || !/T|\s/.test(d.trim()))
      fail(`${key}.dates[${j}]`, `"${d}" is not a local date and time like "2025-12-10T09:00" (no offset: the zone is the meeting's)`);
    return l;
  });
  const dateKeys = new Set<string>();
  dates.forEach((d, j) => {
    const day = formatLocal(d).slice(0, 10);
    if (dateKeys.has(day)) fail(`${key}.dates[${j}]`, `a second occurrence on ${day}; one per day`);
    dateKeys.add(day);
  });
  if (!schedule && dates.length === 0) fail(key, 'give a schedule, dates, or both');

  const chair = optString(o, 'chair', key);
  if (chair !== undefined && !MAILBOX.test(chair.trim())) fail(`${key}.chair`, `"${chair}" should be "Name <address>"`);
  const chairs = (optStringList(o, 'chairs', key) ?? []).map((c, j) => {
    if (!MAILBOX.test(c.trim())) fail(`${key}.chairs[${j}]`, `"${c}" should be "Name <address>" or an address`);
    return c.trim();
  });
  if (chair !== undefined && !chairs.some((c) => addressOf(c) === addressOf(chair))) chairs.unshift(chair.trim());
  const digest = o.digest === undefined || o.digest === null ? undefined : asObject(o.digest, `${key}.digest`);
  return {
    id,
    name: optString(o, 'name', key) ?? id,
    zone,
    ...(schedule ? { schedule } : {}),
    dates,
    duration: duration(o, 'duration', key, MEETING_DEFAULTS.duration, false)!,
    ...(chair !== undefined ? { chair: chair.trim() } : {}),
    chairs,
    lists: (optStringList(o, 'lists', key) ?? []).map((l) => l.trim().replace(/^<|>$/g, '').toLowerCase()),
    standingItems: optStringList(o, 'standingItems', key) ?? [],
    agenda: agendaOf(o.agenda, `${key}.agenda`),
    jobs: jobsOf(o.jobs, `${key}.jobs`),
    ...(digest ? { digest } : {}),
    raw: o,
  };
}

/** The lower-case address of "Name <addr>" or "addr". */
export function addressOf(mailbox: string): string {
  return (/<([^<>]+)>\s*$/.exec(mailbox)?.[1] ?? mailbox).trim().toLowerCase();
}

function zoneOf(text: string, key: string): string {
  const c = checkZone(text);
  if (!c.ok) fail(key, c.problem);
  return c.zone;
}

function agendaOf(value: unknown, key: string): MeetingAgendaConfig {
  const o = asObject(value, key);
  onlyKeys(o, key, CONFIG_KEYS.agenda);
  const patterns = (k: string): string[] =>
    (optStringList(o, k, key) ?? []).map((p, j) => {
      checkPattern(p, `${key}.${k}[${j}]`);
      return p;
    });
  return {
    subjectTags: patterns('subjectTags'),
    aliases: optStringList(o, 'aliases', key) ?? [],
    calls: patterns('calls'),
    cutoff: duration(o, 'cutoff', key, MEETING_DEFAULTS.cutoff, true)!,
  };
}

function jobsOf(value: unknown, key: string): MeetingJobsConfig {
  const o = asObject(value, key);
  onlyKeys(o, key, CONFIG_KEYS.jobs);
  return {
    callForItems: duration(o, 'callForItems', key, MEETING_DEFAULTS.callForItems, true, true),
    chairReminder: duration(o, 'chairReminder', key, MEETING_DEFAULTS.chairReminder, true, true),
    digest: duration(o, 'digest', key, MEETING_DEFAULTS.digest, true, true),
  };
}

function duration(o: Obj, k: string, key: string, fallback: string, zeroOk: boolean, falseOk = false): Duration | null {
  if (falseOk && o[k] === false) return null;
  const text = optString(o, k, key) ?? fallback;
  const d = parseDuration(text);
  if (!d)
    fail(`${key}.${k}`, `"${text}" is not an ISO 8601 duration such as PT1H, PT24H or P7D${falseOk ? ' (or false to turn it off)' : ''}`);
  if (!zeroOk && isZero(d)) fail(`${key}.${k}`, 'must be longer than zero');
  return d;
}

function checkPattern(p: string, key: string): void {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(p);
  if (!m) {
    if (p.trim() === '') fail(key, 'must not be empty');
    return;
  }
  try {
    new RegExp(m[1]!, m[2]);
  } catch (err) {
    fail(key, `not a valid regular expression: ${(err as Error).message}`);
  }
}

/**
 * A subject tag or call pattern as a test: "/regex/flags" is a regular expression, anything else
 * a case-insensitive substring.
 */
export function patternMatcher(p: string): (text: string) => boolean {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(p);
  if (m) {
    const re = new RegExp(m[1]!, m[2]!.replace(/g|y/g, ''));
    return (text) => re.test(text);
  }
  const needle = p.toLowerCase();
  return (text) => text.toLowerCase().includes(needle);
}
