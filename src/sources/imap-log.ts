import type { Logger as ImapFlowLogger } from 'imapflow';

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

/**
 * What imapflow gets as its logger: debug/info dropped; warnings and errors that carry a message
 * passed on with only that message and an error code. imapflow's entries carry protocol details
 * we do not copy (and with logRaw, traffic): credentials must never reach a log. Entries with
 * only an `err` are skipped: imapflow also emits those as 'error' events or rejections, which
 * the session logs or handles.
 */
export function imapflowLogger(logger: Logger): ImapFlowLogger {
  const pass =
    (level: 'warn' | 'error') =>
    (obj: unknown): void => {
      const o = (obj ?? {}) as { msg?: unknown; err?: { code?: unknown } };
      if (typeof o.msg !== 'string') return;
      const code = typeof o.err?.code === 'string' ? o.err.code : undefined;
      logger[level]({ msg: `imap client: ${o.msg}`, ...(code ? { code } : {}) });
    };
  return { debug() {}, info() {}, warn: pass('warn'), error: pass('error') };
}
