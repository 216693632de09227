/**
 * A private Dovecot per test file (recipe: ../shared/notes/dovecot-for-tests.md beside the
 * checkout): its own temp dir, config, self-signed certificate and free loopback ports; stopped
 * by PID. Mail is loaded as maildir files, so loading 200 messages costs no IMAP round trips.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

export const DOVECOT_BIN = '/usr/sbin/dovecot';

export interface DovecotServer {
  readonly dir: string;
  /** Plain IMAP with STARTTLS offered. */
  readonly port: number;
  /** Implicit TLS. */
  readonly tlsPort: number;
  readonly user: string;
  readonly password: string;
  /** The self-signed certificate (trust it as the CA). */
  readonly caPath: string;
  /** Write messages as maildir files into a folder (created if missing); the server may be running. */
  addMessages(folder: string, raws: readonly Buffer[]): void;
  /**
   * Deliver messages through IMAP APPEND from a second session, as an MTA's delivery agent would:
   * Dovecot then updates its index at once and wakes IDLE sessions (files written straight into
   * the maildir are only noticed at the next scan, up to mailbox_idle_check_interval later).
   */
  appendMessages(folder: string, raws: readonly Buffer[]): Promise<void>;
  /** Stop the server and wait until it has exited and its pid file is gone. */
  stop(): Promise<void>;
  /** Start it again on the same ports. */
  start(): Promise<void>;
  /** With the server stopped: forget the folder's UIDs so it gets a new UIDVALIDITY on next access. */
  resetUids(folder: string): void;
  readonly running: boolean;
  /** Stop and remove everything. */
  close(): Promise<void>;
}

let mailIds: { uid: number; gid: number } | undefined;

