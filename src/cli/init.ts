import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ConveneError } from '../errors.js';
import { templatePath } from '../paths.js';
import { args, type Command } from './context.js';
import { INIT } from './specs/operate.js';

/** Write the commented example config (templates/convene.example.yaml). */
export const command: Command = {
  async run(ctx) {
    const { positionals, values } = args(ctx, INIT);
    const path = positionals[0] ?? 'convene.yaml';
    if (existsSync(path) && !values.force) throw new ConveneError('USAGE', `${path} exists; use --force to overwrite it`);
    const example = readFileSync(templatePath('convene.example.yaml'), 'utf8');
    writeFileSync(path, example);
    ctx.stdout.write(
      `wrote ${path}: as written it reads and sends nothing; set imap (or source) and a meeting, then run convene sync ` +
        '(convene help config lists every key)\n',
    );
    return 0;
  },
};
