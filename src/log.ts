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

/** JSON lines (`{"time":..,"level":"warn","msg":..}`) on a stream: the CLI's stderr log. */
export function jsonLineLogger(stream: NodeJS.WritableStream, now: () => number = Date.now): Logger {
  const write = (level: string, fields: LogFields): void => {
    stream.write(JSON.stringify({ time: new Date(now()).toISOString(), level, ...fields }) + '\n');
  };
  return {
    info: (f) => write('info', f),
    warn: (f) => write('warn', f),
    error: (f) => write('error', f),
  };
}
