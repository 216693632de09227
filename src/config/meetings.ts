import type { Obj } from './validate.js';
import { asObject } from './validate.js';

/** Placeholder shape; the meetings module owns the full validation (issue 4). */
export interface MeetingConfig {
  readonly id: string;
  readonly name: string;
  readonly zone: string;
  readonly raw: Obj;
}

export function validateMeetings(value: unknown): MeetingConfig[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error('config: meetings: must be a list');
  return value.map((m, i) => {
    const o = asObject(m, `meetings[${i}]`);
    return { id: String(o.id ?? ''), name: String(o.name ?? ''), zone: String(o.zone ?? 'UTC'), raw: o };
  });
}
