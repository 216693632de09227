/**
 * Config strings reach mail headers and the .ics (issue 13, Low; repro 12): `digest.join` with a
 * CR/LF injected an ATTENDEE property into the calendar entry. Every config string is one line;
 * the .ics writer also keeps control characters out of URI values it does not TEXT-escape.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configFromValue } from '../../src/config/load.js';
import { buildIcs } from '../../src/digest/calendar.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const MEETING = { id: 'm', name: 'M', zone: 'Europe/London', dates: ['2026-06-03T16:00'], chair: 'C <c@x.org>' };
const INJECT = '\r\nATTENDEE;RSVP=TRUE:mailto:victim@example.org';

const refused = (value: Record<string, unknown>) => () => configFromValue(value, null);

describe('config strings are one line', () => {
  it('refuses CR, LF and other control characters in every string that may reach a header or the .ics, naming the key', () => {
    const one = 'must be one line, without line breaks or other control characters';
    expect(refused({ meetings: [MEETING], digest: { join: `https://meet.example/x${INJECT}` } })).toThrow(`config: digest.join: ${one}`);
    expect(refused({ meetings: [MEETING], digest: { from: 'c <c@x.org>\r\nBcc: all@x.org' } })).toThrow(`config: digest.from: ${one}`);
    expect(refused({ meetings: [MEETING], digest: { to: ['l@x.org', 'm@x.org\nBcc: x@y'] } })).toThrow(`config: digest.to[1]: ${one}`);
    expect(refused({ meetings: [MEETING], digest: { unsubscribe: [`https://x.org/u${INJECT}`] } })).toThrow(
      `config: digest.unsubscribe[0]: ${one}`,
    );
    expect(refused({ meetings: [{ ...MEETING, name: `M${INJECT}` }] })).toThrow(`config: meetings[0].name: ${one}`);
    expect(refused({ meetings: [{ ...MEETING, chair: 'C <c@x.org>\x1b[2K' }] })).toThrow(`config: meetings[0].chair: ${one}`);
    expect(refused({ meetings: [{ ...MEETING, digest: { join: `x${INJECT}` } }] })).toThrow(`config: meetings[0].digest.join: ${one}`);
    expect(configFromValue({ meetings: [MEETING], digest: { join: 'https://meet.example/x\tsecond' } }, null).digest.global.join).toBe(
      'https://meet.example/x\tsecond',
    );
  });

  it('digest preview with such a config stops with one line naming the key; nothing is composed', async () => {
    const dir = tempDir();
    const path = join(dir, 'j.yaml');
    writeFileSync(
      path,
      JSON.stringify({
        db: join(dir, 'j.sqlite'),
        meetings: [MEETING],
        digest: { from: 'c <c@x.org>', join: `https://meet.example/x${INJECT}` },
      }),
    );
    const r = await cli(['--config', path, 'digest', 'preview', '--meeting', 'm', '--format', 'eml', '--now', '2026-06-02T15:00:00Z']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('convene: config: digest.join: must be one line, without line breaks or other control characters\n');
  });

  it('the .ics writer keeps a CR/LF in a URL from starting a property', () => {
    const ics = buildIcs({
      uid: 'u@x',
      sequence: 0,
      start: Date.UTC(2026, 5, 3, 15),
      end: Date.UTC(2026, 5, 3, 16),
      zone: 'Europe/London',
      summary: 'M',
      description: 'd',
      url: `https://meet.example/x${INJECT}`,
      organizer: { name: 'C', email: `c@x.org${INJECT}` },
      stamp: 0,
    });
    expect(ics.split('\r\n').filter((l) => l.startsWith('ATTENDEE'))).toEqual([]);
  });
});
