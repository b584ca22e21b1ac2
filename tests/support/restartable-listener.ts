import type { Express } from 'express';
import { listen, type Listening } from '../../schema/http/listen';

export interface Restartable {
  url: string;
  /** Stops listening, as if the service went down; `restart` listens again on the same port. */
  stop(): Promise<void>;
  restart(): Promise<void>;
}

/** Listens on port 0 and can be taken down and brought back at the same URL; the final close joins `cleanups`. */
export async function listenRestartably(app: Express, cleanups: Array<() => Promise<void>>): Promise<Restartable> {
  let listening: Listening | null = await listen(app, 0);
  const port = Number(new URL(listening.url).port);
  cleanups.push(() => listening?.close() ?? Promise.resolve());
  return {
    url: listening.url,
    stop: async () => {
      await listening?.close();
      listening = null;
    },
    restart: async () => {
      listening ??= await listen(app, port);
    },
  };
}
