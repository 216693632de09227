import { archiveStats, type ArchiveStats } from '../ingest/archive-stats.js';
import { args, wantsJson, type Command } from './context.js';
import { STATS } from './specs/archive.js';
import { isoTime } from './json.js';
import { makePrinter } from './output.js';

export const command: Command = {
  async run(ctx) {
    const { values } = args(ctx, STATS);
    const stats = archiveStats(ctx.db());
    // Instants as ISO 8601 (the one JSON style); the text shows dates.
    const json = {
      ...stats,
      oldest: isoTime(stats.oldest),
      newest: isoTime(stats.newest),
      mailboxes: stats.mailboxes.map((b) => ({ ...b, lastSyncAt: isoTime(b.lastSyncAt) })),
    };
    makePrinter(ctx.stdout, wantsJson(ctx, values) ? 'json' : 'text', ctx.env).object(json, () => formatStats(stats));
    return 0;
  },
};

const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
const day = (ms: number | null): string => (ms === null ? '-' : new Date(ms).toISOString().slice(0, 10));

function formatStats(s: ArchiveStats): string {
  const lines = [
    `messages        ${s.messages} (${s.distinctMessageIds} distinct Message-IDs, ` +
      `${s.variants} variants of a reused id, ${s.withoutMessageId} without an id)`,
    `identical copies ${s.identicalCopies} (seen again, stored once)`,
    `threads         ${s.threads} (${s.ghosts} referenced messages not in the archive)`,
    `parse failures  ${s.failures} (stored raw)`,
    `dates           ${day(s.oldest)} .. ${day(s.newest)}; ${s.datesFromFallback} from a fallback, ${s.withoutDate} without a date`,
    `size            ${mb(s.rawBytes)} of mail, stored in ${mb(s.storedBytes)}; database ${mb(s.databaseBytes)}`,
  ];
  for (const b of s.mailboxes) {
    const last = `last sync ${b.lastSyncAt ? new Date(b.lastSyncAt).toISOString() : 'never'}`;
    // Local sources the daemon follows keep their cursor under the account 'file' (local-sync.ts).
    if (b.account === 'file') lines.push(`file ${b.mailbox}: ${b.lastUid} messages read, ${last}`);
    else lines.push(`imap ${b.account} ${b.mailbox}: uidvalidity ${b.uidValidity}, last uid ${b.lastUid}, ${last}`);
  }
  return lines.join('\n');
}
