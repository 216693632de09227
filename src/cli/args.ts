import { ConveneError } from '../errors.js';

/** A whole non-negative number, or a USAGE error naming the option. */
export function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value)) throw new ConveneError('USAGE', `--${name} takes a whole number below a billion, not "${value}"`);
  return Number(value);
}
