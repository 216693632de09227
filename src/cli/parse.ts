/**
 * argv → the command's spec, its option values and positionals, by the specs alone (spec.ts).
 * Our own parser, not node:util parseArgs: every message names the command, says what was wrong
 * in the user's terms and suggests the nearest option or command; Node's wording never shows.
 * Globals (--config, --db, --help) may stand anywhere; a subcommand's options come after its name.
 */
import { ConveneError } from '../errors.js';
import { GLOBAL_OPTIONS, subcommand, type CommandSpec, type OptionSpec } from './spec.js';
import { didYouMean } from './suggest.js';
import { usageLine } from './usage.js';

export interface ParsedArgv {
  /** null: no command word (`convene`, `convene --help`, `convene --version`). */
  readonly spec: CommandSpec | null;
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly positionals: readonly string[];
  readonly globals: { readonly db?: string; readonly config?: string };
  readonly help: boolean;
  readonly version: boolean;
}

const usage = (spec: CommandSpec, problem: string): ConveneError =>
  new ConveneError('USAGE', `${spec.name}: ${problem} (usage: ${usageLine(spec)})`);

/** Parse a whole argv against the command table. Throws a USAGE ConveneError. */
export function parseArgv(argv: readonly string[], roots: readonly CommandSpec[]): ParsedArgv {
  const globals: { db?: string; config?: string } = {};
  let help = false;
  let version = false;
  let spec: CommandSpec | null = null;
  // `convene --json search x`: --json before the command, for the commands that print data.
  let jsonFirst = false;
  const rest: string[] = [];
  let i = 0;
  // The command words first, globals among them.
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    const g = globalAt(argv, i, globals);
    if (g > 0) {
      i += g - 1;
      continue;
    }
    if (a === '-h' || a === '--help') help = true;
    else if (spec === null && (a === '-v' || a === '--version')) version = true;
    else if (spec === null && a === '--json') jsonFirst = true;
    else if (a.startsWith('-') && a !== '-') {
      if (spec === null) throw new ConveneError('USAGE', `unknown option ${a} before the command (see convene --help)`);
      if (spec.subcommands) throw usage(spec, `name the subcommand before ${a}: ${spec.subcommands.map(leaf).join(', ')}`);
      break;
    } else if (spec === null) {
      spec = roots.find((r) => r.name === a) ?? null;
      if (!spec)
        throw new ConveneError(
          'USAGE',
          `unknown command "${a}"${didYouMean(
            a,
            roots.map((r) => r.name),
          )} (see convene --help)`,
        );
    } else if (spec.subcommands) {
      const sub = subcommand(spec, a);
      if (!sub) throw usage(spec, `unknown subcommand "${a}"${didYouMean(a, spec.subcommands.map(leaf))}`);
      spec = sub;
    } else break;
  }
  if (spec === null || spec.subcommands) {
    if (spec && !help) throw usage(spec, `needs a subcommand: ${spec.subcommands!.map(leaf).join(', ')}`);
    return { spec, values: {}, positionals: [], globals, help, version };
  }
  const values: Record<string, string | boolean | string[]> = {};
  const own = spec.options ?? [];
  if (jsonFirst) {
    if (!own.some((o) => o.name === 'json')) throw usage(spec, 'prints no data: --json is not an option here');
    values.json = true;
  }
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    const g = globalAt(argv, i, globals);
    if (g > 0) {
      i += g - 1;
      continue;
    }
    if (a === '--') {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') {
      help = true;
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const opt = a.startsWith('--') ? own.find((o) => `--${o.name}` === flag) : own.find((o) => o.short && `-${o.short}` === flag);
    if (!opt) {
      if (spec.dashPositionals && !a.startsWith('--')) {
        rest.push(a);
        continue;
      }
      throw unknownOption(spec, flag, roots);
    }
    if (opt.type === 'boolean') {
      if (eq > 0) throw usage(spec, `${flag} takes no value`);
      values[opt.name] = true;
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && isOptionLike(value, own)))
      throw usage(spec, `${flag} needs a value (${flag} ${opt.value ?? 'VALUE'})`);
    if (opt.type === 'strings') values[opt.name] = [...((values[opt.name] as string[] | undefined) ?? []), value];
    else if (values[opt.name] !== undefined && values[opt.name] !== value) throw usage(spec, `${flag} is given twice`);
    else values[opt.name] = value;
  }
  if (!help) checkPositionals(spec, rest);
  return { spec, values, positionals: rest, globals, help, version };
}

function leaf(s: CommandSpec): string {
  return s.name.split(' ').at(-1)!;
}

/** How many tokens a global option at argv[i] takes (0: not a global). */
function globalAt(argv: readonly string[], i: number, globals: { db?: string; config?: string }): number {
  const a = argv[i]!;
  for (const name of ['db', 'config'] as const) {
    if (a === `--${name}`) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new ConveneError('USAGE', `--${name} needs a path (--${name} PATH)`);
      globals[name] = v;
      return 2;
    }
    if (a.startsWith(`--${name}=`)) {
      globals[name] = a.slice(name.length + 3);
      return 1;
    }
  }
  return 0;
}

function isOptionLike(value: string, own: readonly OptionSpec[]): boolean {
  if (value.startsWith('--')) return true;
  return own.some((o) => o.short && value === `-${o.short}`) || value === '-h';
}

function checkPositionals(spec: CommandSpec, rest: readonly string[]): void {
  const ps = spec.positionals ?? [];
  const variadic = ps.some((p) => p.variadic);
  if (!variadic && rest.length > ps.length) {
    const extra = rest.slice(ps.length).map((r) => `"${r}"`);
    throw usage(spec, ps.length === 0 ? `takes no arguments, not ${extra.join(' ')}` : `unexpected ${extra.join(' ')}`);
  }
  const required = ps.filter((p) => p.required);
  if (rest.length < required.length) throw usage(spec, `needs ${required[rest.length]!.name}`);
}

/** Unknown option: the nearest of this command's, or the commands it belongs to. */
function unknownOption(spec: CommandSpec, flag: string, roots: readonly CommandSpec[]): ConveneError {
  const names = [...(spec.options ?? []), ...GLOBAL_OPTIONS].map((o) => `--${o.name}`);
  const near = didYouMean(flag, names);
  if (near) return usage(spec, `unknown option ${flag}${near}`);
  const owners = allSpecs(roots)
    .filter((s) => s !== spec && (s.options ?? []).some((o) => `--${o.name}` === flag || (o.short && `-${o.short}` === flag)))
    .map((s) => s.name);
  if (owners.length) return usage(spec, `${flag} is not an option here (it belongs to ${owners.slice(0, 4).join(', ')})`);
  return usage(spec, `unknown option ${flag}`);
}

/** Every spec, groups and their subcommands. */
export function allSpecs(roots: readonly CommandSpec[]): CommandSpec[] {
  return roots.flatMap((r) => [r, ...allSpecs(r.subcommands ?? [])]);
}
