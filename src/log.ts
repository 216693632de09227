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
  return pinoLogger(stream, now);
}

/**
 * The logger for a person or a program: readable lines on a terminal ("09:00:30 WARN  job ran late
 * kind=digest ..."), JSON lines otherwise (journald, files, pipes), both through pino with the same
 * redaction. On a terminal a progress bar registered for the stream (statusLines) is cleared before
 * each line and drawn again after it, so the two never share a line.
 */
export function consoleLogger(stream: NodeJS.WritableStream & { isTTY?: boolean }, now: () => number = Date.now): Logger {
  if (stream.isTTY !== true) return pinoLogger(stream, now);
  return pinoLogger({ write: (line: string) => void writeAboveStatus(stream, prettyLine(line)) }, now);
}

/** A line kept at the bottom of a terminal (a progress bar): loggers write above it. */
export interface StatusLine {
  clear(): void;
  redraw(): void;
}

/** The status line of each terminal stream, set by the progress bar while it shows. */
export const statusLines = new WeakMap<object, StatusLine>();

/** Write a whole line to a terminal stream above its status line, if any. */
export function writeAboveStatus(stream: NodeJS.WritableStream, line: string): void {
  const status = statusLines.get(stream);
  status?.clear();
  stream.write(line);
  status?.redraw();
}

const LEVEL_WIDTH = 5;

/** One pino JSON line as "HH:MM:SS LEVEL msg key=value ..." (local time; values JSON when not plain). */
export function prettyLine(json: string): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { time, level, msg, ...rest } = o;
  const t = typeof time === 'string' ? new Date(time) : new Date();
  const clock = [t.getHours(), t.getMinutes(), t.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  const fields = Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === 'string' && /^[^\s"=]+$/.test(v) ? v : JSON.stringify(v)}`)
    .join(' ');
  return `${clock} ${String(level ?? 'info')
    .toUpperCase()
    .padEnd(LEVEL_WIDTH)} ${String(msg ?? '')}${fields ? '  ' + fields : ''}\n`;
}

function pinoLogger(stream: { write(line: string): unknown }, now: () => number): Logger {
  const pino = createRequire(import.meta.url)('pino') as typeof import('pino').default;
  const log = pino(
    {
      base: null,
      messageKey: 'msg',
      timestamp: () => `,"time":"${new Date(now()).toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((k) => `*.${k}`)], censor: '[redacted]' },
    },
    stream as NodeJS.WritableStream,
  );
  return {
    info: (f) => log.info(f),
    warn: (f) => log.warn(f),
    error: (f) => log.error(f),
  };
}
