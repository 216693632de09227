import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDir, pathSize, runChecked, type TimedRun } from './util.js';

/** A peer's private index over a maildir: how to run it, where its database lives. */
export interface PeerIndex {
  readonly dbDir: string;
  /** Environment for every command of this peer (NOTMUCH_CONFIG for notmuch). */
  readonly env: NodeJS.ProcessEnv;
  /** Arguments that select this index on the command line (mu's --muhome). */
  readonly args: readonly string[];
}

/**
 * A notmuch set-up in `dir`: a generated config (via NOTMUCH_CONFIG, so the user's own
 * ~/.notmuch-config is never read or written), mail root = the maildir, database in dir/db.
 * No tags on new mail and no flag sync, so `notmuch new` does indexing work only.
 */
export function notmuchSetup(maildir: string, dir: string): PeerIndex {
  freshDir(dir);
  const dbDir = join(dir, 'db');
  mkdirSync(dbDir); // notmuch creates xapian/ inside, not the directory itself
  const config = join(dir, 'notmuch-config');
  writeFileSync(
    config,
    [
      '[database]',
      `path=${dbDir}`,
      `mail_root=${maildir}`,
      '[user]',
      'name=Bench',
      'primary_email=bench@example.org',
      '[new]',
      'tags=',
      '[maildir]',
      'synchronize_flags=false',
      '',
    ].join('\n'),
  );
  return { dbDir, env: { ...process.env, NOTMUCH_CONFIG: config, HOME: dir }, args: [] };
}

/** Time `notmuch new` (cold: a fresh database) under GNU time. */
export async function notmuchNew(idx: PeerIndex): Promise<TimedRun> {
  return runChecked('notmuch', ['new', '--quiet'], { env: idx.env, measureRss: true });
}

/** A mu set-up: `mu init --maildir=DIR --muhome=dir` (not timed; `mu index` is the work). */
export async function muSetup(maildir: string, dir: string): Promise<PeerIndex> {
  freshDir(dir);
  const env = { ...process.env, HOME: dir };
  await runChecked('mu', ['init', `--maildir=${maildir}`, `--muhome=${dir}`, '--quiet'], { env });
  return { dbDir: join(dir, 'xapian'), env, args: [`--muhome=${dir}`] };
}

/** Time `mu index` under GNU time. */
export async function muIndex(idx: PeerIndex): Promise<TimedRun> {
  return runChecked('mu', ['index', ...idx.args, '--quiet'], { env: idx.env, measureRss: true });
}

/** Size of a peer's database directory in bytes. */
export function peerDbSize(idx: PeerIndex): number {
  return pathSize(idx.dbDir);
}

/** Where the mu and notmuch indexes of an n-message slice are kept between runs. */
export function peerIndexDir(work: string, messages: number): string {
  return join(work, `indexes-${messages}`);
}

/** The indexes as the import bench left them, when complete (a marker is written last). */
export function cachedPeerIndexes(work: string, messages: number): { mu?: PeerIndex; notmuch?: PeerIndex } {
  const dir = peerIndexDir(work, messages);
  const out: { mu?: PeerIndex; notmuch?: PeerIndex } = {};
  if (existsSync(join(dir, 'mu.done')))
    out.mu = { dbDir: join(dir, 'mu', 'xapian'), env: { ...process.env, HOME: join(dir, 'mu') }, args: [`--muhome=${join(dir, 'mu')}`] };
  if (existsSync(join(dir, 'notmuch.done'))) {
    const nm = join(dir, 'notmuch');
    out.notmuch = { dbDir: join(nm, 'db'), env: { ...process.env, NOTMUCH_CONFIG: join(nm, 'notmuch-config'), HOME: nm }, args: [] };
  }
  return out;
}

/** Record that a peer's index in peerIndexDir is complete. */
export function markPeerIndex(work: string, messages: number, peer: 'mu' | 'notmuch'): void {
  writeFileSync(join(peerIndexDir(work, messages), `${peer}.done`), new Date().toISOString());
}
