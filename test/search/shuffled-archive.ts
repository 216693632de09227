/**
 * A generated archive whose arrival order only roughly follows date (issue 9's top-k by date
 * must be exact anyway): a tenth of the messages arrive out of date order, some have no Date
 * at all, many share a date to the second, and some replies arrive before their parent, so
 * threads merge. Words come from a small vocabulary so queries match 5–60% of messages.
 */
import { generateMessage } from '../helpers/message-generator.js';
import { dbWith } from './fixture-db.js';
import type { Db } from '../../src/store/db.js';
import { prng } from '../helpers/prng.js';

const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'kernel', 'journal', 'inode', 'extent'];
const AUTHORS = ['Alice <alice@example.org>', 'Bob <bob@example.org>', '<carol@example.net>', 'Dave Chair <dave@example.org>'];

export async function shuffledArchive(n = 400, seed = 7): Promise<Db> {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const raws: Buffer[] = [];
  const start = Date.UTC(2019, 0, 1);
  const roots: string[] = [];
  for (let i = 0; i < n; i++) {
    // Minutes apart in arrival order, a tenth of them months off, ties every so often.
    let at = start + Math.floor(i / 3) * 60_000;
    if (rand() < 0.1) at += Math.round((rand() - 0.5) * 200 * 86_400_000);
    const undated = rand() < 0.04;
    const id = `m${i}@shuffled.example`;
    const words = Array.from({ length: 6 }, () => (rand() < 0.5 ? pick(WORDS) : 'filler'));
    let references: string | null = null;
    if (roots.length && rand() < 0.6) references = `<${pick(roots)}>`;
    // A reply to a message that arrives later: its thread merges with that one's.
    else if (rand() < 0.1) references = `<m${i + 1 + Math.floor(rand() * 20)}@shuffled.example>`;
    else roots.push(id);
    raws.push(
      generateMessage({
        messageId: id,
        from: pick(AUTHORS),
        subject: `${pick(WORDS)} report ${i % 17}`,
        date: undated ? null : new Date(at).toUTCString().replace('GMT', '+0000'),
        ...(references ? { inReplyTo: references, references } : {}),
        body: `${words.join(' ')}\n`,
      }),
    );
  }
  return dbWith(raws, 37);
}
