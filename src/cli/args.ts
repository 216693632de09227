import { ConveneError } from '../errors.js';

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
