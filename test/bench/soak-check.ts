/**
 * What the soak checks at the end, read straight from SQLite and from what the SMTP server got:
 * every appended message stored once, every due mail sent once, RSS flat. Figures only: the
 * bench prints them and says which expectation failed, it asserts nothing.
 */
import Database from 'better-sqlite3';
import { median } from './util.js';

export interface RssSample {
  readonly atMs: number;
  readonly rssBytes: number;
}

/** VmRSS of a process from /proc, or null once it has gone. */
export async function rssOf(pid: number): Promise<number | null> {
  const { readFile } = await import('node:fs/promises');
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** RSS over the run: the median of the first and of the last fifth (after a minute's warm-up), the peak. */
export function rssFigures(samples: readonly RssSample[]) {
  const warm = samples.filter((s) => s.atMs >= 60_000);
  const fifth = Math.max(1, Math.floor(warm.length / 5));
  const early = median(warm.slice(0, fifth).map((s) => s.rssBytes));
  const late = median(warm.slice(-fifth).map((s) => s.rssBytes));
  return {
    samples: samples.length,
    earlyMedianBytes: early,
    lateMedianBytes: late,
    peakBytes: Math.max(0, ...samples.map((s) => s.rssBytes)),
    growth: early > 0 ? late / early : null,
  };
}

/** The archive side: how many messages are stored, and how many Message-IDs are stored twice. */
export function archiveFigures(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    const stored = db.prepare('SELECT COUNT(*) FROM messages').pluck().get() as number;
    const twice = db
      .prepare(
        'SELECT COUNT(*) FROM (SELECT header_mid FROM messages WHERE header_mid IS NOT NULL GROUP BY header_mid HAVING COUNT(*) > 1)',
      )
      .pluck()
      .get() as number;
    return { stored, messageIdsStoredTwice: twice };
  } finally {
    db.close();
  }
}

/** The outbox side: each row's state, and how many copies of its Message-ID the server received. */
export function outboxFigures(dbPath: string, received: readonly Buffer[], jobsDue: number) {
  const db = new Database(dbPath, { readonly: true });
  try {
    const rows = db.prepare('SELECT id, kind, state, message_id AS mid, resolved_by AS resolvedBy, resends FROM outbox').all() as {
      id: number;
      kind: string;
      state: string;
      mid: string;
      resolvedBy: string | null;
      resends: number;
    }[];
    // The Message-ID header itself (folded: our ids are long), not In-Reply-To or References.
    const idOf = (raw: Buffer): string | null => /^Message-ID:\s*<([^>]+)>/im.exec(headerBlock(raw))?.[1] ?? null;
    const ids = received.map(idOf);
    const copies = (mid: string): number => ids.filter((id) => id === mid).length;
    const perRow = rows.map((r) => ({ ...r, copies: copies(r.mid) }));
    return {
      mailJobsDue: jobsDue,
      queued: rows.length,
      byState: count(rows.map((r) => r.state)),
      byKind: count(rows.map((r) => r.kind)),
      resolvedBy: count(rows.map((r) => r.resolvedBy ?? 'direct')),
      sentOnce: perRow.filter((r) => r.state === 'sent' && r.copies === 1).length,
      notSentOnce: perRow.filter((r) => r.state !== 'sent' || r.copies !== 1).map((r) => `#${r.id} ${r.kind} ${r.state} ×${r.copies}`),
    };
  } finally {
    db.close();
  }
}

/** Jobs that are mail (not notes) and were due by `until`, per the daemon's own jobs table. */
export function mailJobsDue(dbPath: string, until: number): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare("SELECT COUNT(*) FROM jobs WHERE kind != 'notes' AND due <= ?").pluck().get(until) as number;
  } finally {
    db.close();
  }
}

function headerBlock(raw: Buffer): string {
  const s = raw.subarray(0, 64 * 1024).toString('latin1');
  const end = s.search(/\r?\n\r?\n/);
  return end === -1 ? s : s.slice(0, end);
}

function count(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
