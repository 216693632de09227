import type { Logger as ImapFlowLogger } from 'imapflow';
import type { Logger } from '../log.js';

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
