import { createRequire } from 'node:module';

/**
 * The small structured logger every long-running part takes (sync loops, the outbox, the daemon):
 * a shared leaf, so sending and syncing need not import each other to log.
 */

/** Structured log fields; `msg` says what happened. Never put secrets in here. */
export interface LogFields {
  readonly msg: string;
  readonly [key: string]: unknown;
}

/** The small logger the sync loop takes (a pino instance fits it too). */
export interface Logger {
  info(fields: LogFields): void;
  warn(fields: LogFields): void;
  error(fields: LogFields): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/**
 * Keys whose values never reach a log line, at the top level or one level down (a config section
 * logged whole): the censor replaces them. Log fields are chosen by hand and hold no secrets
 * today; this is the net under that rule (DESIGN: secrets are never logged).
 */
export const REDACTED_KEYS = ['password', 'pass', 'secret', 'token', 'accessToken', 'oauth2Token', 'auth', 'authorization'];

/**
 * JSON lines on a stream, with pino: `{"level":"warn","time":"<ISO, from the injected clock>",
 * "msg":..., ...fields}` (the daemon's log on stdout, sync's and digest send's on stderr). pino is
 * loaded on first use, so importing this leaf costs nothing.
 */
export function jsonLineLogger(stream: NodeJS.WritableStream, now: () => number = Date.now): Logger {
  const pino = createRequire(import.meta.url)('pino') as typeof import('pino').default;
  const log = pino(
    {
      base: null,
      messageKey: 'msg',
      timestamp: () => `,"time":"${new Date(now()).toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((k) => `*.${k}`)], censor: '[redacted]' },
    },
    stream,
  );
  return {
    info: (f) => log.info(f),
    warn: (f) => log.warn(f),
    error: (f) => log.error(f),
  };
}
