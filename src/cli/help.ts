/**
 * `convene help [COMMAND [SUBCOMMAND] | config | search]`, and every `--help`: the pages are
 * generated from the specs (usage.ts), so `convene X --help` and `convene help X` are the same text.
 */
import { readFileSync } from 'node:fs';
import { ConveneError } from '../errors.js';
import { templatePath } from '../paths.js';
import { SPECS } from './commands.js';
import { args, type Command } from './context.js';
import { allSpecs } from './parse.js';
import type { CommandSpec } from './spec.js';
import { HELP } from './specs/operate.js';
import { didYouMean } from './suggest.js';
import { helpText, overview } from './usage.js';
import { version } from './version.js';

/** The help page of a spec (null: the overview of every command). */
export async function helpPage(spec: CommandSpec | null): Promise<string> {
  if (!spec) return overview(SPECS, version());
  const topic = spec.topic === 'search' ? (await import('./search-help.js')).searchHelp() : '';
  return helpText(spec, topic);
}

export const command: Command = {
  async run(ctx) {
    const words = [...args(ctx, HELP).positionals];
    if (words.length === 0) {
      ctx.stdout.write(overview(SPECS, version()));
      return 0;
    }
    if (words.length === 1 && (words[0] === 'config' || words[0] === 'configuration')) {
      ctx.stdout.write(configReference());
      return 0;
    }
    if (words.length === 1 && words[0] === 'query') words.splice(0, 1, 'search');
    const name = words.join(' ');
    const spec = allSpecs(SPECS).find((s) => s.name === name);
    if (!spec) {
      const names = [...allSpecs(SPECS).map((s) => s.name), 'config'];
      throw new ConveneError('USAGE', `no help on "${name}"${didYouMean(name, names)}: not a command or topic (see convene help)`);
    }
    ctx.stdout.write(await helpPage(spec));
    return 0;
  },
};

/**
 * `convene help config`: every key, with its comment and default. The text is the example config
 * `convene init` writes (templates/convene.example.yaml): one source, so the reference and the
 * example cannot disagree, and test/config/reference.test.ts checks it lists every accepted key.
 */
export function configReference(): string {
  return (
    '# convene help config: every key of convene.yaml, as `convene init` writes it.\n' +
    '# Relative paths are relative to the config file. Commented-out keys show their default or an example.\n\n' +
    readFileSync(templatePath('convene.example.yaml'), 'utf8')
  );
}
