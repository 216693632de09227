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

const RENAMED: Readonly<Record<string, string>> = { meetingId: 'meeting', occurrenceKey: 'occurrence', key: 'occurrence' };
const INSTANT = /(?:^|[a-z])(?:At|start|Start|end|End|due|Due)$|^(?:start|end|at|due)$/;

/**
 * A stored snapshot (the audit log's before/after) in the JSON style: `meeting`/`occurrence` for
 * the ids, ISO 8601 for epoch-millisecond instants. Snapshots are a level or two deep.
 */
export function styledJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(styledJson);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      RENAMED[k] ?? k,
      INSTANT.test(k) && typeof v === 'number' ? isoTime(v) : v && typeof v === 'object' ? styledJson(v) : v,
    ]),
  );
}
