import type { ImapConfig, SmtpConfig } from './types.js';
import type { SecretRef } from './secrets.js';
import { asObject, fail, onlyKeys, optBool, optNumber, optString, optStringList, reqString, type Obj } from './validate.js';

export function validateSecret(value: unknown, key: string): SecretRef | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string')
    fail(key, 'put the secret in an environment variable or a file: { env: NAME } or { file: PATH }, never inline');
  const o = asObject(value, key);
  onlyKeys(o, key, ['env', 'file', 'command']);
  const ref: SecretRef = {
    ...(optString(o, 'env', key) !== undefined ? { env: optString(o, 'env', key)! } : {}),
    ...(optString(o, 'file', key) !== undefined ? { file: optString(o, 'file', key)! } : {}),
    ...(optStringList(o, 'command', key) !== undefined ? { command: optStringList(o, 'command', key)! } : {}),
  };
  if (Object.keys(ref).length !== 1) fail(key, 'give exactly one of env, file, command');
  return ref;
}

function tls(o: Obj, key: string): { tlsInsecureSkipVerify: boolean; tlsCa?: string; allowPlaintext: boolean } {
  const t = asObject(o.tls, `${key}.tls`);
  onlyKeys(t, `${key}.tls`, ['insecureSkipVerify', 'ca', 'allowPlaintext']);
  const ca = optString(t, 'ca', `${key}.tls`);
  return {
    tlsInsecureSkipVerify: optBool(t, 'insecureSkipVerify', `${key}.tls`) ?? false,
    ...(ca !== undefined ? { tlsCa: ca } : {}),
    allowPlaintext: optBool(t, 'allowPlaintext', `${key}.tls`) ?? false,
  };
}

export function validateImap(value: unknown): ImapConfig | undefined {
  if (value === undefined || value === null) return undefined;
  const key = 'imap';
  const o = asObject(value, key);
  onlyKeys(o, key, [
    'account',
    'host',
    'port',
    'secure',
    'user',
    'password',
    'oauth2Token',
    'mailbox',
    'mailboxes',
    'tls',
    'batchSize',
    'idle',
    'pollSeconds',
  ]);
  const host = reqString(o, 'host', key);
  const user = reqString(o, 'user', key);
  const secure = optBool(o, 'secure', key) ?? true;
  const password = validateSecret(o.password, `${key}.password`);
  const oauth2Token = validateSecret(o.oauth2Token, `${key}.oauth2Token`);
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
    ...tls(o, key),
    batchSize: optNumber(o, 'batchSize', key, 1, 10_000) ?? 500,
    idle: optBool(o, 'idle', key) ?? true,
    pollSeconds: optNumber(o, 'pollSeconds', key, 1, 86_400) ?? 60,
  };
}

export function validateSmtp(value: unknown): SmtpConfig | undefined {
  if (value === undefined || value === null) return undefined;
  const key = 'smtp';
  const o = asObject(value, key);
  onlyKeys(o, key, ['host', 'port', 'secure', 'user', 'password', 'tls']);
  const secure = optBool(o, 'secure', key) ?? false;
  const user = optString(o, 'user', key);
  const password = validateSecret(o.password, `${key}.password`);
  return {
    host: reqString(o, 'host', key),
    port: optNumber(o, 'port', key, 1, 65535) ?? (secure ? 465 : 587),
    secure,
    ...(user !== undefined ? { user } : {}),
    ...(password ? { password } : {}),
    ...tls(o, key),
  };
}