/** The vmail user owning the mail (created once; concurrent test files may race on useradd). */
function vmail(): { uid: number; gid: number } {
  if (mailIds) return mailIds;
  const lookup = (): { uid: number; gid: number } | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'vmail'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      const gid = Number(execFileSync('id', ['-g', 'vmail'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  let ids = lookup();
  if (!ids) {
    try {
      execFileSync('useradd', ['-r', '-M', '-s', '/usr/sbin/nologin', '-U', 'vmail'], { stdio: 'ignore' });
    } catch {
      // another test file may have created it meanwhile: look again below
    }
    ids = lookup();
  }
  if (!ids) throw new Error('test helper: cannot create the vmail user for Dovecot');
  mailIds = ids;
  return ids;
}

/** A free loopback port (bound then released; the tiny race is acceptable in tests). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with ${child.exitCode}: ${readLog(log)}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await delay(25);
  }
  throw new Error(`dovecot did not listen on ${port}: ${readLog(log)}`);
}

function readLog(path: string): string {
  try {
    return execFileSync('tail', ['-n', '20', path], { encoding: 'utf8' });
  } catch {
    return '(no log)';
  }
}

function config(t: string, port: number, tlsPort: number, uid: number): string {
  return `base_dir = ${t}/run
state_dir = ${t}/state
log_path = ${t}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <${t}/cert.pem
ssl_key = <${t}/key.pem
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2
auth_failure_delay = 0
first_valid_uid = ${uid}
mail_location = maildir:${t}/mail/%u/Maildir:LAYOUT=fs:INBOX=${t}/mail/%u/Maildir/INBOX
mail_privileged_group =
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${t}/users
}
userdb {
  driver = static
  args = uid=vmail gid=vmail home=${t}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${tlsPort}
    ssl = yes
  }
}
imap_max_line_length = 2M
# No anvil auth penalty (up to 15 s per login after failures from one IP): wrong-password tests
# would otherwise slow down each other (doc.dovecot.org, "Authentication penalty support").
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
`;
}

/** PIDs of every process below `root` (from /proc), breadth first. */
function descendantPids(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const p = queue.shift()!;
    for (const [pid, ppid] of parentOf) {
      if (ppid === p) {
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return found;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie still answers signal 0; it holds no socket any more.
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

let seq = 0;

/** Start a private Dovecot with user `test` / `test-pass`. */
export async function startDovecot(): Promise<DovecotServer> {
  const ids = vmail();
  const t = mkdtempSync(join(tmpdir(), 'convene-dovecot-'));
  chmodSync(t, 0o755); // Dovecot's auth process (user dovecot) reads the users file in here
  const [port, tlsPort] = [await freePort(), await freePort()];
  const user = 'test';
  const password = 'test-pass';
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '3650',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      join(t, 'key.pem'),
      '-out',
      join(t, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  writeFileSync(join(t, 'users'), `${user}:{PLAIN}${password}::::::\n`);
  writeFileSync(join(t, 'dovecot.conf'), config(t, port, tlsPort, ids.uid));
  const home = join(t, 'mail', user);
  const maildir = join(home, 'Maildir');
  for (const d of [join(t, 'mail'), home, maildir]) {
    mkdirSync(d, { recursive: true });
    chownSync(d, ids.uid, ids.gid);
  }
  const logPath = join(t, 'dovecot.log');
  let child: ChildProcess | undefined;

  const folderDir = (folder: string): string => join(maildir, folder);
  const ensureFolder = (folder: string): string => {
    const dir = folderDir(folder);
    for (const d of [dir, join(dir, 'cur'), join(dir, 'new'), join(dir, 'tmp')]) {
      if (!existsSync(d)) {
        mkdirSync(d, { recursive: true });
        chownSync(d, ids.uid, ids.gid);
      }
    }
    return dir;
  };

  const server: DovecotServer = {
    dir: t,
    port,
    tlsPort,
    user,
    password,
    caPath: join(t, 'cert.pem'),
    get running() {
      return child !== undefined && child.exitCode === null;
    },
    addMessages(folder, raws) {
      const dir = ensureFolder(folder);
      const stamp = Math.floor(Date.now() / 1000);
      for (const raw of raws) {
        // Maildir delivery: write in tmp/, then rename into cur/ (atomic; ":2," = no flags yet).
        const name = `${stamp}.M${++seq}P${process.pid}.convene-test`;
        const tmp = join(dir, 'tmp', name);
        writeFileSync(tmp, raw);
        chownSync(tmp, ids.uid, ids.gid);
        renameSync(tmp, join(dir, 'cur', `${name}:2,`));
      }
    },
    async appendMessages(folder, raws) {
      const { ImapFlow } = await import('imapflow');
      const client = new ImapFlow({
        host: '127.0.0.1',
        port,
        secure: false,
        doSTARTTLS: false,
        auth: { user, pass: password },
        logger: false,
      });
      client.on('error', () => undefined);
      await client.connect();
      try {
        for (const raw of raws) await client.append(folder, raw);
      } finally {
        await client.logout();
      }
    },
    async start() {
      if (server.running) throw new Error('dovecot is already running');
      child = spawn(DOVECOT_BIN, ['-F', '-c', join(t, 'dovecot.conf')], { stdio: 'ignore' });
      await waitForPort(port, child, logPath);
      await waitForPort(tlsPort, child, logPath);
    },
    async stop() {
      const c = child;
      if (!c || c.exitCode !== null || c.pid === undefined) return;
      // The master's SIGTERM leaves its log, stats and imap processes running here (Dovecot
      // 2.3.19, shutdown_clients = yes notwithstanding), so open sessions would survive a
      // "stop". Note this instance's descendants first and end them by PID afterwards.
      const descendants = descendantPids(c.pid);
      const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
      c.kill('SIGTERM');
      await exited;
      for (const pid of descendants) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      for (let i = 0; i < 200 && descendants.some(isAlive); i++) await delay(10);
      // The master removes its pid file on the way out; a restart before that fails.
      for (let i = 0; i < 200 && existsSync(join(t, 'run', 'master.pid')); i++) await delay(10);
    },
    resetUids(folder) {
      if (server.running) throw new Error('stop dovecot before resetting UIDs');
      const dir = folderDir(folder);
      // The folder's uidlist and indexes hold its UIDVALIDITY and UIDs; the mailbox list index
      // at the root caches it too. Without them Dovecot assigns the next UIDVALIDITY from
      // the root's dovecot-uidvalidity counter, so the value is sure to differ.
      for (const f of readdirSync(dir)) if (f.startsWith('dovecot')) rmSync(join(dir, f), { force: true });
      for (const f of readdirSync(maildir)) if (f.startsWith('dovecot.list.index')) rmSync(join(maildir, f), { force: true });
    },
    async close() {
      await server.stop();
      rmSync(t, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

/** A short random hex string (unique message ids for generated mail). */
export function randomId(): string {
  return randomBytes(8).toString('hex');
}
