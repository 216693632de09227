import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Captured {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: Buffer;
}

/** What the server answers to MAIL FROM / RCPT TO: accept, or reject with a code (4xx transient, 5xx permanent). */
export type Mode =
  { readonly kind: 'accept' } | { readonly kind: 'reject'; readonly code: number; readonly only?: (rcpt: string) => boolean };

/**
 * An in-process SMTP server (smtp-server) that keeps what it receives, for tests: stop and start
 * it again on the same port (the "SMTP down an hour" case), reject on demand, and parse messages
 * back with mailparser. `onMessage` lets a test play the list and echo mail into an mbox.
 */
/**
 * What the server does once it has the whole message (the final "."): reply 250, drop the
 * connection without a reply, or reply only after a delay (ms). The message counts as received
 * either way, as a real server that queued it before the connection broke would have it.
 */
export type AfterData = 'reply' | 'drop' | { readonly delayMs: number };

export class SmtpCapture {
  readonly messages: Captured[] = [];
  mode: Mode = { kind: 'accept' };
  afterData: AfterData = 'reply';
  onMessage?: (m: Captured) => void;
  private server: SMTPServer | null = null;
  port = 0;

  static async start(port = 0): Promise<SmtpCapture> {
    const c = new SmtpCapture();
    await c.listen(port);
    return c;
  }

  async listen(port = this.port): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, cb) => {
        const m = this.mode;
        if (m.kind === 'reject' && (!m.only || m.only(address.address))) {
          const err = new Error(`${m.code} rejected by the test server`) as Error & { responseCode: number };
          err.responseCode = m.code;
          return cb(err);
        }
        cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const m: Captured = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
          };
          this.messages.push(m);
          this.onMessage?.(m);
          const after = this.afterData;
          if (after === 'reply') return cb();
          if (after === 'drop') return this.dropConnection(server, session);
          setTimeout(cb, after.delayMs);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const addr = (server as unknown as { server: { address(): { port: number } } }).server.address();
    this.port = addr.port;
  }

  /** Close the client's connection without a reply (smtp-server keeps its connections in a Set). */
  private dropConnection(server: SMTPServer, session: unknown): void {
    const connections = (server as unknown as { connections: Set<{ session: unknown; _socket: { destroy(): void } }> }).connections;
    for (const c of connections) if (c.session === session) c._socket.destroy();
  }

  /** Stop listening (keeps the captured messages and the port for a later listen()). */
  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  parsed(i: number): Promise<ParsedMail> {
    return simpleParser(this.messages[i]!.raw);
  }

  /** The captured messages whose X-Convene header names this kind. */
  ofKind(kind: string): Captured[] {
    return this.messages.filter((m) => new RegExp(`^X-Convene: ${kind};`, 'mi').test(headerBlock(m.raw)));
  }
}

function headerBlock(raw: Buffer): string {
  const s = raw.toString('utf8');
  const end = s.search(/\r?\n\r?\n/);
  return (end === -1 ? s : s.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
}
