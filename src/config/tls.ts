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

const CERT_PROBLEM = /certificate|self[- ]signed|unable to verify|CERT_|ALTNAME/i;

/**
 * Name the config key that controls a TLS failure, in the error's own message (its code and
 * responseCode stay, for retry decisions): a server without STARTTLS (`<section>.secure`,
 * `<section>.tls.allowPlaintext`), or a certificate not trusted (`<section>.tls.ca`,
 * `<section>.tls.insecureSkipVerify`). Other errors are returned as they are.
 */
export function nameTlsKey<E>(err: E, section: 'smtp' | 'imap'): E {
  if (!(err instanceof Error)) return err;
  const e = err as Error & { code?: string; command?: string };
  const text = `${e.code ?? ''} ${e.message}`;
  let hint: string | null = null;
  if (e.code === 'ETLS' || e.command === 'STARTTLS' || /STARTTLS/i.test(e.message)) {
    hint =
      `the server offers no working STARTTLS: set ${section}.secure: true for implicit TLS (port ${section === 'smtp' ? 465 : 993}), ` +
      `or ${section}.tls.allowPlaintext: true on a trusted network`;
  } else if (CERT_PROBLEM.test(text)) {
    hint =
      `its TLS certificate is not trusted: set ${section}.tls.ca to its CA certificate, ` +
      `or ${section}.tls.insecureSkipVerify: true (not recommended)`;
  }
  if (hint && !e.message.includes(`${section}.tls.`)) e.message = `${e.message} (${hint})`;
  return err;
}
