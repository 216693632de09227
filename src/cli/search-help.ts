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

Output: text (50 rows unless --limit), --json, --jsonl, --format mboxrd (all matches);
--limit 0 means no limit; --threads groups by thread; --explain shows how the query is read.
`;
}
