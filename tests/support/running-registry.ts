import express from 'express';
import { dropDatabase, type SubgraphDataSource } from '../../schema/database/create-data-source';
import { databaseTarget, type DatabaseSettings } from '../../schema/database/database-target';
import { fetchSubgraphSdl } from '../../schema/federation/fetch-subgraph-sdl';
import { listen } from '../../schema/http/listen';
import { HopVerifier, UnauthenticatedError } from '../../schema/identity/signed-identity';
import { bootstrapRegistry } from '../../registry/src/bootstrap';
import { openRegistryDataSource } from '../../registry/src/data-source';
import { createRegistryApp } from '../../registry/src/server';
import { TEST_TOKEN_SECRET, testKeys } from './personas';
import { listenRestartably, type Restartable } from './restartable-listener';

export interface RunningRegistry extends Restartable {
  data: SubgraphDataSource;
}

/**
 * The schema registry on its own fresh database, listening on port 0; its cleanups (stop, close, drop) join `cleanups`.
 * `intakeUrl` is where it reads the department catalogue (by default nowhere: department publishes are then refused as retryable).
 */
export async function openRegistry(
  settings: DatabaseSettings,
  cleanups: Array<() => Promise<void>>,
  intakeUrl: () => string = () => 'http://127.0.0.1:9',
): Promise<RunningRegistry> {
  cleanups.push(() => dropDatabase(databaseTarget('registry', settings)));
  const data = await openRegistryDataSource(settings);
  // the DB-outage test destroys it itself; destroying twice throws
  cleanups.push(async () => (data.dataSource.isInitialized ? data.dataSource.destroy() : undefined));
  const registry = await createRegistryApp(data.dataSource, {
    port: 0,
    database: settings,
    auth: { kind: 'hs256', secret: TEST_TOKEN_SECRET },
    hopKeys: testKeys('registry'),
    usageWindowDays: 7,
    intakeUrl,
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
  const registry = await openRegistry(settings, cleanups, () => subgraphs.intake.url);
  const sdls = await Promise.all(Object.entries(subgraphs).map(([name, running]) => fetchSubgraphSdl(name, running.url, testKeys('registry'))));
  const result = await bootstrapRegistry(
    registry.data.dataSource,
    sdls.map(({ name, url, sdl }) => ({ name, department: name, url, sdl })),
    'test-stack',
  );
  if (result.kind !== 'bootstrapped') throw new Error(`a fresh registry was not bootstrapped: ${result.reason}`);
  return registry;
}

/**
 * A stand-in subgraph serving `sdl` (a variant the real service does not
 * serve): it verifies the platform signature as every subgraph does and
 * answers `{ _service { sdl } }` and `{ __typename }`. Returns its /graphql URL.
 */
export async function serveSdlStandIn(sdl: string, cleanups: Array<() => Promise<void>>, name = 'water'): Promise<string> {
  const app = express();
  const verifier = new HopVerifier(testKeys(name));
  app.post('/graphql', express.json(), async (req, res) => {
    const query = typeof req.body?.query === 'string' ? req.body.query : '';
    try {
      await verifier.verify(req.headers, { query, variables: req.body?.variables });
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      res.status(401).json({ errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    res.json({ data: query.includes('_service') ? { _service: { sdl } } : { __typename: 'Query' } });
  });
  const listening = await listen(app, 0);
  cleanups.push(() => listening.close());
  return `${listening.url}/graphql`;
}
