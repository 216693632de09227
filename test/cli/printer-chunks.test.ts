import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { makePrinter, styles, type OutputFormat } from '../../src/cli/output.js';

/**
 * The printer writes records in chunks of about 16 KB (issue 9: a write per row was a system
 * call per row). What comes out must be what printing the records one at a time gives, made
 * safe for the terminal the same way (issue 13): a chunk boundary changes nothing.
 */
function printer(format: OutputFormat, tty: boolean) {
  const writes: string[] = [];
  const sink = Object.assign(
    new Writable({
      write(chunk, _e, done) {
        writes.push(chunk.toString());
        done();
      },
    }),
    { isTTY: tty },
  );
  return { p: makePrinter(sink, format, {}), writes };
}

const rows = Array.from({ length: 2000 }, (_, i) => ({
  n: i,
  subject: `row ${i} \x1b]52;c;eA==\x07 \x1b[31mred\x1b[0m \u009b2J \u202eevil\u2028 é ✓`,
}));

describe('chunked records', () => {
  for (const format of ['text', 'json', 'jsonl'] as const) {
    for (const tty of [false, true]) {
      it(`${format}${tty ? ' on a colour terminal' : ''}: the same bytes as a record at a time, in few writes`, () => {
        const line = (r: (typeof rows)[number]): string => `${styles(tty).dim(String(r.n))} ${r.subject}`;
        const whole = printer(format, tty);
        whole.p.records(rows, line);
        let one = '';
        for (const r of rows) {
          const single = printer(format, tty);
          single.p.records([r], line);
          one += single.writes.join('');
        }
        const out = whole.writes.join('');
        const expected = format === 'json' ? one.split(']\n[').join(',\n') : one;
        expect(out).toBe(expected);
        expect(whole.writes.length).toBeLessThan(rows.length / 20);
        expect(out).not.toMatch(/\x1b(?!\[(?:0|1|2|31|32|33|36)m)|[\u0007\u009b\u202e\u2028]/);
        if (format === 'text') expect(out).toContain('␛[31mred␛[0m');
      });
    }
  }
});
