import { ConveneError } from '../errors.js';

/** Small validators that name the key and the problem: "config: imap.port: must be a number". */
export type Obj = Record<string, unknown>;

/**
 * Turns a path written in the config into the one to use: relative paths are relative to the
 * config file's folder, never to the current directory (a daemon started from / and a command run
 * from a home directory must find the same archive). Identity for a config that is not a file.
 */
export type PathResolver = (path: string) => string;
export const asWritten: PathResolver = (p) => p;

export function fail(key: string, problem: string): never {
  throw new ConveneError('CONFIG', `config: ${key}: ${problem}`);
}

export function asObject(value: unknown, key: string): Obj {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) fail(key, 'must be a mapping');
  return value as Obj;
}

export function onlyKeys(obj: Obj, key: string, allowed: readonly string[]): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) fail(key ? `${key}.${k}` : k, `unknown key (expected one of: ${allowed.join(', ')})`);
  }
}

export function optString(obj: Obj, k: string, key: string): string | undefined {
  const v = obj[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') fail(`${key}.${k}`, 'must be a string');
  return v;
}

export function reqString(obj: Obj, k: string, key: string): string {
  const v = optString(obj, k, key);
  if (v === undefined || v === '') fail(`${key}.${k}`, 'is required');
  return v;
}

export function optNumber(obj: Obj, k: string, key: string, min = -Infinity, max = Infinity): number | undefined {
  const v = obj[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${key}.${k}`, 'must be a number');
  if (v < min || v > max) fail(`${key}.${k}`, `must be between ${min} and ${max}`);
  return v;
}

export function optBool(obj: Obj, k: string, key: string): boolean | undefined {
  const v = obj[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') fail(`${key}.${k}`, 'must be true or false');
  return v;
}

export function optStringList(obj: Obj, k: string, key: string): string[] | undefined {
  const v = obj[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(`${key}.${k}`, 'must be a list of strings');
  return v as string[];
}

export function oneOf<T extends string>(obj: Obj, k: string, key: string, values: readonly T[]): T | undefined {
  const v = optString(obj, k, key);
  if (v === undefined) return undefined;
  if (!values.includes(v as T)) fail(`${key}.${k}`, `must be one of ${values.join(', ')}, not "${v}"`);
  return v as T;
}
