import { dropDatabase, type SubgraphDataSource } from '../../schema/database/create-data-source';
import { databaseTarget, type DatabaseSettings } from '../../schema/database/database-target';
import { fetchSubgraphSdl } from '../../gateway/src/supergraph/compose-supergraph';
import { bootstrapRegistry } from '../../registry/src/bootstrap';
import { openRegistryDataSource } from '../../registry/src/data-source';
import { createRegistryApp } from '../../registry/src/server';
import { TEST_SIGNING_SECRET, TEST_TOKEN_SECRET } from './personas';
import { listenRestartably, type Restartable } from './restartable-listener';

export interface RunningRegistry extends Restartable {
  data: SubgraphDataSource;
}

/** The schema registry on its own fresh database, listening on port 0; its cleanups (stop, close, drop) join `cleanups`. */
export async function openRegistry(settings: DatabaseSettings, cleanups: Array<() => Promise<void>>): Promise<RunningRegistry> {
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
  return { ...(await listenRestartably(registry.app, cleanups)), data };
}

/**
 * Starts the schema registry and registers the running subgraphs as
 * supergraph version 1, as `npm start` does on a first run.
 */
export async function startRegistry(
  settings: DatabaseSettings,
  subgraphs: Record<string, { url: string }>,
  cleanups: Array<() => Promise<void>>,
): Promise<RunningRegistry> {
  const registry = await openRegistry(settings, cleanups);
  const sdls = await Promise.all(Object.entries(subgraphs).map(([name, running]) => fetchSubgraphSdl(name, running.url, TEST_SIGNING_SECRET)));
  const result = await bootstrapRegistry(
    registry.data.dataSource,
    sdls.map(({ name, url, sdl }) => ({ name, department: name, url, sdl })),
    'test-stack',
  );
  if (result.kind !== 'bootstrapped') throw new Error(`a fresh registry was not bootstrapped: ${result.reason}`);
  return registry;
}
