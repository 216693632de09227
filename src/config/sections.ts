import type { ImapConfig, SmtpConfig } from './types.js';
import type { SecretRef } from './secrets.js';
import { CONFIG_KEYS } from './keys.js';
import {
  asObject,
  asWritten,
  fail,
  onlyKeys,
  optBool,
  optNumber,
  optString,
  optStringList,
  reqString,
  type Obj,
  type PathResolver,
} from './validate.js';

export function validateSecret(value: unknown, key: string, path: PathResolver = asWritten): SecretRef | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string')
    fail(key, 'put the secret in an environment variable or a file: { env: NAME } or { file: PATH }, never inline');
  const o = asObject(value, key);
  onlyKeys(o, key, CONFIG_KEYS.secret);
  const ref: SecretRef = {
    ...(optString(o, 'env', key) !== undefined ? { env: optString(o, 'env', key)! } : {}),
    ...(optString(o, 'file', key) !== undefined ? { file: path(optString(o, 'file', key)!) } : {}),
    ...(optStringList(o, 'command', key) !== undefined ? { command: optStringList(o, 'command', key)! } : {}),
  };
  if (Object.keys(ref).length !== 1) fail(key, 'give exactly one of env, file, command');
  return ref;
}

function tls(o: Obj, key: string, path: PathResolver): { tlsInsecureSkipVerify: boolean; tlsCa?: string; allowPlaintext: boolean } {
  const t = asObject(o.tls, `${key}.tls`);
  onlyKeys(t, `${key}.tls`, CONFIG_KEYS.tls);
  const ca = optString(t, 'ca', `${key}.tls`);
  return {
    tlsInsecureSkipVerify: optBool(t, 'insecureSkipVerify', `${key}.tls`) ?? false,
    ...(ca !== undefined ? { tlsCa: path(ca) } : {}),
    allowPlaintext: optBool(t, 'allowPlaintext', `${key}.tls`) ?? false,
  };
}

export function validateImap(value: unknown, path: PathResolver = asWritten): ImapConfig | undefined {
  if (value === undefined || value === null) return undefined;
  const key = 'imap';
  const o = asObject(value, key);
  onlyKeys(o, key, CONFIG_KEYS.imap);
  const host = reqString(o, 'host', key);
  const user = reqString(o, 'user', key);
  const secure = optBool(o, 'secure', key) ?? true;
  const password = validateSecret(o.password, `${key}.password`, path);
  const oauth2Token = validateSecret(o.oauth2Token, `${key}.oauth2Token`, path);
  if (!password && !oauth2Token) fail(key, 'give password or oauth2Token');
  if (password && oauth2Token) fail(key, 'give password or oauth2Token, not both');
  const mailboxes = optStringList(o, 'mailboxes', key) ?? optStringList(o, 'mailbox', key) ?? ['INBOX'];
  return {
    account: optString(o, 'account', key) ?? `${user}@${host}`,
    host,
    port: optNumber(o, 'port', key, 1, 65535) ?? (secure ? 993 : 143),
    secure,
    user,
    ...(password ? { password } : {}),
    ...(oauth2Token ? { oauth2Token } : {}),
    mailboxes,
    ...tls(o, key, path),
    batchSize: optNumber(o, 'batchSize', key, 1, 10_000) ?? 500,
    idle: optBool(o, 'idle', key) ?? true,
    pollSeconds: optNumber(o, 'pollSeconds', key, 1, 86_400) ?? 60,
  };
}

export function validateSmtp(value: unknown, path: PathResolver = asWritten): SmtpConfig | undefined {
  if (value === undefined || value === null) return undefined;
  const key = 'smtp';
  const o = asObject(value, key);
  onlyKeys(o, key, CONFIG_KEYS.smtp);
  const secure = optBool(o, 'secure', key) ?? false;
  const user = optString(o, 'user', key);
  const password = validateSecret(o.password, `${key}.password`, path);
  return {
    host: reqString(o, 'host', key),
    port: optNumber(o, 'port', key, 1, 65535) ?? (secure ? 465 : 587),
    secure,
    ...(user !== undefined ? { user } : {}),
    ...(password ? { password } : {}),
    ...tls(o, key, path),
  };
}
