import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { ConveneError } from '../errors.js';
import { DEFAULT_DB_PATH } from './defaults.js';
import { validateDigest } from './digest.js';
import { validateMeetings } from './meetings.js';
import { validateImap, validateSmtp } from './sections.js';
import type { Config, ImapConfig } from './types.js';
import { CONFIG_KEYS } from './keys.js';
import { approxMs, isZero, parseDuration } from '../time/duration.js';
import { asObject, asWritten, fail, oneOf, onlyKeys, optString, type PathResolver } from './validate.js';

export const DEFAULT_CONFIG_PATH = 'convene.yaml';
export const DEFAULT_OUTBOX_DIR = 'data/outbox';

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
  const imap = withReviewMailbox(validateImap(o.imap, rel), optString(o, 'reviewMailbox', 'reviewMailbox'));
  const smtp = validateSmtp(o.smtp, rel);
  const src = asObject(o.source, 'source');
  onlyKeys(src, 'source', CONFIG_KEYS.source);
  const sourcePath = optString(src, 'path', 'source');
  const outbox = asObject(o.outbox, 'outbox');
  onlyKeys(outbox, 'outbox', CONFIG_KEYS.outbox);
  const retryFor = optString(outbox, 'retryFor', 'outbox');
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
    ...(retryFor !== undefined ? { outboxRetryMs: retryMs(retryFor) } : {}),
    meetings: validateMeetings(o.meetings),
    digest: validateDigest(o.digest, o.meetings, rel),
    ...(sentMailbox ? { sentMailbox } : {}),
  };
}

/** outbox.retryFor: how long after its due time a failed mail is retried (never past its call's start). */
function retryMs(text: string): number {
  const d = parseDuration(text);
  if (d === null || isZero(d)) fail('outbox.retryFor', `must be a non-zero ISO 8601 duration such as PT6H or P1D, not "${text}"`);
  return approxMs(d);
}

/**
 * `reviewMailbox`: a mailbox of the IMAP account where the chair's replies to convene arrive, when
 * they do not arrive with the list's mail (a folder that convene's own address delivers to). It
 * is synced like the others; review by reply finds command mails wherever they were stored.
 */
function withReviewMailbox(imap: ImapConfig | undefined, mailbox: string | undefined): ImapConfig | undefined {
  if (mailbox === undefined) return imap;
  if (!imap) throw new ConveneError('CONFIG', 'config: reviewMailbox: needs an imap section (the account it is a mailbox of)');
  if (mailbox.trim() === '') throw new ConveneError('CONFIG', 'config: reviewMailbox: must name a mailbox');
  return imap.mailboxes.includes(mailbox) ? imap : { ...imap, mailboxes: [...imap.mailboxes, mailbox] };
}
