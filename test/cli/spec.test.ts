import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPECS } from '../../src/cli/commands.js';
import { allSpecs } from '../../src/cli/parse.js';
import { GLOBAL_OPTIONS } from '../../src/cli/spec.js';
import { cli } from '../helpers/cli.js';

const specs = allSpecs(SPECS);
const leaves = specs.filter((s) => !s.subcommands);
const words = (name: string): string[] => name.split(' ');
/** One line on stderr, in our words: no Node parser wording, no stack. */
const ONE_LINE = /^convene: [^\n]+\n$/;
const NODE_WORDING = /ERR_PARSE_ARGS|Unknown option '|Option '.*' argument|parseArgs|TypeError|at .*\.js:\d+/;

describe('the CLI is generated from one spec per command (issue 11)', () => {
  it('every command and subcommand has its own --help, the same text as convene help CMD', async () => {
    for (const spec of specs) {
      const viaFlag = await cli([...words(spec.name), '--help']);
      const viaHelp = await cli(['help', ...words(spec.name)]);
      expect(viaFlag.code, spec.name).toBe(0);
      expect(viaFlag.stdout, spec.name).toBe(viaHelp.stdout);
      expect(viaFlag.stdout, spec.name).toMatch(new RegExp(`^usage: convene ${spec.name} `));
      for (const o of spec.options ?? []) expect(viaFlag.stdout, `${spec.name} --${o.name}`).toContain(`--${o.name}`);
      for (const p of spec.positionals ?? []) expect(viaFlag.stdout, `${spec.name} ${p.name}`).toContain(p.name);
      for (const s of spec.subcommands ?? []) expect(viaFlag.stdout, s.name).toContain(s.summary);
      expect((await cli([...words(spec.name), '-h'])).stdout).toBe(viaFlag.stdout);
    }
  });

  it("each subcommand refuses another's options, saying whose they are", async () => {
    const accept = await cli(['agenda', 'accept', '3', '--reason', 'stale']);
    expect(accept.code).toBe(2);
    expect(accept.stderr).toMatch(/^convene: agenda accept: --reason is not an option here \(it belongs to agenda reject, agenda withdraw/);
    for (const spec of leaves) {
      const own = new Set([...(spec.options ?? []), ...GLOBAL_OPTIONS].map((o) => o.name));
      const foreign = leaves.flatMap((s) => s.options ?? []).find((o) => !own.has(o.name));
      if (!foreign) continue;
      const r = await cli([...words(spec.name), `--${foreign.name}`, 'x']);
      expect(r.code, `${spec.name} --${foreign.name}`).toBe(2);
      expect(r.stderr, spec.name).toMatch(ONE_LINE);
      expect(r.stderr, spec.name).toMatch(new RegExp(`^convene: ${spec.name}: `));
    }
  });

  it("never shows Node's parser messages: every usage error is one line of ours", async () => {
    const bad = [
      ['search', 'x', '--limit'],
      ['search', 'x', '--threads=yes'],
      ['thread', '1', '2'],
      ['stats', '-x'],
      ['agenda', 'list', '--state'],
      ['agenda', 'edit'],
      ['agenda'],
      ['db'],
      ['meeting', 'move', 'm', '2025-01-01'],
      ['--db'],
      ['--bogus', 'search', 'x'],
      ['import', '--json'],
    ];
    for (const argv of bad) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(ONE_LINE);
      expect(r.stderr, argv.join(' ')).not.toMatch(NODE_WORDING);
    }
  });

  it('suggests the nearest command, subcommand or option', async () => {
    expect((await cli(['serach', 'x'])).stderr).toBe('convene: unknown command "serach" (did you mean search?) (see convene --help)\n');
    expect((await cli(['agenda', 'lsit'])).stderr).toMatch(/^convene: agenda: unknown subcommand "lsit" \(did you mean list\?\)/);
    expect((await cli(['search', 'x', '--limt', '5'])).stderr).toMatch(
      /^convene: search: unknown option --limt \(did you mean --limit\?\)/,
    );
    expect((await cli(['status', '--jsno'])).stderr).toMatch(/did you mean --json\?/);
    expect((await cli(['help', 'agenda', 'rejct'])).stderr).toMatch(/did you mean agenda reject\?/);
  });

  it('-v and --version print the package version; --help lists every command', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await cli(['-v'])).toMatchObject({ code: 0, stdout: `convene ${version}\n` });
    expect((await cli(['--version'])).stdout).toBe(`convene ${version}\n`);
    const overview = (await cli(['--help'])).stdout;
    for (const s of SPECS) expect(overview).toContain(`  ${s.name}`);
    expect((await cli([])).code).toBe(2);
  });

  it('--json may come before the command, for the commands that print data', async () => {
    expect((await cli(['--json', 'help'])).stderr).toMatch(/^convene: help: prints no data: --json is not an option here/);
    const r = await cli(['--json', 'search', 'x', '--explain']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ query: 'x' });
  });

  it('search takes -word as part of its query, not as an option', async () => {
    const r = await cli(['search', 'ext4', '-xfs', '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/NOT/);
  });
});
