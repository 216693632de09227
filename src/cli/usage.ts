/** A spec rendered for people: the one-line usage and the whole `--help` page (spec.ts). */
import { GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from './spec.js';

function optionUsage(o: OptionSpec): string {
  const flag = `--${o.name}${o.type === 'boolean' ? '' : ` ${o.value ?? 'VALUE'}`}`;
  return `[${flag}]${o.type === 'strings' ? '...' : ''}`;
}

function positionalUsage(spec: CommandSpec): string[] {
  return (spec.positionals ?? []).map((p) => {
    const word = `${p.name}${p.variadic ? '...' : ''}`;
    return p.required ? word : `[${word}]`;
  });
}

/** "convene agenda reject [ITEM...] [--reason TEXT] ..." */
export function usageLine(spec: CommandSpec): string {
  if (spec.subcommands) return `convene ${spec.name} ${spec.subcommands.map((s) => s.name.split(' ').at(-1)).join('|')} ...`;
  return ['convene', spec.name, ...positionalUsage(spec), ...(spec.options ?? []).map(optionUsage)].join(' ');
}

function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.min(28, Math.max(...rows.map(([a]) => a.length)));
  return rows.map(([a, b]) => (a.length > width ? `  ${a}\n  ${' '.repeat(width)}  ${b}` : `  ${a.padEnd(width)}  ${b}`));
}

function optionRows(options: readonly OptionSpec[]): [string, string][] {
  return options.map((o) => [
    `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.type === 'boolean' ? '' : ` ${o.value ?? 'VALUE'}`}`,
    o.help + (o.type === 'strings' ? ' (repeatable)' : ''),
  ]);
}

/** The help page of a command or subcommand; `topic` is appended (search's query language). */
export function helpText(spec: CommandSpec, topic = ''): string {
  const out = [`usage: ${usageLine(spec)}`, '', spec.summary[0]!.toUpperCase() + spec.summary.slice(1) + '.'];
  if (spec.description) out.push('', spec.description);
  if (spec.subcommands) {
    out.push('', 'subcommands:', ...table(spec.subcommands.map((s) => [s.name.split(' ').at(-1)!, s.summary])));
    out.push('', `convene ${spec.name} SUBCOMMAND --help for its arguments and options.`);
  } else {
    if (spec.positionals?.length) out.push('', 'arguments:', ...table(spec.positionals.map((p) => [p.name, p.help])));
    if (spec.options?.length) out.push('', 'options:', ...table(optionRows(spec.options)));
  }
  out.push('', 'global options:', ...table(optionRows(GLOBAL_OPTIONS)));
  return out.join('\n') + '\n' + (topic ? `\n${topic}` : '');
}

/** `convene --help`: every command with its summary. */
export function overview(roots: readonly CommandSpec[], version: string): string {
  return [
    `convene ${version}: a mailing-list archive and agenda digester`,
    '',
    'usage: convene [--config PATH] [--db PATH] COMMAND [options]',
    '',
    'commands:',
    ...table(roots.map((r) => [r.name, r.summary])),
    '',
    'global options:',
    ...table([...optionRows(GLOBAL_OPTIONS), ['-v, --version', 'the version']]),
    '',
    'convene COMMAND --help, or convene help COMMAND, for its arguments and options;',
    'convene help config for every configuration key; convene help search for the query language.',
    '',
  ].join('\n');
}
