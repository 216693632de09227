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

/**
 * A whole number within [min, max] (default: 0 up to 2^53 - 1, the largest SQLite and JavaScript
 * both hold exactly), or a USAGE error naming the option. `--limit 1e20` used to reach SQLite as
 * a float and come back as an internal error.
 */
export function intOption(
  value: string | undefined,
  name: string,
  fallback: number,
  range: { readonly min?: number; readonly max?: number } = {},
): number {
  if (value === undefined) return fallback;
  const min = range.min ?? 0;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new ConveneError('USAGE', `--${name} takes a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}
