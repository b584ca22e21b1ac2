import 'reflect-metadata';
import { exitOnStartupFailure } from '../../schema/federation/run-subgraph';
import { listen } from '../../schema/http/listen';
import { readRegistryConfig } from './config';
import { openRegistryDataSource } from './data-source';
import { createRegistryApp } from './server';

/** The registry process: open (and migrate) its database, serve, stop cleanly on SIGINT/SIGTERM. */
async function main() {
  const config = readRegistryConfig();
  const { dataSource } = await openRegistryDataSource(config.database);
  const registry = await createRegistryApp(dataSource, config);
  // loopback unless told otherwise: in containers HOST=0.0.0.0 lets the gateway reach it
  const listening = await listen(registry.app, config.port, process.env.HOST ?? '127.0.0.1');
  console.log(`[registry] serving ${listening.url}/graphql`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await listening.close();
    await registry.stop();
    await dataSource.destroy();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(exitOnStartupFailure('registry'));
