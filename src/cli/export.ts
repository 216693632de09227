import { ConveneError } from '../errors.js';
import type { CorruptMessage } from '../store/raw-reader.js';
import { args, type Command, type CommandContext } from './context.js';
import { EXPORT } from './specs/archive.js';
import { cliNow } from './clock.js';
import { safeJson, safeText } from './terminal-text.js';

/**
 * Export stored raw bytes as mboxrd: every message (in storage order) when no query is given,
 * else the matches oldest first. Never re-synthesised MIME: the bytes are the ones received.
 * A message whose stored bytes fail their content hash is named on stderr and left out, and the
 * export goes on (exit 1 at the end); --strict stops at the first one instead. --out writes to a
 * temporary name beside FILE and renames it when complete: FILE is never half written.
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
    const corrupt: string[] = [];
    const options = values.strict ? {} : { onCorrupt: (e: CorruptMessage) => reportCorrupt(ctx, e, corrupt) };
    let n: number;
    if (values.out === undefined) n = await writeMboxrd(db, ctx.stdout, ids, options);
    else {
      const { writeFileAtomically } = await import('./atomic-file.js');
      n = await writeFileAtomically(values.out, (file) => writeMboxrd(db, file, ids, options));
    }
    if (values.json) ctx.stdout.write(safeJson(JSON.stringify({ exported: n, out: values.out, format, corrupt })) + '\n');
    else ctx.stderr.write(`exported ${n} message${n === 1 ? '' : 's'}${values.out !== undefined ? ` to ${values.out}` : ''}\n`);
    if (!corrupt.length) return 0;
    ctx.stderr.write(`convene: ${corrupt.length} corrupt message${corrupt.length === 1 ? '' : 's'} left out (see convene db check)\n`);
    return 1;
  },
};

function reportCorrupt(ctx: CommandContext, err: CorruptMessage, corrupt: string[]): void {
  corrupt.push(err.mid);
  ctx.stderr.write(`convene: skipped: ${safeText(err.message, false)}\n`);
}
