import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configFromValue } from '../../src/config/load.js';
import { configKeyPaths } from '../../src/config/keys.js';
import { templatePath } from '../../src/paths.js';
import { cli } from '../helpers/cli.js';

const example = readFileSync(templatePath('convene.example.yaml'), 'utf8');

/** The example with its commented-out settings ("# key: value") turned on. */
function uncommented(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/^(\s*)# (?=\s*(?:- )?[a-z][A-Za-z0-9]*:(?:\s|$))/, '$1'))
    .join('\n');
}

/** Key paths of a parsed YAML value: "imap.tls.ca", "meetings[].agenda.cutoff"; secrets and meetings[].digest are leaves. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => keyPaths(v, `${prefix}[]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    const leaf = /(?:password|oauth2Token)$/.test(k) || path === 'meetings[].digest' || (Array.isArray(v) && typeof v[0] !== 'object');
    return [path, ...(leaf ? [] : keyPaths(v, path))];
  });
}

describe('the config reference (issue 11)', () => {
  it('documents every key the validators accept, and no other', () => {
    const documented = new Set(keyPaths(parse(uncommented(example))));
    const accepted = new Set(configKeyPaths());
    expect([...accepted].filter((k) => !documented.has(k))).toEqual([]);
    expect([...documented].filter((k) => !accepted.has(k))).toEqual([]);
  });

  it('gives every key a comment: on its line or the line above', () => {
    const lines = uncommented(example).split('\n');
    const seen = new Set<string>();
    const missing: string[] = [];
    lines.forEach((line, i) => {
      const m = /^(\s*)(?:- )?([a-z][A-Za-z0-9]*):/.exec(line);
      if (!m) return;
      const id = `${m[1]!.length}:${m[2]}`;
      if (seen.has(id)) return;
      seen.add(id);
      const above = lines[i - 1] ?? '';
      if (!/\s#\s/.test(line) && !/^\s*#/.test(above)) missing.push(line.trim());
    });
    expect(missing).toEqual([]);
  });

  it('the uncommented settings validate, one alternative at a time', () => {
    const value = parse(uncommented(example)) as Record<string, Record<string, unknown>>;
    delete value.imap!.oauth2Token;
    delete value.imap!.mailbox;
    expect(() => configFromValue(value, '/etc/convene/convene.yaml')).not.toThrow();
  });

  it('convene help config prints this same file', async () => {
    const r = await cli(['help', 'config']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(example);
  });

  it('a fresh convene init config plans and sends nothing: no meeting, no IMAP server', () => {
    const config = configFromValue(parse(example), '/srv/convene/convene.yaml');
    expect(config.meetings).toEqual([]);
    expect(config.imap).toBeUndefined();
    expect(config.transport).toBe('file');
  });
});
