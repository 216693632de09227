import type { Obj } from './validate.js';
import { asObject } from './validate.js';

/** Placeholder shape; the digest module owns the full validation (issue 5). */
export interface DigestConfig {
  readonly raw: Obj;
}

export function validateDigest(value: unknown): DigestConfig {
  return { raw: asObject(value, 'digest') };
}
