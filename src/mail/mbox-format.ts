/**
 * The mbox format both ways, shared by the readers (sources/mbox.ts) and the writers (export,
 * search --format mboxrd): mboxrd escaping of "From " lines and the From_ line's date.
 */

/** mboxrd: a line of one or more ">" then "From " had one ">" added on export. */
export function unescapeMboxrd(body: Buffer): Buffer {
  if (body.indexOf('>From ') === -1) return body;
  const text = body.toString('latin1');
  return Buffer.from(text.replace(/^>(>*From )/gm, '$1'), 'latin1');
}

/** mboxrd escaping for export: the inverse of unescapeMboxrd. */
export function escapeMboxrd(raw: Buffer): Buffer {
  const text = raw.toString('latin1');
  if (!/^>*From /m.test(text)) return raw;
  return Buffer.from(text.replace(/^(>*From )/gm, '>$1'), 'latin1');
}

/**
 * The date on a From_ line ("From sender Thu Jan  1 00:00:00 1970"), or undefined.
 * public-inbox writes the epoch as a placeholder, so the epoch means "no date".
 */
export function fromLineDateOf(line: string): number | undefined {
  const m = /(\w{3}) +(\w{3}) +(\d{1,2}) +(\d{1,2}:\d{2}(?::\d{2})?) +(\d{4})/.exec(line);
  if (!m) return undefined;
  const ms = Date.parse(`${m[2]} ${m[3]} ${m[5]} ${m[4]} UTC`);
  return Number.isNaN(ms) || ms <= 0 ? undefined : ms;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** asctime(3) in UTC, as mbox From_ lines carry it: "Thu Jan  1 00:00:00 1970". */
export function asctime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  const time = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} ${d.getUTCFullYear()}`;
}

/**
 * The From_ line: sender and date, so that a re-import recovers the date even when the Date
 * header is broken (sources/mbox.ts reads it back as the from-line fallback). No date: the epoch,
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
