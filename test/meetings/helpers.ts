import { configFromValue } from '../../src/config/load.js';
import type { MeetingConfig } from '../../src/config/meetings.js';
import { parseLocal } from '../../src/time/plain-date-time.js';
import { fromLocal, toLocal } from '../../src/time/time-zone.js';
import { formatLocal } from '../../src/time/plain-date-time.js';

/** One validated meeting from a config fragment. */
export function meeting(value: Record<string, unknown>): MeetingConfig {
  return configFromValue({ meetings: [value] }, null).meetings[0]!;
}

/** The instant of a local time in a zone. */
export function at(text: string, zone: string): number {
  const l = parseLocal(text);
  if (!l) throw new Error(`bad local time ${text}`);
  return fromLocal(l, zone);
}

/** An instant as local "YYYY-MM-DDTHH:MM" in a zone. */
export function local(instant: number, zone: string): string {
  return formatLocal(toLocal(instant, zone));
}
