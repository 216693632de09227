import { ConveneError } from '../errors.js';
import { COMMANDS, findCommand } from './commands.js';
import type { Command } from './context.js';
import { PREFIXES } from '../search/prefixes.js';

/** `convene help search`: the query language, every prefix with an example. */
export function searchHelp(): string {
  const width = Math.max(...PREFIXES.map((p) => [p.name, ...p.aliases].map((a) => a + ':').join(' ').length));
  const rows = PREFIXES.map(
    (p) =>
      `  ${[p.name, ...p.aliases]
        .map((a) => a + ':')
        .join(' ')
        .padEnd(width)}  ${p.help}\n  ${' '.repeat(width)}    e.g. ${p.example}`,
  );
  return `convene search QUERY — the query language (notmuch / public-inbox style)

Free words and "quoted phrases" search the subject, the body (quoted reply lines
count less) and the sender, with stemming (journal matches journalling).
  ext4 journal              both words (AND is implicit)
  "no journal mode"         a phrase
  mount*                    words starting with "mount"

Operators (upper case): AND, OR, NOT, -word, parentheses; * alone matches every message.
  ext4 AND (fsync OR fdatasync) -xfs
  NOT from:tytso

Prefixes (long and short spellings):
${rows.join('\n')}

Dates are UTC: 2019, 2019-05, 2019-05-01, 2019-05-01T10:30, @1556668800, now, today,
yesterday, or N units ago (2w, 3d, 6h, 30min, 1m = one month, 1y). A single date is its
whole period; A..B includes B's period; A.. and ..B are open.
Text after an unknown prefix (http://..., Re:) is searched as plain words.

Options: --sort relevance|newest|oldest (newest), --limit N (text: 50; --json, --jsonl and
--format mboxrd: all; 0 = no limit), --threads, --json, --jsonl, --format mboxrd, --explain.
`;
}

export const command: Command = {
  async run(ctx) {
    const topic = ctx.argv.find((a) => !a.startsWith('-'));
    if (!topic) {
      const width = Math.max(...COMMANDS.map((c) => c.name.length));
      ctx.stdout.write(
        'usage: convene [--db PATH] [--config PATH] <command> [options]\n\n' +
          `${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}\n\n` +
          'convene help COMMAND for its usage; convene help search for the query language.\n',
      );
      return 0;
    }
    if (topic === 'search' || topic === 'query') {
      const entry = findCommand('search')!;
      ctx.stdout.write(`usage: ${entry.usage}\n\n${searchHelp()}`);
      return 0;
    }
    const entry = findCommand(topic);
    if (!entry) throw new ConveneError('USAGE', `no help on "${topic}": not a command (see convene help)`);
    ctx.stdout.write(`usage: ${entry.usage}\n${entry.summary}\n`);
    return 0;
  },
};
