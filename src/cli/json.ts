/**
 * One JSON style for every command (issue 11): camelCase fields, the same names for the same
 * things (`meeting` for a meeting's id, `occurrence` for an occurrence's key), and every instant as
 * an ISO 8601 string with its offset, never epoch milliseconds. test/cli/json-style.test.ts checks
 * every command's --json output against these rules.
 */
import { formatOffset, toLocal } from '../time/time-zone.js';
import { formatLocal, pad } from '../time/plain-date-time.js';

/**
 * An instant as ISO 8601 with milliseconds and an offset: UTC as "Z" (toISOString), or the wall
 * time and offset in a zone ("2025-12-10T09:00:00.000+09:00"). Null stays null.
 */
export function isoTime(ms: number, zone?: string): string;
export function isoTime(ms: number | null, zone?: string): string | null;
export function isoTime(ms: number | null, zone?: string): string | null {
  if (ms === null) return null;
  if (!zone || zone === 'UTC' || zone === 'Etc/UTC') return new Date(ms).toISOString();
  const whole = Math.floor(ms / 1000) * 1000;
  const l = toLocal(whole, zone);
  const local = formatLocal({ ...l, second: 0 });
  return `${local}:${pad(l.second)}.${pad(ms - whole, 3)}${formatOffset(whole, zone)}`;
}
