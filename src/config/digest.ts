import { checkZone } from '../time/zone-name.js';
import { isZero, parseDuration, type Duration } from '../time/duration.js';
import type { Obj } from './validate.js';
import { CONFIG_KEYS } from './keys.js';
import { asObject, asWritten, fail, onlyKeys, optBool, optString, optStringList, type PathResolver } from './validate.js';

/** Template paths that override the bundled ones in templates/. */
export interface DigestTemplates {
  readonly text?: string;
  readonly html?: string;
  readonly callForItems?: string;
  readonly chairReminder?: string;
  readonly cancelProposal?: string;
  readonly notes?: string;
  readonly chairCopy?: string;
  readonly reviewConfirmation?: string;
  readonly cancellation?: string;
}

/**
 * How long before the call each job is due, as ISO 8601 durations whose date parts are nominal
 * (calendar days on the meeting's wall clock) and time parts exact (src/mailings/due.ts). The digest
 * default P1D (also spelled "previous-day") is the previous calendar day at the call's local time.
 */
export interface DigestTiming {
  readonly callForItems: Duration;
  readonly chairReminder: Duration;
  readonly digest: Duration;
}

/** The digest settings of one meeting: the global section with the meeting's overrides applied. */
export interface DigestSettings {
  readonly from: string;
  readonly to: readonly string[];
  readonly listId?: string;
  readonly unsubscribe: readonly string[];
  /**
   * The https unsubscribe URL accepts RFC 8058 one-click POSTs: only then is List-Unsubscribe-Post
   * sent (a page that only answers GET would make a client's "unsubscribe" button fail silently).
   */
  readonly unsubscribeOneClick: boolean;
  /** A URL template with {messageId} (the id without angle brackets, URL-encoded). */
  readonly archiveUrl?: string;
  readonly zones: readonly string[];
  readonly join?: string;
  /** true: items awaiting review are held back (the chair is told); false: listed, marked as such. */
  readonly holdUnreviewed: boolean;
  readonly templates: DigestTemplates;
  readonly timing: DigestTiming;
}

export interface DigestConfig {
  /** The raw global section (kept for callers of the placeholder shape). */
  readonly raw: Obj;
  readonly global: DigestSettings;
  /** Per meeting id, the merged settings of meetings that override any key. */
  readonly perMeeting: ReadonlyMap<string, DigestSettings>;
}

const TEMPLATE_KEYS = CONFIG_KEYS.templates;

export const DEFAULT_DIGEST: DigestSettings = {
  from: 'convene <convene@localhost>',
  to: [],
  unsubscribe: [],
  unsubscribeOneClick: false,
  zones: [],
  // Unreviewed proposals stay out of the public digest unless the operator opts in (issue 13 item 5).
  holdUnreviewed: true,
  templates: {},
  timing: { callForItems: parseDuration('P7D')!, chairReminder: parseDuration('P2D')!, digest: parseDuration('P1D')! },
};

/**
 * Validate the global `digest:` section and every `meetings[i].digest` override (each key of the
 * global section may be overridden per meeting). Errors name the key.
 */
export function validateDigest(value: unknown, meetings?: unknown, path: PathResolver = asWritten): DigestConfig {
  const raw = asObject(value, 'digest');
  const global = mergeSection(DEFAULT_DIGEST, raw, 'digest', path);
  const perMeeting = new Map<string, DigestSettings>();
  if (Array.isArray(meetings)) {
    meetings.forEach((m, i) => {
      if (!m || typeof m !== 'object' || Array.isArray(m)) return; // the meetings validator reports it
      const o = m as Obj;
      if (o.digest === undefined || o.digest === null) return;
      const key = `meetings[${i}].digest`;
      perMeeting.set(String(o.id ?? ''), mergeSection(global, asObject(o.digest, key), key, path));
    });
  }
  return { raw, global, perMeeting };
}

/** The settings for one meeting: its overrides if it has any, else the global section. */
export function digestFor(config: DigestConfig, meetingId: string): DigestSettings {
  return config.perMeeting.get(meetingId) ?? config.global;
}

