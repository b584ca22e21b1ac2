import 'reflect-metadata';
import { readDatabaseSettings } from '../../schema/config/env';
import { readSubgraphEndpoints, type SubgraphEndpoint } from '../../schema/config/subgraph-endpoints';
import { type HopKeys, readHopKeys } from '../../schema/identity/hop-keys';
import { REGISTRY_SERVICE } from '../../schema/identity/roles';
import type { DatabaseSettings } from '../../schema/database/database-target';
import { fetchSubgraphSdl } from '../../schema/federation/fetch-subgraph-sdl';
import { type BootstrapResult, bootstrapRegistry } from './bootstrap';
import { openRegistryDataSource } from './data-source';

const ATTEMPTS = 60;

/** Services in containers may still be migrating: try once a second until it works. */
async function retrying<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** The registry process migrates its database on start; opening it here before that is done would race it. */
async function registryHealthy(registryUrl: string): Promise<void> {
  const response = await fetch(`${registryUrl}/health`, { signal: AbortSignal.timeout(2000) });
  if (!response.ok) throw new Error(`the registry at ${registryUrl} is not healthy yet`);
}

/**
 * A first start has an empty registry and a gateway that needs a supergraph:
 * register the subgraphs that run now as version 1, straight in the
 * registry's database (no admin token exists yet on a fresh installation),
 * reading the SDLs as the registry does, with the registry's key.
 * A registry that holds anything is left alone: its history is the truth.
 */
export async function bootstrapFromRunning(subgraphs: SubgraphEndpoint[], hopKeys: HopKeys, registryDatabase: DatabaseSettings): Promise<BootstrapResult> {
  const sdls = await Promise.all(subgraphs.map(({ name, url }) => retrying(() => fetchSubgraphSdl(name, url, hopKeys))));
  const { dataSource } = await openRegistryDataSource(registryDatabase);
  try {
    return await bootstrapRegistry(dataSource, sdls.map(({ name, url, sdl }) => ({ name, department: name, url, sdl })), 'bootstrap');
  } finally {
    await dataSource.destroy();
  }
}

/**
 * `node dist/registry/src/bootstrap-from-running.js [code=http://host:port …]`: the platform's subgraphs (where the
 * gateway finds them too: `<NAME>_URL`) plus any given. With `REGISTRY_URL` set it first waits for that registry.
 */
async function main(): Promise<void> {
  const extra = process.argv.slice(2).map((arg) => {
    const [name, url] = arg.split('=');
    if (!name || !url) throw new Error(`expected code=url, got "${arg}"`);
    return { name, url };
  });
  const registryUrl = process.env.REGISTRY_URL?.replace(/\/+$/, '');
  if (registryUrl) await retrying(() => registryHealthy(registryUrl));
  const result = await bootstrapFromRunning([...readSubgraphEndpoints(), ...extra], readHopKeys(REGISTRY_SERVICE), readDatabaseSettings('registry'));
  console.log(
    result.kind === 'bootstrapped'
      ? `[registry] registered ${result.subgraphs.join(', ')} as supergraph version ${result.supergraphVersion}`
      : `[registry] left as it is: ${result.reason}`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`[registry] bootstrap failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
