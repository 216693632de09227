import { which } from './util.js';

/** A tool a benchmark compares against or relies on, and the Debian package that provides it. */
export interface Peer {
  readonly name: string;
  readonly exe: string;
  readonly aptPackage: string;
}

export const PEERS = {
  hyperfine: { name: 'hyperfine', exe: 'hyperfine', aptPackage: 'hyperfine' },
  time: { name: 'GNU time', exe: '/usr/bin/time', aptPackage: 'time' },
  mu: { name: 'mu', exe: 'mu', aptPackage: 'maildir-utils' },
  notmuch: { name: 'notmuch', exe: 'notmuch', aptPackage: 'notmuch' },
  mbsync: { name: 'mbsync', exe: 'mbsync', aptPackage: 'isync' },
  dovecot: { name: 'dovecot', exe: 'dovecot', aptPackage: 'dovecot-imapd' },
} as const satisfies Record<string, Peer>;

export type PeerId = keyof typeof PEERS;

const SBIN = ['/usr/sbin', '/sbin', '/usr/local/sbin'];

/** Whether a peer's executable is present (dovecot lives in sbin, often off a user's PATH). */
export function hasPeer(id: PeerId): boolean {
  const exe = PEERS[id].exe;
  if (which(exe)) return true;
  return SBIN.some((d) => which(`${d}/${exe}`) !== undefined);
}

/** The peers among `ids` that are missing. */
export function missingPeers(ids: readonly PeerId[]): PeerId[] {
  return ids.filter((id) => !hasPeer(id));
}

/** One line naming what is missing and the apt command that would provide it (never run here). */
export function missingMessage(ids: readonly PeerId[]): string {
  const pkgs = [...new Set(ids.map((id) => PEERS[id].aptPackage))];
  return `missing ${ids.map((id) => PEERS[id].name).join(', ')} (install with: apt-get install ${pkgs.join(' ')})`;
}
