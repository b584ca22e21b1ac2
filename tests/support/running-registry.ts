import { dropDatabase, type SubgraphDataSource } from '../../schema/database/create-data-source';
import { databaseTarget, type DatabaseSettings } from '../../schema/database/database-target';
import { listen, type Listening } from '../../schema/http/listen';
import { fetchSubgraphSdl } from '../../gateway/src/supergraph/compose-supergraph';
import { bootstrapRegistry } from '../../registry/src/bootstrap';
import { openRegistryDataSource } from '../../registry/src/data-source';
import { createRegistryApp } from '../../registry/src/server';
import { TEST_SIGNING_SECRET, TEST_TOKEN_SECRET } from './personas';

export interface RunningRegistry {
  url: string;
  data: SubgraphDataSource;
  /** Stops listening (the gateway then finds it unreachable); `restart` listens again on the same port. */
  stop(): Promise<void>;
  restart(): Promise<void>;
}

/**
 * Starts the schema registry on its own fresh database and registers the
 * running subgraphs as supergraph version 1, as `npm start` does on a first
 * run. Pushes its cleanups (stop, close, drop) onto `cleanups`.
 */
export async function startRegistry(
  settings: DatabaseSettings,
  subgraphs: Record<string, { url: string }>,
  cleanups: Array<() => Promise<void>>,
): Promise<RunningRegistry> {
  cleanups.push(() => dropDatabase(databaseTarget('registry', settings)));
  const data = await openRegistryDataSource(settings);
  // the DB-outage test destroys it itself; destroying twice throws
  cleanups.push(async () => (data.dataSource.isInitialized ? data.dataSource.destroy() : undefined));
  const registry = await createRegistryApp(data.dataSource, {
    port: 0,
    database: settings,
    auth: { kind: 'hs256', secret: TEST_TOKEN_SECRET },
    signingSecret: TEST_SIGNING_SECRET,
    usageWindowDays: 7,
  });
  cleanups.push(registry.stop);
  const sdls = await Promise.all(Object.entries(subgraphs).map(([name, running]) => fetchSubgraphSdl(name, running.url, TEST_SIGNING_SECRET)));
  const result = await bootstrapRegistry(
    data.dataSource,
    sdls.map(({ name, url, sdl }) => ({ name, department: name, url, sdl })),
    'test-stack',
  );
  if (result.kind !== 'bootstrapped') throw new Error(`a fresh registry was not bootstrapped: ${result.reason}`);
  let listening: Listening | null = await listen(registry.app, 0);
  const port = Number(new URL(listening.url).port);
  cleanups.push(() => listening?.close() ?? Promise.resolve());
  return {
    url: listening.url,
    data,
    stop: async () => {
      await listening?.close();
      listening = null;
    },
    restart: async () => {
      listening ??= await listen(registry.app, port);
    },
  };
}