function mergeSection(base: DigestSettings, o: Obj, key: string, path: PathResolver): DigestSettings {
  onlyKeys(o, key, CONFIG_KEYS.digest);
  const from = optString(o, 'from', key);
  if (from !== undefined) address(from, `${key}.from`);
  const to = optStringList(o, 'to', key);
  to?.forEach((a, i) => address(a, `${key}.to[${i}]`));
  const unsubscribe = optStringList(o, 'unsubscribe', key);
  unsubscribe?.forEach((u, i) => {
    if (!/^mailto:[^@\s]+@[^@\s]+$/i.test(u) && !isHttps(u))
      fail(`${key}.unsubscribe[${i}]`, `must be a mailto: or https: URL, not "${u}"`);
  });
  const oneClick = optBool(o, 'unsubscribeOneClick', key);
  if (oneClick === true && !(unsubscribe ?? base.unsubscribe).some(isHttps))
    fail(`${key}.unsubscribeOneClick`, 'needs an https: URL in unsubscribe (RFC 8058 one-click is a POST to it)');
  const archiveUrl = optString(o, 'archiveUrl', key);
  if (archiveUrl !== undefined) {
    if (!/^https?:\/\//i.test(archiveUrl)) fail(`${key}.archiveUrl`, 'must be an http(s) URL');
    if (!archiveUrl.includes('{messageId}')) fail(`${key}.archiveUrl`, 'must contain {messageId}');
  }
  const zones = optStringList(o, 'zones', key);
  const canonicalZones = zones?.map((z, i) => ianaZone(z, `${key}.zones[${i}]`));
  const join = optString(o, 'join', key);
  const listId = optString(o, 'listId', key);
  if (listId !== undefined && !/^[^\s<>]+$/.test(listId)) fail(`${key}.listId`, 'must be a list id such as devel.lists.example.org');
  return {
    from: from ?? base.from,
    to: to ?? base.to,
    ...(listId !== undefined ? { listId } : base.listId !== undefined ? { listId: base.listId } : {}),
    unsubscribe: unsubscribe ?? base.unsubscribe,
    unsubscribeOneClick: oneClick ?? (unsubscribe === undefined ? base.unsubscribeOneClick : false),
    ...(archiveUrl !== undefined ? { archiveUrl } : base.archiveUrl !== undefined ? { archiveUrl: base.archiveUrl } : {}),
    zones: canonicalZones ?? base.zones,
    ...(join !== undefined ? { join } : base.join !== undefined ? { join: base.join } : {}),
    holdUnreviewed: optBool(o, 'holdUnreviewed', key) ?? base.holdUnreviewed,
    templates: templates(o.templates, `${key}.templates`, base.templates, path),
    timing: timing(o.timing, `${key}.timing`, base.timing),
  };
}

function templates(value: unknown, key: string, base: DigestTemplates, path: PathResolver): DigestTemplates {
  const o = asObject(value, key);
  onlyKeys(o, key, TEMPLATE_KEYS);
  const out: Record<string, string> = { ...(base as Record<string, string>) };
  for (const k of TEMPLATE_KEYS) {
    const v = optString(o, k, key);
    if (v !== undefined) {
      if (v === '') fail(`${key}.${k}`, 'must be a file path');
      out[k] = path(v);
    }
  }
  return out;
}

function timing(value: unknown, key: string, base: DigestTiming): DigestTiming {
  const o = asObject(value, key);
  onlyKeys(o, key, CONFIG_KEYS.timing);
  const dur = (k: keyof DigestTiming): Duration => {
    let v = optString(o, k, key);
    if (v === undefined) return base[k];
    if (k === 'digest' && v === 'previous-day') v = 'P1D';
    const d = parseDuration(v);
    if (d === null || isZero(d))
      fail(`${key}.${k}`, `must be a non-zero ISO 8601 duration before the call, such as P7D or PT24H, not "${v}"`);
    return d;
  };
  return { callForItems: dur('callForItems'), chairReminder: dur('chairReminder'), digest: dur('digest') };
}

function address(value: string, key: string): void {
  if (!/[^@\s<>]+@[^@\s<>]+/.test(value)) fail(key, `must be an email address, not "${value}"`);
}

function isHttps(u: string): boolean {
  try {
    return new URL(u).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Only canonical IANA zones with a region (or UTC): see time/zone-name.ts. */
export function ianaZone(zone: string, key: string): string {
  const c = checkZone(zone);
  if (!c.ok) fail(key, c.problem);
  return c.zone;
}
