import { createWriteStream } from 'node:fs';
import { ConveneError } from '../errors.js';
import { args, type Command } from './context.js';
import { EXPORT } from './specs/archive.js';
import { cliNow } from './clock.js';

/**
 * Export stored raw bytes as mboxrd: every message (in storage order) when no query is given,
 * else the matches oldest first. Never re-synthesised MIME: the bytes are the ones received.
 */
export const command: Command = {
  async run(ctx) {
    const { values, positionals } = args(ctx, EXPORT);
    const format = values.format ?? 'mboxrd';
    if (format !== 'mboxrd') throw new ConveneError('USAGE', `export writes only --format mboxrd, not "${format}"`);
    const db = ctx.db();
    let ids: number[] | undefined;
    if (positionals.length) {
      const { prepareQuery } = await import('../search/query.js');
      const { searchIds } = await import('../search/run.js');
      ids = searchIds(db, prepareQuery(positionals.join(' '), cliNow(ctx.env)).compiled, { sort: 'oldest', limit: 0 });
    }
    const { writeMboxrd } = await import('../search/mboxrd-writer.js');
    if (values.json && values.out === undefined)
      throw new ConveneError('USAGE', 'export --json prints a summary and needs --out FILE (standard output holds the mbox)');
    if (values.out === undefined) {
      const n = await writeMboxrd(db, ctx.stdout, ids);
      ctx.stderr.write(`exported ${n} message${n === 1 ? '' : 's'}\n`);
      return 0;
    }
    const file = createWriteStream(values.out);
    const opened = new Promise<void>((resolve, reject) => {
      file.once('open', () => resolve());
      file.once('error', reject);
    });
    try {
      await opened;
    } catch (err) {
      throw new ConveneError('INPUT', `cannot write ${values.out}: ${(err as Error).message}`, { cause: err });
    }
    const n = await writeMboxrd(db, file, ids);
    await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
    if (values.json) ctx.stdout.write(JSON.stringify({ exported: n, out: values.out, format }) + '\n');
    else ctx.stderr.write(`exported ${n} message${n === 1 ? '' : 's'} to ${values.out}\n`);
    return 0;
  },
};
