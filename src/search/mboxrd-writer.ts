import { escapeMboxrd } from '../sources/mbox.js';
import { iterateRaw } from '../store/raw-reader.js';
import type { Db } from '../store/db.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** asctime(3) in UTC, as mbox From_ lines carry it: "Thu Jan  1 00:00:00 1970". */
export function asctime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/**
 * The From_ line: sender and date, so that a re-import recovers the date even when the Date
 * header is broken (mbox.ts reads it back as the from-line fallback). No date: the epoch,
 * which public-inbox also writes and which readers take as "no date".
 */
export function fromLine(addr: string, date: number | null): string {
  const who = addr.replace(/[^\x21-\x7e]/g, '') || 'MAILER-DAEMON';
  return `From ${who} ${asctime(date ?? 0)}\n`;
}

/**
 * One message as an mboxrd entry: From_ line, the stored bytes with ^>*From lines escaped
 * (never re-synthesised MIME), a final newline if missing, then the blank separator line.
 */
export function mboxrdEntry(raw: Buffer, addr: string, date: number | null): Buffer {
  const body = escapeMboxrd(raw);
  const tail = body.length && body[body.length - 1] === 0x0a ? '\n' : '\n\n';
  return Buffer.concat([Buffer.from(fromLine(addr, date), 'latin1'), body, Buffer.from(tail)]);
}

/** Where entries go: a stream (awaits 'drain' when full). */
export interface Sink {
  write(chunk: Buffer): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/**
 * Write the messages `ids` (in that order; every stored message when undefined) as mboxrd.
 * Returns how many were written.
 */
export async function writeMboxrd(db: Db, sink: Sink, ids?: readonly number[]): Promise<number> {
  const meta = db.prepare<[number], { from_addr: string; date: number | null }>('SELECT from_addr, date FROM messages WHERE id = ?');
  // Ids first: better-sqlite3 allows no other statement on the connection while one iterates.
  const order =
    ids ??
    db
      .prepare<[], { id: number }>('SELECT id FROM messages ORDER BY id')
      .all()
      .map((r) => r.id);
  let n = 0;
  for (const { id, raw } of iterateRaw(db, order)) {
    const m = meta.get(id);
    if (!sink.write(mboxrdEntry(raw, m?.from_addr ?? '', m?.date ?? null)))
      await new Promise<void>((resolve) => sink.once('drain', resolve));
    n++;
  }
  return n;
}
