import { describe, expect, it } from 'vitest';
import { jsonLineLogger } from '../src/log.js';

describe('the JSON-lines log (pino)', () => {
  it('writes one line per entry: level, time from the injected clock, msg and the fields', () => {
    const lines: string[] = [];
    const stream = { write: (s: string) => (lines.push(s), true) } as unknown as NodeJS.WritableStream;
    const log = jsonLineLogger(stream, () => Date.UTC(2026, 2, 10, 16));
    log.info({ msg: 'job ran', kind: 'digest', late: false });
    log.error({ msg: 'mail failed', error: 'boom' });
    expect(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { level: 'info', time: '2026-03-10T16:00:00.000Z', msg: 'job ran', kind: 'digest', late: false },
      { level: 'error', time: '2026-03-10T16:00:00.000Z', msg: 'mail failed', error: 'boom' },
    ]);
  });

  it('never writes a secret under a secret-looking key, at the top or one level down', () => {
    const lines: string[] = [];
    const stream = { write: (s: string) => (lines.push(s), true) } as unknown as NodeJS.WritableStream;
    jsonLineLogger(stream, () => 0).warn({ msg: 'x', password: 'hunter2', imap: { host: 'h', password: 'p4ss', accessToken: 't0k' } });
    expect(lines.join('')).not.toMatch(/hunter2|p4ss|t0k/);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      password: '[redacted]',
      imap: { host: 'h', password: '[redacted]', accessToken: '[redacted]' },
    });
  });
});
