import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ConveneError } from '../errors.js';

/**
 * A secret named in the config, never the secret itself: `env: NAME`, `file: PATH`, or
 * `command: [argv...]` (for OAuth2 tokens minted by a helper). Resolved when needed, never logged.
 */
export interface SecretRef {
  readonly env?: string;
  readonly file?: string;
  readonly command?: readonly string[];
}

export function resolveSecret(ref: SecretRef, key: string, env: NodeJS.ProcessEnv = process.env): string {
  if (ref.env !== undefined) {
    const v = env[ref.env];
    if (v === undefined || v === '') throw new ConveneError('CONFIG', `config: ${key}: environment variable ${ref.env} is not set`);
    return v;
  }
  if (ref.file !== undefined) {
    try {
      return readFileSync(ref.file, 'utf8').trim();
    } catch (err) {
      throw new ConveneError('CONFIG', `config: ${key}: cannot read ${ref.file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  }
  if (ref.command !== undefined && ref.command.length > 0) {
    const [cmd, ...args] = ref.command;
    try {
      return execFileSync(cmd!, args, { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      throw new ConveneError('CONFIG', `config: ${key}: the command ${cmd} failed`);
    }
  }
  throw new ConveneError('CONFIG', `config: ${key}: give env, file or command`);
}
