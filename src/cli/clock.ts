import type { MeetingConfig } from '../config/meetings.js';
import type { Config } from '../config/types.js';
import { ConveneError } from '../errors.js';

/**
 * Parse an instant given on the command line (--now, --since, CONVENE_NOW): ISO 8601 WITH a zone
 * (Z or an offset), or milliseconds since the epoch, so the instant never depends on the host's
 * time zone.
 */
export function parseInstant(text: string, what = '--now'): number {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (!/(Z|[+-]\d\d:?\d\d)$/i.test(t))
    throw new ConveneError('USAGE', `${what} needs an instant with a zone, like 2026-03-10T16:00Z, not "${text}"`);
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) throw new ConveneError('USAGE', `${what}: "${text}" is not an ISO 8601 instant`);
  return ms;
}

/** Parse --now (see parseInstant); undefined when not given. */
export function parseNow(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseInstant(text);
}

/** Now: --now TIME, else CONVENE_NOW (the test and demo clock), else the system clock. */
export function cliNow(env: NodeJS.ProcessEnv, flag?: string): number {
  if (flag !== undefined) return parseInstant(flag, '--now');
  if (env.CONVENE_NOW) return parseInstant(env.CONVENE_NOW, 'CONVENE_NOW');
  return Date.now();
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
  if (!m)
    throw new ConveneError(
      'NOT_FOUND',
      `no meeting "${id}" in the config (configured: ${config.meetings.map((x) => x.id).join(', ') || 'none'})`,
    );
  return m;
}
