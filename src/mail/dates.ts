import type { DateSource } from './types.js';

/** A trailing numeric offset or zone name (GMT, EST, Z, a military letter, ...). */
const HAS_ZONE = /(?:[+-]\d{2}:?\d{2}|\b[A-Za-z]{1,5})$/;

/**
 * A Date header parsed without mailparser's "unparseable means now" behaviour.
 * Accepts RFC 5322 dates and the common obsolete forms Date.parse understands; rejects dates
 * before 1970 or after 2200 (broken clocks).
 */
export function parseDateHeader(value: string | undefined): number | null {
  if (!value) return null;
  // Drop comments such as "(CEST)" and a trailing day-of-week junk; Date.parse handles the rest.
  let cleaned = value
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!cleaned) return null;
  // No zone at all: read it as UTC. Date.parse would use the host's zone, so the stored date
  // (and the meeting a proposal goes to) would change with the machine (RFC 5322 §3.3: the zone
  // is required; §4.3's -0000 means "unknown local time", which UTC is the honest reading of).
  if (!HAS_ZONE.test(cleaned)) cleaned += ' +0000';
  let ms = Date.parse(cleaned);
  if (Number.isNaN(ms)) ms = Date.parse(cleaned.replace(/^[A-Za-z]{3},?\s*/, ''));
  if (Number.isNaN(ms)) return null;
  if (ms < 0 || ms > Date.UTC(2200, 0, 1)) return null;
  return ms;
}

/** Choose the header date, else IMAP INTERNALDATE, else the mbox From_ line; record which. */
export function chooseDate(header: number | null, internal?: number, fromLine?: number): { date: number | null; source: DateSource } {
  if (header !== null) return { date: header, source: 'header' };
  if (internal !== undefined && Number.isFinite(internal)) return { date: internal, source: 'internal' };
  if (fromLine !== undefined && Number.isFinite(fromLine)) return { date: fromLine, source: 'from-line' };
  return { date: null, source: 'none' };
}
