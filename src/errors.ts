/**
 * One registry of error codes (DESIGN principle 8, after nodemailer's errors.js).
 * The CLI prints `convene: <message>` on one line and exits with the code's mapped status.
 */
export const ERROR_CODES = {
  USAGE: 2,
  CONFIG: 1,
  CONFIG_MISSING: 1,
  DB: 1,
  DB_LOCKED: 1,
  CORRUPT: 1,
  IO: 1,
  NOT_FOUND: 1,
  INPUT: 1,
  QUERY_SYNTAX: 2,
  IMAP_AUTH: 3,
  IMAP_CONNECT: 4,
  IMAP: 4,
  SMTP: 5,
  SMTP_PERMANENT: 5,
  AGENDA: 1,
  MEETING: 1,
  INTERNAL: 70,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error the user can act on: a stable code and a one-line message. */
export class ConveneError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConveneError';
    this.code = code;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code];
  }
}

/** True for errors worth retrying with backoff (network drops, timeouts, server busy). */
export function isTransient(err: unknown): boolean {
  const e = err as { code?: string; responseCode?: number; transient?: boolean } | undefined;
  if (!e) return false;
  if (e.transient === true) return true;
  if (typeof e.responseCode === 'number') return e.responseCode >= 400 && e.responseCode < 500;
  return [
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'NoConnection',
    'ESOCKET',
    'ECONNECTION',
    'EAI_AGAIN',
    'ClosedAfterConnectTLS',
    'ClosedAfterConnectText',
  ].includes(e.code ?? '');
}

/** The message of any thrown value, on one line. */
export function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s*\n\s*/g, ' ').trim();
}
