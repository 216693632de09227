import { pad } from '../time/plain-date-time.js';
import { offsetAt, offsetText, toLocal } from '../time/time-zone.js';

/** One calendar event: the call. */
export interface CalendarEvent {
  /** Stable per occurrence, so clients update the same entry when it changes. */
  readonly uid: string;
  /** Raised when the call moves (RFC 5545 section 3.8.7.4). */
  readonly sequence: number;
  readonly start: number;
  readonly end: number;
  readonly zone: string;
  readonly summary: string;
  readonly description: string;
  readonly url?: string;
  readonly organizer?: { readonly name: string; readonly email: string };
  /**
   * The call is cancelled: METHOD:CANCEL with STATUS:CANCELLED, the same UID and a raised SEQUENCE
   * (RFC 5546 section 3.2.5), so calendar clients remove the entry they had.
   */
  readonly cancelled?: boolean;
  /** DTSTAMP: when this object was made (the injected clock). */
  readonly stamp: number;
}

const DAY = 86_400_000;

/** The iTIP method of the object (RFC 5546): a published event, or its cancellation. */
export function icsMethod(ev: Pick<CalendarEvent, 'cancelled'>): 'PUBLISH' | 'CANCEL' {
  return ev.cancelled ? 'CANCEL' : 'PUBLISH';
}

/**
 * An iCalendar object (RFC 5545) with METHOD:PUBLISH, or METHOD:CANCEL for a cancelled call — the
 * mail part's Content-Type must carry the same method (RFC 6047 section 2.4). The event is given in the meeting's zone with its
 * VTIMEZONE included, so clients show it right across daylight-saving changes. CRLF line ends,
 * lines folded at 75 octets.
 */
export function buildIcs(ev: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//convene//pre-call digest//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${icsMethod(ev)}`,
    ...vtimezone(ev.zone, ev.start),
    'BEGIN:VEVENT',
    `UID:${text(ev.uid)}`,
    `SEQUENCE:${ev.sequence}`,
    `DTSTAMP:${utcStamp(ev.stamp)}`,
    `DTSTART;TZID=${ev.zone}:${localStamp(ev.start, ev.zone)}`,
    `DTEND;TZID=${ev.zone}:${localStamp(ev.end, ev.zone)}`,
    `SUMMARY:${text(ev.summary)}`,
    `DESCRIPTION:${text(ev.description)}`,
    ...(ev.url ? [`URL:${uri(ev.url)}`, `LOCATION:${text(ev.url)}`] : []),
    ...(ev.organizer ? [`ORGANIZER;CN=${param(ev.organizer.name)}:mailto:${uri(ev.organizer.email)}`] : []),
    `STATUS:${ev.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/**
 * VTIMEZONE from the zone's actual transitions (found with Intl) within about a year either side
 * of the call, each as an explicit observance without RRULE; plus one observance from 1970 with
 * the offset in force before them. Zones without daylight saving get a single STANDARD block.
 */
export function vtimezone(zone: string, around: number): string[] {
  const from = around - 400 * DAY;
  const to = around + 400 * DAY;
  const transitions: { at: number; before: number; after: number }[] = [];
  let prev = offsetAt(from, zone);
  for (let t = from + DAY; t <= to; t += DAY) {
    const o = offsetAt(t, zone);
    if (o !== prev) {
      let lo = t - DAY; // offset prev at lo, o at t: bisect to the minute
      let hi = t;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (offsetAt(mid, zone) === prev) lo = mid;
        else hi = mid;
      }
      transitions.push({ at: hi, before: prev, after: o });
      prev = o;
    }
  }
  const initial = offsetAt(from, zone);
  const out = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (atLocal: string, before: number, after: number, daylight: boolean): void => {
    const kind = daylight ? 'DAYLIGHT' : 'STANDARD';
    out.push(
      `BEGIN:${kind}`,
      `DTSTART:${atLocal}`,
      `TZOFFSETFROM:${offsetText(before).replace(':', '')}`,
      `TZOFFSETTO:${offsetText(after).replace(':', '')}`,
      `END:${kind}`,
    );
  };
  const offsets = [initial, ...transitions.map((t) => t.after)];
  const standard = Math.min(...offsets);
  observance('19700101T000000', initial, initial, initial > standard);
  for (const t of transitions) observance(wallStamp(t.at + t.before), t.before, t.after, t.after > standard);
  out.push('END:VTIMEZONE');
  return out;
}

function localStamp(instant: number, zone: string): string {
  const p = toLocal(instant, zone);
  return `${p.year}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

/** A UTC-shifted instant printed as a floating local time (for observance DTSTARTs). */
function wallStamp(shifted: number): string {
  const d = new Date(shifted);
  const date = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  return `${date}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

function utcStamp(instant: number): string {
  return `${wallStamp(Math.floor(instant / 1000) * 1000)}Z`;
}

/** TEXT escaping, RFC 5545 section 3.3.11. */
function text(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** A URI value is not TEXT-escaped (RFC 5545 section 3.3.13): a control character in it would end the line. */
function uri(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, '');
}

function param(s: string): string {
  return `"${s.replace(/["\r\n]/g, '')}"`;
}

/** Fold a content line at 75 octets (RFC 5545 section 3.1) without splitting a UTF-8 character. */
export function fold(line: string): string {
  const parts: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with one space
    if (bytes + n > limit) {
      parts.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}
