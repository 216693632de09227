import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { ConveneError } from '../errors.js';

/**
 * The CAs to trust when a config names an extra one (`imap.tls.ca`, `smtp.tls.ca`): Node's own
 * roots plus that certificate, so a private CA adds trust instead of replacing it. undefined
 * when none is named (Node's defaults apply).
 */
export function caBundle(path: string | undefined, key: string): string[] | undefined {
  if (path === undefined) return undefined;
  try {
    return [...rootCertificates, readFileSync(path, 'utf8')];
  } catch (err) {
    throw new ConveneError('CONFIG', `config: ${key}: cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}
