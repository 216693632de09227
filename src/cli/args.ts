import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConveneError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parse a command's own arguments with node:util parseArgs (no dependency, no start-up cost).
 * Unknown options and missing values become a USAGE error naming the option.
 */
export function parseCommandArgs<O extends Options>(argv: readonly string[], options: O, usage: string) {
  try {
    return parseArgs({
      args: [...argv],
      options: { help: { type: 'boolean', short: 'h' }, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new ConveneError('USAGE', `${(err as Error).message.replace(/\s*\n[\s\S]*/, '')} (usage: ${usage})`);
  }
}

/** A whole non-negative number, or a USAGE error naming the option. */
export function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new ConveneError('USAGE', `--${name} takes a whole number, not "${value}"`);
  return Number(value);
}
