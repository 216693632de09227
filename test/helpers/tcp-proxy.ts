/**
 * A small TCP proxy in front of a test server: counts connections and can cut one mid-stream
 * (after N bytes from the server), as a dropped link or a NAT timeout would.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Connections the proxy cut (by `cutAfter` or `cutAll`). */
  readonly cuts: number;
  /**
   * Cut connection number `index` (1-based, in accept order) once the server has sent more than
   * `bytes` bytes on it. Replaces any earlier rule.
   */
  cutAfter(index: number, bytes: number): void;
  /** Cut every open connection now. */
  cutAll(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  let connections = 0;
  let cuts = 0;
  let rule: { index: number; bytes: number } | undefined;
  const open = new Set<Socket>();

  const server: Server = createServer((client) => {
    const index = ++connections;
    const upstream = connect(targetPort, targetHost);
    open.add(client);
    open.add(upstream);
    let fromServer = 0;
    const cut = (): void => {
      if (client.destroyed && upstream.destroyed) return;
      cuts++;
      // An abrupt reset, not a polite FIN: what a dropped link looks like to the client.
      client.resetAndDestroy();
      upstream.destroy();
    };
    upstream.on('data', (chunk: Buffer) => {
      fromServer += chunk.length;
      if (rule && rule.index === index && fromServer > rule.bytes) {
        // Pass on only the bytes up to the limit, so the cut lands mid-response.
        const keep = chunk.length - (fromServer - rule.bytes);
        if (keep > 0) client.write(chunk.subarray(0, keep));
        cut();
        return;
      }
      client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    const end = (): void => {
      open.delete(client);
      open.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;

  return {
    port,
    get connections() {
      return connections;
    },
    get cuts() {
      return cuts;
    },
    cutAfter(index, bytes) {
      rule = { index, bytes };
    },
    cutAll() {
      for (const s of open) {
        cuts++;
        s.destroy();
      }
    },
    close() {
      for (const s of open) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
