import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ConveneError } from '../errors.js';
import { DEFAULT_DB_PATH } from './defaults.js';
import { validateDigest } from './digest.js';
import { validateMeetings } from './meetings.js';
import { validateImap, validateSmtp } from './sections.js';
import type { Config } from './types.js';
import { asObject, oneOf, onlyKeys, optString } from './validate.js';

export const DEFAULT_CONFIG_PATH = 'convene.yaml';
export const DEFAULT_OUTBOX_DIR = 'data/outbox';

const TOP_KEYS = ['db', 'imap', 'source', 'smtp', 'transport', 'outbox', 'meetings', 'digest', 'sentMailbox'];

/**
 * Load the config: the named file (it must exist), else ./convene.yaml when present, else the
 * defaults (every section optional: import and search need neither IMAP nor SMTP).
 */
export async function loadConfig(path: string | undefined, overrides: { db?: string } = {}): Promise<Config> {
  await prepareConfig(path);
  return loadConfigSync(path, overrides);
}

let yamlParse: ((text: string) => unknown) | undefined;

/**
 * Load the YAML parser ahead when there is a config file to read (the CLI awaits this before a
 * command runs; the daemon's reload through loadConfig). Through import(), the bundled CLI has
 * yaml inside it under the V8 code cache: requiring it from node_modules at read time cost
 * 30-60 ms of every `convene search` run beside a convene.yaml (issue 9).
 */
export async function prepareConfig(path: string | undefined): Promise<void> {
  if (configFile(path) !== undefined) yamlParse ??= (await import('yaml')).parse;
}

function configFile(path: string | undefined): string | undefined {
  return path ?? (existsSync(DEFAULT_CONFIG_PATH) ? DEFAULT_CONFIG_PATH : undefined);
}

/** loadConfig, synchronously: commands load it on first use, and only those that need it pay for YAML. */
export function loadConfigSync(path: string | undefined, overrides: { db?: string } = {}): Config {
  const file = configFile(path);
  if (file === undefined) return configFromValue({}, null, overrides);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConveneError('CONFIG_MISSING', `config: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const parse = yamlParse ?? (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse;
  let value: unknown;
  try {
    value = parse(text);
  } catch (err) {
    const m = (err as Error).message.split('\n')[0];
    throw new ConveneError('CONFIG', `config: ${file}: not valid YAML: ${m}`);
  }
  return configFromValue(value ?? {}, file, overrides);
}

/** Validate an in-memory config value (tests, SIGHUP reload). Errors name the key. */
export function configFromValue(value: unknown, path: string | null, overrides: { db?: string } = {}): Config {
  const o = asObject(value, '');
  onlyKeys(o, '', TOP_KEYS);
  const imap = validateImap(o.imap);
  const smtp = validateSmtp(o.smtp);
  const src = asObject(o.source, 'source');
  onlyKeys(src, 'source', ['path']);
  const sourcePath = optString(src, 'path', 'source');
  const outbox = asObject(o.outbox, 'outbox');
  onlyKeys(outbox, 'outbox', ['dir']);
  const transport = oneOf(o, 'transport', 'transport', ['file', 'smtp'] as const) ?? (smtp ? 'smtp' : 'file');
  if (transport === 'smtp' && !smtp) throw new ConveneError('CONFIG', 'config: transport: "smtp" needs an smtp section');
  const sentMailbox = optString(o, 'sentMailbox', 'sentMailbox');
  return {
    path,
    db: overrides.db ?? optString(o, 'db', 'db') ?? DEFAULT_DB_PATH,
    ...(imap ? { imap } : {}),
    ...(sourcePath ? { source: { path: sourcePath } } : {}),
    ...(smtp ? { smtp } : {}),
    transport,
    outboxDir: optString(outbox, 'dir', 'outbox') ?? DEFAULT_OUTBOX_DIR,
    meetings: validateMeetings(o.meetings),
    digest: validateDigest(o.digest, o.meetings),
    ...(sentMailbox ? { sentMailbox } : {}),
  };
}
