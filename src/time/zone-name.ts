/**
 * Which zone names a meeting may use: a canonical IANA name with a region ("Europe/London"), or
 * UTC. Refused, each with the name to use instead: UTC offsets ("+01:00", "UTC+1", "Etc/GMT-5":
 * no daylight saving, so the call drifts by an hour twice a year for everyone who has it), the
 * POSIX-style zones ("EST", "PST8PDT"), and legacy or renamed names ("US/Pacific",
 * "Asia/Calcutta"). Intl's own canonical form is not used: ICU maps "Asia/Kolkata" back to
 * "Asia/Calcutta" and "EST" to "America/Panama", which is not what a person means.
 */
import { acceptedZones, renamedZone } from './zone-names.js';

export type ZoneCheck = { readonly ok: true; readonly zone: string } | { readonly ok: false; readonly problem: string };

/** A fixed UTC offset written as a zone ("+01:00", "UTC+1", "GMT-5", "Etc/GMT+1"). */
export function isOffsetZone(zone: string): boolean {
  return /^(?:[+-]\d|(?:UTC|GMT|UT)\s*[+-]\s*\d|Etc\/GMT[+-]\d)/i.test(zone.trim());
}

/** Check a zone name: its canonical spelling, or the problem with the name to use instead. */
export function checkZone(text: string): ZoneCheck {
  const name = text.trim();
  if (name === '') return { ok: false, problem: 'is empty: give an IANA zone such as Europe/London' };
  if (isOffsetZone(name)) {
    return {
      ok: false,
      problem:
        `"${text}" is a UTC offset: offsets are refused because they ignore daylight saving; ` +
        'give the IANA zone of a place, such as Europe/London',
    };
  }
  const canonical = acceptedZones().get(name.toLowerCase());
  if (canonical && knownToIntl(canonical)) return { ok: true, zone: canonical };
  const instead = renamedZone(name);
  if (instead) return { ok: false, problem: `"${text}" is a legacy zone name: use ${instead}` };
  if (canonical) return { ok: false, problem: `"${text}" is not known to this Node's time zone data (update Node)` };
  return { ok: false, problem: `"${text}" is not an IANA time zone with a region, such as Europe/London or America/New_York` };
}

function knownToIntl(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
