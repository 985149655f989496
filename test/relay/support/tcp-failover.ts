/**
 * A stand-in for the load balancer in front of several relay processes, for tests: on 127.0.0.1,
 * each TCP connection goes to the first backend in its list that accepts one. When a process
 * dies, the connections it held close, and the device's next ones land on the next process in
 * the list, without the device being told. No stickiness: any process serves any request.
 */
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpFailover {
  /** `http://127.0.0.1:<port>`: what a device is given as its relay address. */
  readonly url: string;
  readonly close: () => Promise<void>;
}

const hostAndPort = (url: string): { host: string; port: number } => {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port) };
};

/** `backends` are relay URLs (`http://127.0.0.1:port`), tried in order for every connection. */
export const startTcpFailover = async (backends: readonly string[]): Promise<TcpFailover> => {
  const targets = backends.map(hostAndPort);
  const open = new Set<Socket>();
  const track = (socket: Socket): void => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };

  const server = createServer((downstream) => {
    track(downstream);
    downstream.pause();
    downstream.on('error', () => downstream.destroy());
    const tryBackend = (index: number): void => {
      const target = targets[index];
      if (!target || downstream.destroyed) {
        downstream.destroy();
        return;
      }
      const upstream = connect(target);
      track(upstream);
      upstream.on('error', () => {
        upstream.destroy();
        // Refused before a byte went through: the next backend. Lost later: the device retries.
        if (!upstream.bytesRead && !upstream.bytesWritten) tryBackend(index + 1);
        else downstream.destroy();
      });
      upstream.once('connect', () => {
        upstream.on('close', () => downstream.destroy());
        downstream.on('close', () => upstream.destroy());
        downstream.pipe(upstream);
        upstream.pipe(downstream);
        downstream.resume();
      });
    };
    tryBackend(0);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
