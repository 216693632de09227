import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { ConveneError } from '../errors.js';
import { DEFAULT_DB_PATH } from './defaults.js';
import { validateDigest } from './digest.js';
import { validateMeetings } from './meetings.js';
import { validateImap, validateSmtp } from './sections.js';
import type { Config } from './types.js';
import { CONFIG_KEYS } from './keys.js';
import { asObject, asWritten, oneOf, onlyKeys, optString, type PathResolver } from './validate.js';

export const DEFAULT_CONFIG_PATH = 'convene.yaml';
export const DEFAULT_OUTBOX_DIR = 'data/outbox';

/**
 * Load the config: the named file (it must exist), else ./convene.yaml when present, else the
 * defaults (every section optional: import and search need neither IMAP nor SMTP).
 */
export async function loadConfig(path: string | undefined, overrides: { db?: string } = {}): Promise<Config> {
  return loadConfigSync(path, overrides);
}

/** loadConfig, synchronously: commands load it on first use, and only those that need it pay for YAML. */
export function loadConfigSync(path: string | undefined, overrides: { db?: string } = {}): Config {
  const file = path ?? (existsSync(DEFAULT_CONFIG_PATH) ? DEFAULT_CONFIG_PATH : undefined);
  if (file === undefined) return configFromValue({}, null, overrides);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConveneError('CONFIG_MISSING', `config: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  let value: unknown;
  try {
    value = parse(text);
  } catch (err) {
    const m = (err as Error).message.split('\n')[0];
    throw new ConveneError('CONFIG', `config: ${file}: not valid YAML: ${m}`);
  }
  return configFromValue(value ?? {}, file, overrides);
}

/**
 * Validate an in-memory config value (tests, SIGHUP reload). Errors name the key. Relative paths
 * in it (db, outbox.dir, source.path, template and secret files, tls.ca) and the default paths are
 * made absolute against the folder of `path`, the file it came from; --db stays as the user typed it.
 */
export function configFromValue(value: unknown, path: string | null, overrides: { db?: string } = {}): Config {
  const o = asObject(value, '');
  onlyKeys(o, '', CONFIG_KEYS.top);
  const base = path === null ? null : dirname(resolve(path));
  const rel: PathResolver = base === null ? asWritten : (p) => (p === ':memory:' || isAbsolute(p) ? p : resolve(base, p));
  const imap = validateImap(o.imap, rel);
  const smtp = validateSmtp(o.smtp, rel);
  const src = asObject(o.source, 'source');
  onlyKeys(src, 'source', CONFIG_KEYS.source);
  const sourcePath = optString(src, 'path', 'source');
  const outbox = asObject(o.outbox, 'outbox');
  onlyKeys(outbox, 'outbox', CONFIG_KEYS.outbox);
  const transport = oneOf(o, 'transport', 'transport', ['file', 'smtp'] as const) ?? (smtp ? 'smtp' : 'file');
  if (transport === 'smtp' && !smtp) throw new ConveneError('CONFIG', 'config: transport: "smtp" needs an smtp section');
  const sentMailbox = optString(o, 'sentMailbox', 'sentMailbox');
  return {
    path,
    db: overrides.db ?? rel(optString(o, 'db', 'db') ?? DEFAULT_DB_PATH),
    ...(imap ? { imap } : {}),
    ...(sourcePath ? { source: { path: rel(sourcePath) } } : {}),
    ...(smtp ? { smtp } : {}),
    transport,
    outboxDir: rel(optString(outbox, 'dir', 'outbox') ?? DEFAULT_OUTBOX_DIR),
    meetings: validateMeetings(o.meetings),
    digest: validateDigest(o.digest, o.meetings, rel),
    ...(sentMailbox ? { sentMailbox } : {}),
  };
}
