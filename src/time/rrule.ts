/**
 * RFC 5545 recurrence rules (section 3.3.10), the subset a regular call needs: FREQ DAILY,
 * WEEKLY, MONTHLY or YEARLY; INTERVAL; COUNT or UNTIL; BYDAY (with ordinals: 2WE, -1FR);
 * BYMONTHDAY; BYMONTH; BYSETPOS; WKST. "Second Wednesday of the month" is FREQ=MONTHLY;BYDAY=2WE,
 * "every other Tuesday" FREQ=WEEKLY;INTERVAL=2;BYDAY=TU, "first Monday except in August"
 * FREQ=MONTHLY;BYDAY=1MO;BYMONTH=1,2,3,4,5,6,7,9,10,11,12. The rule runs on the wall clock of the
 * meeting's zone (rrule-expand.ts); times of day come from the start. BYHOUR, BYMINUTE, BYSECOND,
 * BYWEEKNO and BYYEARDAY are refused: a call happens once on its day.
 */
export type Freq = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** Monday = 0 .. Sunday = 6. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export interface ByDay {
  readonly weekday: number;
  /** 2 for 2WE, -1 for -1FR; 0: every such weekday of the period. */
  readonly ordinal: number;
}

/** UNTIL: a local date (inclusive), a local date-time, or an instant (…Z). */
export type Until =
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'local'; readonly local: string }
  | { readonly kind: 'instant'; readonly ms: number };

export interface RRule {
  readonly freq: Freq;
  readonly interval: number;
  readonly count?: number;
  readonly until?: Until;
  readonly byDay: readonly ByDay[];
  readonly byMonthDay: readonly number[];
  readonly byMonth: readonly number[];
  readonly bySetPos: readonly number[];
  readonly wkst: number;
  /** The rule as written (normalised to upper case), for messages. */
  readonly text: string;
}

/** The most occurrences COUNT may ask for (a bound on the work of counting from the start). */
export const MAX_COUNT = 10_000;

export class RRuleError extends Error {}

function ints(text: string, part: string, min: number, max: number, signed: boolean): number[] {
  return text.split(',').map((t) => {
    const n = /^[+-]?\d{1,4}$/.test(t) ? Number(t) : NaN;
    const a = Math.abs(n);
    if (Number.isNaN(n) || a < min || a > max || (!signed && n < 0)) {
      throw new RRuleError(`${part}=${text}: each value must be ${signed ? '±' : ''}${min}..${max}`);
    }
    return n;
  });
}

function parseUntil(text: string): Until {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(text);
  if (!m) throw new RRuleError(`UNTIL=${text}: must be YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ`);
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] === undefined) return { kind: 'date', date };
  const local = `${date}T${m[4]}:${m[5]}:${m[6]}`;
  return m[7] ? { kind: 'instant', ms: Date.parse(`${local}Z`) } : { kind: 'local', local };
}

/** Parse an RRULE value ("FREQ=MONTHLY;BYDAY=2WE", an optional "RRULE:" in front). Throws RRuleError. */
export function parseRRule(input: string): RRule {
  const text = input
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  const parts = new Map<string, string>();
  for (const p of text.split(';').filter(Boolean)) {
    const eq = p.indexOf('=');
    if (eq < 1) throw new RRuleError(`"${p}" is not NAME=VALUE`);
    const name = p.slice(0, eq);
    if (parts.has(name)) throw new RRuleError(`${name} is given twice`);
    parts.set(name, p.slice(eq + 1));
  }
  for (const name of parts.keys()) {
    if (['BYHOUR', 'BYMINUTE', 'BYSECOND', 'BYWEEKNO', 'BYYEARDAY'].includes(name))
      throw new RRuleError(`${name} is not supported: a call happens once on its day, at the start's time`);
    if (!['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'WKST'].includes(name))
      throw new RRuleError(`unknown part ${name}`);
  }
  const freq = parts.get('FREQ');
  if (!freq) throw new RRuleError('FREQ is required (DAILY, WEEKLY, MONTHLY or YEARLY)');
  if (!['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(freq))
    throw new RRuleError(`FREQ=${freq}: use DAILY, WEEKLY, MONTHLY or YEARLY (a call is not hourly)`);
  if (parts.has('COUNT') && parts.has('UNTIL')) throw new RRuleError('give COUNT or UNTIL, not both');
  const byDay = (parts.get('BYDAY') ?? '')
    .split(',')
    .filter(Boolean)
    .map((d) => {
      const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d);
      const ordinal = m?.[1] ? Number(m[1]) : 0;
      if (!m || Math.abs(ordinal) > 53 || (m[1] && ordinal === 0))
        throw new RRuleError(`BYDAY=${parts.get('BYDAY')}: "${d}" is not like WE, 2WE or -1FR`);
      return { weekday: WEEKDAYS.indexOf(m[2] as (typeof WEEKDAYS)[number]), ordinal };
    });
  if (byDay.some((d) => d.ordinal !== 0) && (freq === 'DAILY' || freq === 'WEEKLY'))
    throw new RRuleError(`BYDAY with a number (${parts.get('BYDAY')}) needs FREQ=MONTHLY or YEARLY`);
  const byMonthDay = parts.has('BYMONTHDAY') ? ints(parts.get('BYMONTHDAY')!, 'BYMONTHDAY', 1, 31, true) : [];
  if (byMonthDay.length && freq === 'WEEKLY') throw new RRuleError('BYMONTHDAY cannot be used with FREQ=WEEKLY (RFC 5545)');
  const wkst = parts.has('WKST') ? WEEKDAYS.indexOf(parts.get('WKST') as (typeof WEEKDAYS)[number]) : 0;
  if (wkst < 0) throw new RRuleError(`WKST=${parts.get('WKST')}: must be MO..SU`);
  const count = parts.has('COUNT') ? ints(parts.get('COUNT')!, 'COUNT', 1, MAX_COUNT, false)[0] : undefined;
  return {
    freq: freq as Freq,
    interval: parts.has('INTERVAL') ? ints(parts.get('INTERVAL')!, 'INTERVAL', 1, 1000, false)[0]! : 1,
    ...(count !== undefined ? { count } : {}),
    ...(parts.has('UNTIL') ? { until: parseUntil(parts.get('UNTIL')!) } : {}),
    byDay,
    byMonthDay,
    byMonth: parts.has('BYMONTH') ? ints(parts.get('BYMONTH')!, 'BYMONTH', 1, 12, false) : [],
    bySetPos: parts.has('BYSETPOS') ? ints(parts.get('BYSETPOS')!, 'BYSETPOS', 1, 366, true) : [],
    wkst,
    text,
  };
}
