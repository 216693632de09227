import type { MeetingConfig } from '../config/meetings.js';
import type { Config } from '../config/types.js';
import { ConveneError } from '../errors.js';

/** Parse --now: an ISO 8601 instant WITH a zone (Z or an offset), so the instant is unambiguous. */
export function parseNow(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/(Z|[+-]\d\d:?\d\d)$/i.test(text.trim())) throw new ConveneError('USAGE', `--now needs an instant with a zone, like 2026-03-10T16:00Z, not "${text}"`);
  const t = Date.parse(text.trim());
  if (Number.isNaN(t)) throw new ConveneError('USAGE', `--now: "${text}" is not an ISO 8601 instant`);
  return t;
}

/** A clock: fixed at --now (once), or starting at --now and running (daemon), or the real one. */
export function clockFrom(now: number | undefined, running: boolean): () => number {
  if (now === undefined) return Date.now;
  if (!running) return () => now;
  const offset = now - Date.now();
  return () => Date.now() + offset;
}

/** The meeting named by --meeting (or the only one configured). */
export function meetingArg(config: Config, id: string | undefined): MeetingConfig {
  if (id === undefined) {
    if (config.meetings.length === 1) return config.meetings[0]!;
    throw new ConveneError('USAGE', `--meeting ID is required (configured: ${config.meetings.map((m) => m.id).join(', ') || 'none'})`);
  }
  const m = config.meetings.find((x) => x.id === id);
  if (!m) throw new ConveneError('NOT_FOUND', `no meeting "${id}" in the config (configured: ${config.meetings.map((x) => x.id).join(', ') || 'none'})`);
  return m;
}
