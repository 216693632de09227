/**
 * The declarative shape of a command (after git's and cargo's option tables): its words, summary,
 * positionals and options, each with its help. The parser (parse.ts), `--help` and `convene help`
 * (help-text.ts) are all generated from it, so they cannot drift apart.
 */

/** boolean: a flag; string: one value; strings: a value that may be repeated. */
export type OptionType = 'boolean' | 'string' | 'strings';

export interface OptionSpec {
  readonly name: string;
  readonly type: OptionType;
  readonly short?: string;
  /** The value's placeholder in help ("N", "DATE"). */
  readonly value?: string;
  readonly help: string;
}

export interface PositionalSpec {
  readonly name: string;
  readonly help: string;
  readonly required?: boolean;
  /** Takes every remaining positional (at least one when required). */
  readonly variadic?: boolean;
}

export interface CommandSpec {
  /** The words after `convene` ("agenda reject"). */
  readonly name: string;
  readonly summary: string;
  /** A paragraph printed under the usage line. */
  readonly description?: string;
  readonly positionals?: readonly PositionalSpec[];
  readonly options?: readonly OptionSpec[];
  readonly subcommands?: readonly CommandSpec[];
  /** Reads the archive and never writes it: a missing database is an error, not a new file. */
  readonly reads?: true;
  /** Tokens starting with one "-" that are no option are positionals (search's `-word`). */
  readonly dashPositionals?: true;
  /** A further help topic printed after the options (`search`: the query language). */
  readonly topic?: 'search';
}

/** Options every command takes, before or after its own. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: 'config', type: 'string', value: 'PATH', help: 'the config file (default: ./convene.yaml when present)' },
  { name: 'db', type: 'string', value: 'PATH', help: 'the archive (default: db: in the config)' },
  { name: 'help', type: 'boolean', short: 'h', help: 'this help' },
];

/** The options shared by many commands, spelled once. */
export const OPT = {
  json: { name: 'json', type: 'boolean', help: 'print JSON (ISO 8601 times with offset, camelCase fields)' },
  now: { name: 'now', type: 'string', value: 'TIME', help: 'act as if it were TIME (ISO 8601 with an offset; tests and demos)' },
  meeting: { name: 'meeting', type: 'string', value: 'ID', help: 'the meeting (default: the only one configured)' },
  occurrence: { name: 'occurrence', type: 'string', value: 'DATE', help: 'the call: its local date, key, or "next" (default)' },
  as: { name: 'as', type: 'string', value: 'NAME', help: 'who acts, for the audit log (default: $USER)' },
} as const satisfies Record<string, OptionSpec>;

type ValueOf<O extends OptionSpec> = O['type'] extends 'boolean' ? boolean : O['type'] extends 'strings' ? string[] : string;

/** The parsed values of a spec's options, typed from the spec (`as const`). */
export type Values<S extends CommandSpec> = {
  readonly [O in NonNullable<S['options']>[number] as O['name']]?: ValueOf<O>;
};

export interface Parsed<S extends CommandSpec = CommandSpec> {
  /** The spec that matched (a subcommand's when one was named). */
  readonly spec: CommandSpec;
  readonly values: Values<S>;
  readonly positionals: readonly string[];
}

/** A group's subcommand by name. */
export function subcommand(spec: CommandSpec, word: string): CommandSpec | undefined {
  return spec.subcommands?.find((s) => s.name.split(' ').at(-1) === word);
}

/** The last word of a spec's name ("reject" for "agenda reject"). */
export function leafName(spec: CommandSpec): string {
  return spec.name.split(' ').at(-1)!;
}
