import { pad, weekdayName } from '../time/plain-date-time.js';
import { offsetAt, offsetText, toLocal } from '../time/time-zone.js';

/** The call's time in one zone, ready for a template. */
export interface ZoneTime {
  readonly zone: string;
  /** "Wednesday 6 May 2015" */
  readonly date: string;
  /** "17:00" */
  readonly time: string;
  /** "+01:00" */
  readonly offset: string;
  readonly weekday: string;
  /** The local weekday differs from the meeting zone's (e.g. Tokyo on the next day). */
  readonly otherDay: boolean;
  /** "17:00 (UTC+01:00)", or "09:00 Thursday (UTC+09:00)" when the weekday differs. */
  readonly text: string;
  /** When the call ends: "18:00", or "00:30 Thursday" past midnight. */
  readonly until: string;
  /** Start to end: "17:00–18:00 (UTC+01:00)", weekdays named where they differ from the meeting zone's. */
  readonly span: string;
}

export interface CallTimes {
  readonly local: ZoneTime;
  /** How long the call lasts: "1 hour", "1 hour 30 minutes", "45 minutes". */
  readonly duration: string;
  readonly zones: readonly ZoneTime[];
  /** One line per pair of zones whose offset difference changed since the previous call. */
  readonly warnings: readonly string[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function zoneTime(instant: number, zone: string, refWeekday?: string, end = instant): ZoneTime {
  const p = toLocal(instant, zone);
  const day = weekdayName(p);
  const offset = offsetText(offsetAt(instant, zone));
  const otherDay = refWeekday !== undefined && refWeekday !== day;
  const time = `${pad(p.hour)}:${pad(p.minute)}`;
  const e = toLocal(end, zone);
  const endDay = weekdayName(e);
  // The end names its weekday when it falls on another day than the start (a call past midnight).
  const until = `${pad(e.hour)}:${pad(e.minute)}${endDay !== day ? ` ${endDay}` : ''}`;
  return {
    zone,
    date: `${day} ${p.day} ${MONTHS[p.month - 1]} ${p.year}`,
    time,
    offset,
    weekday: day,
    otherDay,
    text: `${time}${otherDay ? ` ${day}` : ''} (UTC${offset})`,
    until,
    span: `${time}${otherDay ? ` ${day}` : ''}–${until} (UTC${offset})`,
  };
}

/**
 * The call time in the meeting's zone and each configured zone, plus warnings for the weeks
 * when the US and Europe (or any two zones) have switched daylight saving on different dates:
 * the offset difference between two zones at this call differs from the one at the previous call.
 */
export function callTimes(start: number, meetingZone: string, zones: readonly string[], previousStart?: number, end = start): CallTimes {
  const local = zoneTime(start, meetingZone, undefined, end);
  const all = [meetingZone, ...zones.filter((z) => z !== meetingZone)];
  const warnings: string[] = [];
  if (previousStart !== undefined) {
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const a = all[i]!;
        const b = all[j]!;
        const now = offsetAt(start, a) - offsetAt(start, b);
        const before = offsetAt(previousStart, a) - offsetAt(previousStart, b);
        if (now !== before) {
          warnings.push(
            `${a} is now ${hours(now)} ${b} (${hours(before)} at the previous call): daylight saving changed in one of them only.`,
          );
        }
      }
    }
  }
  return { local, duration: durationText(end - start), zones: zones.map((z) => zoneTime(start, z, local.weekday, end)), warnings };
}

/** "1 hour", "2 hours 30 minutes", "45 minutes" ('' for none). */
export function durationText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [...(h ? [`${h} hour${h === 1 ? '' : 's'}`] : []), ...(m ? [`${m} minute${m === 1 ? '' : 's'}`] : [])];
  return parts.join(' ');
}

function hours(diffMs: number): string {
  if (diffMs === 0) return 'level with';
  const h = Math.abs(diffMs) / 3_600_000;
  const n = Number.isInteger(h) ? String(h) : h.toFixed(1);
  return `${n} hour${h === 1 ? '' : 's'} ${diffMs > 0 ? 'ahead of' : 'behind'}`;
}
