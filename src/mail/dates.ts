import type { DateSource } from './types.js';

/**
 * A Date header parsed without mailparser's "unparseable means now" behaviour.
 * Accepts RFC 5322 dates and the common obsolete forms Date.parse understands; rejects dates
 * before 1970 or more than a day in the future of the other fallbacks' reach (broken clocks).
 */
export function parseDateHeader(value: string | undefined): number | null {
  if (!value) return null;
  // Drop comments such as "(CEST)" and a trailing day-of-week junk; Date.parse handles the rest.
  const cleaned = value.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (!cleaned) return null;
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
