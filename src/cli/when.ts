/**
 * Times for people: in the meeting's zone for what concerns a meeting (agenda, review, status
 * jobs), in the user's own zone for the archive (search, show, thread, last sync), always with
 * the zone named, so "16:00" is never ambiguous.
 */
import { formatOffset, toLocal } from '../time/time-zone.js';
import { formatLocal } from '../time/plain-date-time.js';

/** The user's zone: $TZ when it names one, else the system's. */
export function userZone(env: NodeJS.ProcessEnv): string {
  const tz = env.TZ?.replace(/^:/, '');
  if (tz) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return tz; // as the user wrote it: ICU would turn Asia/Kolkata into Asia/Calcutta
    } catch {
      // not a zone Intl knows: fall back to the system's
    }
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "2025-08-05 15:03" in a zone (no zone name: for tables that name it once). */
export function shortIn(ms: number, zone: string): string {
  return formatLocal({ ...toLocal(ms, zone), second: 0 }).replace('T', ' ');
}

/** "2025-08-05 15:03 +02:00 Europe/Paris". */
export function labelIn(ms: number, zone: string): string {
  return `${shortIn(ms, zone)} ${formatOffset(ms, zone)} ${zone}`;
}
