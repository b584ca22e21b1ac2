import type { Server, ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface Listening {
  server: Server;
  url: string;
  /** Stops accepting connections and resolves once every request already received is answered. */
  close(): Promise<void>;
}

/** Long enough for a connection accepted just before the stop to deliver its request; short against the stop deadline. */
const ACCEPTED_GRACE_MS = 150;
const IDLE_SWEEP_MS = 50;

/** Listen on `port` (0 picks a free one, as tests do) and report the URL actually bound. */
export function listen(app: Express, port: number, host = '127.0.0.1'): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => {
      if (error) return reject(error);
      const address = server.address() as AddressInfo;
      resolve({ server, url: `http://${host}:${address.port}`, close: closer(server) });
    });
    server.on('error', reject);
  });
}

/**
 * A stop that loses no request. Node's own `server.close()` at once closes
 * every connection without a request in progress, including one accepted a
 * moment ago whose request is still in the kernel's buffer: that client gets
 * a reset and cannot tell whether its request ran. So: stop accepting, tell
 * every response from now on (those in flight included) to end its
 * connection, give accepted connections a moment to deliver their request,
 * then close idle ones until none is left.
 */
function closer(server: Server): () => Promise<void> {
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  server.on('request', (_req, res: ServerResponse) => {
    if (closing) {
      res.shouldKeepAlive = false;
      return;
    }
    inFlight.add(res);
    res.on('close', () => inFlight.delete(res));
  });
  return () => {
    if (closing || !server.listening) return Promise.resolve();
    closing = true;
    for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
    return new Promise<void>((done) => {
      let sweep: NodeJS.Timeout | undefined;
      // setImmediate: after a busy stretch timers run before pending reads; one poll phase first lets them arrive
      const grace = setTimeout(() => {
        setImmediate(() => {
          server.closeIdleConnections();
          sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
        });
      }, ACCEPTED_GRACE_MS);
      // the plain net close: stop accepting, but leave the connections to the sweep
      net.Server.prototype.close.call(server, () => {
        clearTimeout(grace);
        clearInterval(sweep);
        done();
      });
    });
  };
}
