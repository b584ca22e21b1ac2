import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface Listening {
  server: Server;
  url: string;
  /** Stops accepting connections and resolves once the requests in flight are answered. */
  close(): Promise<void>;
}

const IDLE_SWEEP_MS = 50;

/** Listen on `port` (0 picks a free one, as tests do) and report the URL actually bound. */
export function listen(app: Express, port: number, host = '127.0.0.1'): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => {
      if (error) return reject(error);
      const address = server.address() as AddressInfo;
      resolve({ server, url: `http://${host}:${address.port}`, close: () => closeServer(server) });
    });
    server.on('error', reject);
  });
}

/**
 * `server.close()` waits for every open connection, and the gateway keeps its
 * connections alive: a socket that finishes its last response after close()
 * began would sit idle until the keep-alive timeout. Sweep idle sockets until
 * the server is closed, so a stop takes as long as the slowest request, no more.
 */
function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise<void>((done) => {
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    server.close(() => {
      clearInterval(sweep);
      done();
    });
    server.closeIdleConnections();
  });
}
